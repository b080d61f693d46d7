#!/usr/bin/env bash
# Extract benchmark: `clipkit extract --count 10` on the analysis bench's live-like 1080p30 recording, in copy
# and exact mode, against ffmpeg stream-copying the same ten spans (`ffmpeg -ss S -i X -t D -c copy`).
#   bench/extract.sh      (uses bench-out/analysis-10min.mp4, made by bench/analysis.sh; BENCH_LONG=1: 60 min)
#   CLIPKIT=path/to/clipkit  binary to time (default .build/release/clipkit)
set -euo pipefail
cd "$(dirname "$0")/.."
clipkit=${CLIPKIT:-.build/release/clipkit}
[ -x "$clipkit" ] || { echo "extract bench: build first (swift build -c release)" >&2; exit 1; }
minutes=10; [ "${BENCH_LONG:-0}" = 1 ] && minutes=60
recording=bench-out/analysis-${minutes}min.mp4
[ -f "$recording" ] || bench/analysis.sh >/dev/null
[ -f "$recording" ] || { echo "extract bench: $recording missing" >&2; exit 1; }

python3 - "$clipkit" "$recording" <<'PY'
import json, os, subprocess, sys, time
clipkit, recording = sys.argv[1:3]
def timed(argv):
    start = time.monotonic()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        sys.exit(f"failed: {' '.join(argv)}: {process.stderr.read().decode()[-500:]}")
    return time.monotonic() - start, usage.ru_utime + usage.ru_stime
results = {}
for mode in ("copy", "exact"):
    out = f"bench-out/extract-{mode}"
    results[mode] = timed([clipkit, "extract", recording, "--out", out, "--count", "10", "--mode", mode, "--force", "--no-hook"])
def stages(mode):
    recordings = json.load(open(f"bench-out/extract-{mode}/manifest.json"))["recordings"]
    entry = next(r for r in recordings if r["source"] == os.path.abspath(recording))
    return entry["clips"], entry["timing"]
clips, copy_timing = stages("copy")
_, exact_timing = stages("exact")
os.makedirs("bench-out/extract-ffmpeg", exist_ok=True)
start = time.monotonic(); cpu = 0.0
for clip in clips:
    _, used = timed(["ffmpeg", "-v", "error", "-y", "-ss", str(clip["start"]), "-i", recording, "-t", str(clip["end"] - clip["start"]),
                     "-c", "copy", f"bench-out/extract-ffmpeg/{clip['index']:02d}.mp4"])
    cpu += used
ffmpeg_wall = time.monotonic() - start
print(f"recording {recording}: {len(clips)} clips, {sum(c['end'] - c['start'] for c in clips):.0f} s of clips")
print(f"{'run':44} {'wall s':>8} {'cpu s':>8}")
print(f"{'clipkit extract --mode copy (analysis + cut)':44} {results['copy'][0]:8.1f} {results['copy'][1]:8.1f}")
print(f"{'clipkit extract --mode exact (analysis + cut)':44} {results['exact'][0]:8.1f} {results['exact'][1]:8.1f}")
print(f"{'ffmpeg -ss -t -c copy, the same spans':44} {ffmpeg_wall:8.1f} {cpu:8.1f}")
copy_cut, exact_cut = copy_timing["cutting"], exact_timing["cutting"]
print(f"stages (manifest timing): analysis {copy_timing['analysis']:.1f} s; cutting: copy {copy_cut:.2f} s = "
      f"{copy_cut / ffmpeg_wall:.2f}× ffmpeg copy, exact {exact_cut:.2f} s = {exact_cut / max(copy_cut, 1e-3):.1f}× copy")
PY
