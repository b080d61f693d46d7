#!/usr/bin/env bash
# Benchmark ClipCutter: 10 spans of 20–40 s (in points between keyframes) cut from a 10-minute 1080p30
# H.264+AAC live-style recording with a 2 s GOP (generated once, cached as bench-out/live-10min.mp4),
# in each mode with the release build of Benchmarks/clipkit-bench-cut, against ffmpeg doing the same
# spans in the same run:
#   copy   vs ffmpeg -ss S -i rec -t D -c copy                     (target: ≤ 1.2×)
#   exact  vs our copy (target ≤ 3×) and vs ffmpeg re-encoding the whole span (libx264 veryfast crf 18)
#   encode vs ffmpeg to 720x1280 at 4 Mb/s (libx264 veryfast) + AAC: crop (scale+crop) and blurpad
#          (split, boxblur, overlay filter graph)
# Prints seconds per mode and the ratios. Outputs go to bench-out/cutting/.
# CUT_BENCH_MODES="copy exact encode" (default: all) runs only some of the comparisons.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench-out/cutting
REC=bench-out/live-10min.mp4
mkdir -p "$OUT"

if [ ! -f "$REC" ]; then
  # One minute encoded (ultrafast, 6 Mb/s), repeated ten times by stream copy: a realistic file in about a
  # minute of CPU instead of ten.
  echo "generating $REC (10 min 1080p30 H.264 6 Mb/s, GOP 2 s, AAC; once, cached)…" >&2
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=s=1920x1080:r=30:d=60" \
    -f lavfi -i "aevalsrc=0.2*sin(2*PI*(200+60*sin(2*PI*0.2*t))*t)+0.02*random(0):s=48000:c=stereo:d=60" \
    -c:v libx264 -preset ultrafast -b:v 6M -maxrate 8M -bufsize 12M \
    -g 60 -keyint_min 60 -sc_threshold 0 -pix_fmt yuv420p -c:a aac -b:a 128k "$OUT/minute.mp4"
  for _ in $(seq 10); do echo "file 'minute.mp4'"; done > "$OUT/minutes.txt"
  ffmpeg -hide_banner -loglevel error -y -f concat -safe 0 -i "$OUT/minutes.txt" -c copy -movflags +faststart "$REC.tmp.mp4"
  mv "$REC.tmp.mp4" "$REC"
fi

swift build -c release --product clipkit-bench-cut >&2
BIN=$(swift build -c release --show-bin-path)/clipkit-bench-cut

# Ten spans: starts 30.37 s + 55.3 s·i (never on a keyframe), lengths 20–40 s.
SPANS=()
for i in $(seq 0 9); do
  SPANS+=("$(awk -v i="$i" 'BEGIN { s = 30.37 + 55.3 * i; printf "%.2f:%.2f", s, s + 20 + (i * 7) % 21 }')")
done

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

