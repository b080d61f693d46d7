#!/usr/bin/env bash
# Benchmark `clipkit hook`: 100 creatives of 1080x1920, 30 s each (generated once, cached under
# bench-out/hook/), checked with the release build, against ffmpeg running blackdetect + freezedetect +
# scdet + ebur128 over the same openings (3.5 s, what clipkit decodes) in the same run, both with 2 jobs.
# Prints creatives/s for each and the ratio. Target: clipkit ≥ 5 creatives/s on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench-out/hook
CREATIVES=$OUT/creatives
COUNT=${HOOK_BENCH_COUNT:-100}
JOBS=${HOOK_BENCH_JOBS:-2}
mkdir -p "$CREATIVES"

# One 1080x1920 master of COUNT+30 s (H.264 High, CRF 23, 1 s GOP, AAC), then COUNT creatives cut from it
# by stream copy at whole seconds: every creative has its own opening, no re-encoding per creative.
MASTER=$OUT/master.mp4
if [ ! -f "$MASTER" ]; then
  echo "generating the 1080x1920 master ($((COUNT + 30)) s; once, cached in $OUT)…" >&2
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=s=540x960:r=30:d=$((COUNT + 30))" \
    -f lavfi -i "aevalsrc=0.25*sin(2*PI*(180+40*sin(2*PI*0.3*t))*t)*(0.55+0.45*sin(2*PI*4*t))+0.02*random(0):s=48000:d=$((COUNT + 30))" \
    -filter_complex "[0:v]negate=enable='lt(mod(t,3.1),1.3)',hue=H=2*PI*t/7,hflip=enable='lt(mod(t,2.3),0.9)',scale=1080:1920:flags=bicubic[v]" \
    -map "[v]" -map 1:a -c:v libx264 -preset veryfast -crf 23 -g 30 -keyint_min 30 -pix_fmt yuv420p \
    -c:a aac -b:a 128k "$MASTER.tmp.mp4"
  mv "$MASTER.tmp.mp4" "$MASTER"
fi
for i in $(seq 0 $((COUNT - 1))); do
  file=$(printf "%s/creative-%03d.mp4" "$CREATIVES" "$i")
  [ -f "$file" ] || ffmpeg -hide_banner -loglevel error -y -ss "$i" -i "$MASTER" -t 30 -c copy "$file"
done

swift build -c release --product clipkit >&2
BIN=$(swift build -c release --show-bin-path)/clipkit

now() { date +%s.%N; }
t0=$(now)
"$BIN" hook --json --jobs "$JOBS" "$CREATIVES" > "$OUT/hook.json" || status=$?
t1=$(now)
[ "${status:-0}" -le 1 ] || { echo "clipkit hook failed with $status" >&2; exit 1; }
ls "$CREATIVES"/*.mp4 | xargs -P "$JOBS" -I{} ffmpeg -hide_banner -nostats -loglevel error -t 3.5 -i {} \
  -filter_complex "[0:v]blackdetect=d=0.1,freezedetect=d=1,scdet[v];[0:a]ebur128=peak=true[a]" \
  -map "[v]" -map "[a]" -f null -
t2=$(now)

checked=$(python3 -c "import json; print(len(json.load(open('$OUT/hook.json'))))")
python3 - "$t0" "$t1" "$t2" "$COUNT" "$checked" "$JOBS" <<'PY'
import sys
t0, t1, t2 = map(float, sys.argv[1:4]); count, checked, jobs = int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
ours, peer = t1 - t0, t2 - t1
print(f"hook benchmark: {count} creatives 1080x1920 30 s, {jobs} jobs")
print(f"  clipkit hook --json       {ours:7.2f} s  {count / ours:6.2f} creatives/s  ({checked} reports; target ≥ 5/s)")
print(f"  ffmpeg black+freeze+scdet+ebur128 on 3.5 s openings  {peer:7.2f} s  {count / peer:6.2f} creatives/s")
print(f"  ratio clipkit/ffmpeg speed: {peer / ours:.2f}x")
PY
