#!/usr/bin/env bash
# Analysis benchmark: `clipkit analyze` (fast and exhaustive) against ffmpeg decodes, ffmpeg scdet and
# PySceneDetect on a live-like 1080p30 H.264 (GOP 2 s, ~4.5 Mb/s) + AAC recording of 10 and 60 minutes.
# Recordings are cached in bench-out/. Prints wall time, CPU time, peak RSS, × realtime and ratios.
#   bench/analysis.sh            10-minute file (and the 60-minute one when BENCH_LONG=1)
#   CLIPKIT=path/to/clipkit      binary to time (default .build/release/clipkit)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench-out
mkdir -p "$out"
clipkit=${CLIPKIT:-.build/release/clipkit}
[ -x "$clipkit" ] || { echo "analysis bench: build first (swift build -c release)" >&2; exit 1; }

# One minute of live-like content: four scenes with hard cuts (not on keyframes), a second of black,
# three frozen seconds, moving texture throughout, speech-like audio bursts with pauses over quiet music.
make_minute() {
  local target=$out/analysis-minute.mp4
  [ -f "$target" ] && return
  echo "generating one live-like minute (1080p30)…" >&2
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=s=960x540:r=30:d=17" \
    -f lavfi -i "life=s=480x270:r=30:mold=10:ratio=0.4:seed=5,trim=duration=13.4" \
    -f lavfi -i "color=c=black:s=960x540:r=30:d=1" \
    -f lavfi -i "cellauto=s=480x270:r=30:rule=110:seed=9,trim=duration=10.9" \
    -f lavfi -i "smptebars=s=960x540:r=30:d=2.7" \
    -f lavfi -i "testsrc=s=960x540:r=30:d=15" \
    -f lavfi -i "aevalsrc='0.25*(random(0)*2-1)*max(0,sin(2*PI*3.7*t))*gt(mod(t,6.3),1.1)+0.02*sin(2*PI*220*t)+0.02*sin(2*PI*330*t)':s=48000:d=60" \
    -filter_complex "[0:v]scale=1920:1080,noise=alls=12:allf=t,setsar=1[a];[1:v]scale=1920:1080:flags=neighbor,noise=alls=8:allf=t,setsar=1[b];[2:v]scale=1920:1080,setsar=1[c];[3:v]scale=1920:1080:flags=neighbor,noise=alls=8:allf=t,setsar=1[d];[4:v]scale=1920:1080,setsar=1[e];[5:v]scale=1920:1080,noise=alls=12:allf=t,setsar=1[f];[a][b][c][d][e][f]concat=n=6:v=1:a=0,format=yuv420p[v]" \
    -map "[v]" -map 6:a -c:v libx264 -preset ultrafast -b:v 4500k -maxrate 4500k -bufsize 9000k -g 60 -keyint_min 60 \
    -c:a aac -b:a 128k -ac 2 -movflags +faststart "$target.tmp.mp4"
  mv "$target.tmp.mp4" "$target"
}

# N minutes: the minute repeated by stream copy (cheap), so every file has the same structure.
make_recording() {
  local minutes=$1 target=$out/analysis-${1}min.mp4
  [ -f "$target" ] && return
  make_minute
  echo "assembling a ${minutes}-minute recording…" >&2
  ffmpeg -hide_banner -loglevel error -y -stream_loop $((minutes - 1)) -i "$out/analysis-minute.mp4" -c copy \
    -movflags +faststart "$target.tmp.mp4"
  mv "$target.tmp.mp4" "$target"
}

if ! python3 -c "import scenedetect" 2>/dev/null; then
  pip install -q scenedetect-headless >/dev/null 2>&1 || pip install -q --break-system-packages scenedetect-headless >/dev/null 2>&1 || true
fi

run_bench() {
  local file=$1
  python3 - "$file" "$clipkit" "$out" <<'PY'
import json, os, resource, subprocess, sys, time
file, clipkit, out = sys.argv[1:4]
duration = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file],
                                capture_output=True, text=True).stdout)
base = os.path.basename(file).rsplit(".", 1)[0]
def timed(name, argv, stdout=subprocess.DEVNULL):
    start = time.monotonic()
    process = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    if status != 0:
        print(f"  {name}: failed (exit status {status >> 8})")
        if name.startswith("clipkit"): failures.append(name)
        return None
    return dict(name=name, wall=wall, cpu=usage.ru_utime + usage.ru_stime, rss=usage.ru_maxrss / 1024)
runs = []
reports = {}
failures = []
for mode in ("fast", "exhaustive"):
    path = f"{out}/{base}.{mode}.json"
    r = timed(f"clipkit analyze --mode {mode}", [clipkit, "analyze", "--mode", mode, "--out", path, "--json", file])
    if r: runs.append(r); reports[mode] = json.load(open(path))
runs.append(timed("ffmpeg full decode (-an)", ["ffmpeg", "-v", "error", "-i", file, "-an", "-f", "null", "-"]))
runs.append(timed("ffmpeg audio decode (-vn)", ["ffmpeg", "-v", "error", "-i", file, "-vn", "-f", "null", "-"]))
runs.append(timed("ffmpeg scdet", ["ffmpeg", "-v", "error", "-i", file, "-an", "-vf", "scdet=threshold=10", "-f", "null", "-"]))
try:
    import scenedetect  # noqa: F401
    runs.append(timed("PySceneDetect detect-adaptive", [sys.executable, "-m", "scenedetect", "-i", file, "-o", out, "-q", "detect-adaptive"]))
except ImportError:
    print("  PySceneDetect: not installed (pip install scenedetect-headless), skipped")
runs = [r for r in runs if r]
full = next((r["wall"] for r in runs if r["name"].startswith("ffmpeg full")), None)
print(f"\n{os.path.basename(file)}: {duration/60:.1f} min, {os.path.getsize(file)/1e6:.0f} MB")
print(f"  {'run':34} {'wall s':>8} {'cpu s':>8} {'RSS MiB':>8} {'× realtime':>11} {'wall / ffmpeg full decode':>26}")
for r in runs:
    ratio = f"{r['wall']/full:.2f}" if full else "-"
    print(f"  {r['name']:34} {r['wall']:8.1f} {r['cpu']:8.1f} {r['rss']:8.0f} {duration/r['wall']:11.1f} {ratio:>26}")
if "fast" in reports and "exhaustive" in reports:
    fast, full_cuts = reports["fast"]["cuts"], reports["exhaustive"]["cuts"]
    tolerance = 1.5 / (reports["exhaustive"].get("frameRate") or 30)
    found = sum(1 for c in full_cuts if any(abs(c["time"] - f["time"]) <= tolerance for f in fast))
    d = reports["fast"]["decode"]
    print(f"  fast mode: {found}/{len(full_cuts)} of the exhaustive cuts ({100*found/max(1,len(full_cuts)):.1f}%), "
          f"{d['gopsDecoded']} of {d['keyframes']} GOPs decoded in full {d.get('detailReasons', {})}, "
          f"{d['framesDecoded']} of {d['videoPackets']} frames")
    print(f"  exhaustive: {len(full_cuts)} cuts, {len(reports['exhaustive']['black'])} black, "
          f"{len(reports['exhaustive']['freeze'])} frozen, {len(reports['exhaustive']['silence'])} silent intervals; "
          f"integrated {reports['exhaustive']['summary']['loudness'].get('integrated')} LUFS")
sys.exit(1 if failures else 0)
PY
}

make_recording 10
run_bench "$out/analysis-10min.mp4"
if [ "${BENCH_LONG:-0}" = 1 ]; then
  make_recording 60
  run_bench "$out/analysis-60min.mp4"
fi