run_ffmpeg() { # mode, extra args…
  local mode=$1; shift
  local i=0
  for span in "${SPANS[@]}"; do
    local s=${span%%:*} e=${span##*:}
    ffmpeg -hide_banner -loglevel error -y -ss "$s" -i "$REC" -t "$(awk -v s="$s" -v e="$e" 'BEGIN { print e - s }')" \
      "$@" "$OUT/ffmpeg-$mode-$i.mp4"
    i=$((i + 1))
  done
}

MODES=" ${CUT_BENCH_MODES:-copy exact encode} "
wants() { [[ "$MODES" == *" $1 "* ]]; }
rm -f "$OUT"/copy-*.mp4 "$OUT"/exact-*.mp4 "$OUT"/encode-*.mp4 "$OUT"/blurpad/encode-*.mp4

if wants copy || wants exact; then
t0=$(now); run_ffmpeg copy -c copy; t1=$(now)
ffmpeg_copy=$(elapsed "$t0" "$t1")
t0=$(now); "$BIN" "$REC" copy "$OUT" "${SPANS[@]}" > "$OUT/copy.log"; t1=$(now)
ours_copy=$(elapsed "$t0" "$t1")
t0=$(now); "$BIN" "$REC" exact "$OUT" "${SPANS[@]}" > "$OUT/exact.log"; t1=$(now)
ours_exact=$(elapsed "$t0" "$t1")
t0=$(now); run_ffmpeg reencode -c:v libx264 -preset veryfast -crf 18 -c:a copy; t1=$(now)
ffmpeg_reencode=$(elapsed "$t0" "$t1")
fi
if wants encode; then
ENCODE=(-c:v libx264 -preset veryfast -profile:v high -b:v 4M -maxrate 6M -bufsize 8M -r 30 -c:a aac -b:a 128k -ar 48000 -movflags +faststart)
t0=$(now); CLIP_FIT=crop "$BIN" "$REC" encode "$OUT" "${SPANS[@]}" > "$OUT/encode.log"; t1=$(now)
ours_encode=$(elapsed "$t0" "$t1")
t0=$(now); run_ffmpeg encode -vf "scale=720:1280:force_original_aspect_ratio=increase,crop=720:1280,setsar=1" "${ENCODE[@]}"; t1=$(now)
ffmpeg_encode=$(elapsed "$t0" "$t1")
mkdir -p "$OUT/blurpad"
t0=$(now); CLIP_FIT=blurpad "$BIN" "$REC" encode "$OUT/blurpad" "${SPANS[@]}" > "$OUT/blurpad.log"; t1=$(now)
ours_blurpad=$(elapsed "$t0" "$t1")
t0=$(now); run_ffmpeg blurpad -filter_complex "[0:v]split[a][b];[a]scale=90:160:force_original_aspect_ratio=increase,crop=90:160,boxblur=4:3,scale=720:1280[bg];[b]scale=720:1280:force_original_aspect_ratio=decrease[fg];[bg][fg]overlay=(W-w)/2:(H-h)/2,setsar=1[v]" -map "[v]" -map 0:a "${ENCODE[@]}"; t1=$(now)
ffmpeg_blurpad=$(elapsed "$t0" "$t1")
fi

# Every clip must decode cleanly.
for clip in "$OUT"/copy-*.mp4 "$OUT"/exact-*.mp4 "$OUT"/encode-*.mp4 "$OUT"/blurpad/encode-*.mp4; do
  [ -f "$clip" ] || continue
  errors=$(ffmpeg -hide_banner -v error -i "$clip" -f null - 2>&1 | head -3)
  [ -z "$errors" ] || { echo "decode errors in $clip: $errors" >&2; exit 1; }
done
echo "cutting: 10 spans of 20-40 s from a 10 min 1080p30 recording (seconds for all 10)"
if wants copy || wants exact; then
smart=$(grep -c "method=smart" "$OUT/exact.log" || true)
printf "  %-34s %8s s\n" "ffmpeg -ss/-t -c copy" "$ffmpeg_copy"
printf "  %-34s %8s s   %s x ffmpeg copy (target <= 1.2)\n" "clipkit copy" "$ours_copy" "$(ratio "$ours_copy" "$ffmpeg_copy")"
printf "  %-34s %8s s   %s x clipkit copy (target <= 3), %s x ffmpeg re-encode; %s/10 smart\n" "clipkit exact" "$ours_exact" \
  "$(ratio "$ours_exact" "$ours_copy")" "$(ratio "$ours_exact" "$ffmpeg_reencode")" "$smart"
printf "  %-34s %8s s\n" "ffmpeg re-encode span (crf 18)" "$ffmpeg_reencode"
fi
if wants encode; then
printf "  %-34s %8s s   %s x ffmpeg\n" "clipkit encode 720x1280 crop" "$ours_encode" "$(ratio "$ours_encode" "$ffmpeg_encode")"
printf "  %-34s %8s s\n" "ffmpeg scale+crop 720x1280" "$ffmpeg_encode"
printf "  %-34s %8s s   %s x ffmpeg\n" "clipkit encode 720x1280 blurpad" "$ours_blurpad" "$(ratio "$ours_blurpad" "$ffmpeg_blurpad")"
printf "  %-34s %8s s\n" "ffmpeg split/boxblur/overlay" "$ffmpeg_blurpad"
fi
