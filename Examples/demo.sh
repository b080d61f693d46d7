#!/usr/bin/env bash
# The demo `make demo` runs: a sample live recording, then clipkit's three jobs on it —
# extract the highlights as 9:16 clips, check their first three seconds, and rotate them in an ad plan.
#   Examples/demo.sh PATH/TO/clipkit OUTDIR
set -euo pipefail
clipkit="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
export CLIPKIT_PRESETS="${CLIPKIT_PRESETS:-$here/../Presets}"
mkdir -p "$out"
recording="$out/sample-live.mp4"
if [ ! -f "$recording" ] || [ ! -f "$out/sample-live-events.csv" ] || [ ! -f "$out/sample-live.srt" ]; then
  echo "== making a 90-second sample live recording with its live-room export and transcript: $recording"
  "$here/make-sample-recording.sh" "$recording" 90
fi

echo "== clipkit probe"
"$clipkit" probe "$recording"

echo "== clipkit extract: the two best moments as douyin 9:16 clips, with timelines and a contact sheet"
"$clipkit" extract "$recording" --out "$out/clips" --count 2 --mode encode --preset douyin-9x16 \
  --events "$out/sample-live-events.csv" --timezone Asia/Shanghai --transcript "$out/sample-live.srt" \
  --export edl,fcpxml,otio --contact-sheet --force

echo "== clipkit hook: the first three seconds of each clip"
"$clipkit" hook "$out/clips/"*.mp4 || [ $? -eq 3 ]

echo "== clipkit rotate: a plan with live creatives, a day of stats, a rotation"
"$here/demo-rotation.sh" "$clipkit" "$out/rotation"

echo "== the new clips join the plan as hook-scored candidates, with their source spans"
CLIPKIT_DB="$out/rotation/rotation-demo.sqlite" "$clipkit" creative add --plan spring-sale "$out/clips/"*.mp4
CLIPKIT_DB="$out/rotation/rotation-demo.sqlite" "$clipkit" creative list --plan spring-sale

echo "== clipkit report --html: the plan's active set, metrics with fatigue points, budget advice, and the clips"
CLIPKIT_DB="$out/rotation/rotation-demo.sqlite" "$clipkit" report --html "$out/report.html" --days 12 --clips "$out/clips"

echo
echo "Clips, manifest.json, timelines and contact sheet: $out/clips/; HTML report: $out/report.html"
