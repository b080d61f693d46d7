/// The report's only stylesheet, inlined in the page: system fonts, print-friendly, SVG chart classes.
enum Stylesheet {
    static let css = """
    :root { --ink: #1f2430; --muted: #5b6475; --line: #d9dde5; --panel: #f6f7f9; --accent: #4e79a7; }
    * { box-sizing: border-box; }
    body { margin: 0; padding: 24px 32px 48px; color: var(--ink); background: #fff;
           font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif; }
    header.page { border-bottom: 2px solid var(--ink); margin-bottom: 20px; padding-bottom: 10px; }
    h1 { font-size: 24px; margin: 0 0 4px; }
    h2 { font-size: 20px; margin: 0 0 6px; }
    h3 { font-size: 15px; margin: 22px 0 8px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
    .muted, .facts, figcaption, .note { color: var(--muted); }
    nav ul { margin: 6px 0 0; padding-left: 18px; columns: 2; }
    section.plan, section.recording { border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; margin: 0 0 26px; }
    .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
    .advice { border-left: 5px solid var(--muted); background: var(--panel); padding: 10px 14px; margin: 12px 0; border-radius: 0 6px 6px 0; }
    .advice.ramp { border-color: #59a14f; } .advice.cut { border-color: #e15759; } .advice.hold { border-color: #edc948; }
    .advice strong { font-size: 15px; }
    .advice p { margin: 4px 0 0; }
    .alert { color: #b3261e; font-weight: 600; }
    .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 8px 0; }
    .legend span::before { content: ""; display: inline-block; width: 12px; height: 12px; border-radius: 2px;
                           margin-right: 6px; vertical-align: -1px; background: var(--swatch); }
    figure { margin: 0; }
    figcaption { font-size: 12px; margin-top: 2px; }
    figure.metric figcaption { font-size: 14px; font-weight: 600; color: var(--ink); margin: 0 0 2px; }
    .charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 14px 22px; }
    svg.chart { width: 100%; height: auto; display: block; }
    svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
    svg .tick { fill: var(--muted); }
    svg .axis-label { fill: var(--muted); font-size: 11px; }
    svg .axis { stroke: #8a93a3; stroke-width: 1; }
    svg .grid { stroke: #e6e9ef; stroke-width: 1; }
    svg .series { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
    svg .point { stroke: none; }
    svg .marker { fill: none; stroke-width: 2.2; }
    svg .marker-rule { stroke: #b3261e; stroke-width: 1; stroke-dasharray: 4 3; }
    svg .marker-label { fill: #b3261e; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    svg .reference { stroke: #3b3f48; stroke-width: 1.2; stroke-dasharray: 6 4; }
    svg .reference-label { fill: #3b3f48; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    svg .empty { fill: var(--muted); font-size: 13px; }
    svg .row-label { font-size: 12px; }
    svg .bar.active { stroke: none; }
    svg .bar.resting { fill-opacity: .18; stroke: #8a93a3; stroke-dasharray: 3 2; }
    svg .bar-label { font-size: 11px; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    svg .bar-label.inside { fill: #fff; font-weight: 600; stroke: none; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 13px; }
    th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
    th { background: var(--panel); font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .clips { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 14px; }
    article.clip { display: flex; gap: 12px; border: 1px solid var(--line); border-radius: 6px; padding: 10px; break-inside: avoid; }
    article.clip img, article.clip .no-thumb { width: 108px; flex: none; border-radius: 4px; background: #111; align-self: flex-start; }
    article.clip .no-thumb { height: 120px; background: var(--panel); color: var(--muted); font-size: 12px; padding: 8px; }
    article.clip h4 { margin: 0 0 4px; font-size: 14px; }
    article.clip ul { margin: 4px 0; padding-left: 18px; font-size: 12.5px; }
    .score { font-weight: 700; }
    .findings li { color: #8a4b00; }
    footer { margin-top: 30px; color: var(--muted); font-size: 12px; }
    @media print {
      body { padding: 0; font-size: 11px; }
      section.plan, section.recording { border: none; padding: 0; break-before: page; }
      figure, table, .advice { break-inside: avoid; }
      nav { display: none; }
    }
    """
}
