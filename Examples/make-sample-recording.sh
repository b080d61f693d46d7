#!/usr/bin/env bash
# Makes a short live-like recording for the demo, with the live room's export and a transcript beside it:
#   OUT.mp4         720p30 H.264 (keyframe every 2 s) + AAC: calm host talk, shot changes every 7 s, and two
#                   louder, faster "pitch" stretches at 30–45 s and 65–80 s
#   OUT-events.csv  the live room's export, a row every 10 s on the wall clock (时间, 在线人数, 成交订单数, 评论数),
#                   with order spikes 8–25 s after each pitch starts
#   OUT.srt         a transcript with cue phrases (上链接, 最后三单) in the pitches
# The recording's creation_time is 2026-11-20T12:00:00Z, i.e. 20:00:00 in Asia/Shanghai.
#   Examples/make-sample-recording.sh OUT.mp4 [SECONDS]
set -euo pipefail
out="$1"; seconds="${2:-90}"
base="${out%.*}"
tmp="$(dirname "$out")/.tmp-$$-$(basename "$out")"
trap 'rm -f "$tmp"' EXIT
pitch="between(t,30,45)+between(t,65,80)"
audio="anoisesrc=color=pink:amplitude=0.4:sample_rate=48000:duration=${seconds},highpass=f=250,lowpass=f=3000,
volume='if(${pitch},1.0,0.2)*(0.5+0.5*sin(2*PI*t*if(${pitch},6,3)))':eval=frame"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=${seconds}" \
  -f lavfi -i "$(echo "$audio" | tr -d '\n')" \
  -vf "eq=brightness='-0.3*mod(floor(t/7)\,2)':eval=frame" \
  -c:v libx264 -preset ultrafast -g 60 -keyint_min 60 -sc_threshold 0 -pix_fmt yuv420p -b:v 3000k -maxrate 4500k -bufsize 6000k \
  -c:a aac -b:a 128k -shortest -metadata creation_time=2026-11-20T12:00:00Z -f mp4 "$tmp"
mv "$tmp" "$out"
trap - EXIT

# The live room's export: wall-clock rows every 10 s (Asia/Shanghai), orders spiking after each pitch.
{
  echo "时间,在线人数,成交订单数,评论数"
  for ((s = 0; s < seconds; s += 10)); do
    orders=$(( (s >= 40 && s < 60) || (s >= 70 && s < 90) ? 9 : (s % 30 == 0 ? 1 : 0) ))
    comments=$(( (s >= 30 && s < 50) || (s >= 65 && s < 85) ? 25 : 4 ))
    printf '2026-11-20 20:%02d:%02d,%d,%d,%d\n' $((s / 60)) $((s % 60)) $((1200 + s)) "$orders" "$comments"
  done
} > "$base-events.csv"

# A transcript: calm talk, cue phrases in the pitches.
{
  n=1
  for ((s = 0; s + 4 < seconds; s += 5)); do
    if (( (s >= 30 && s < 45) || (s >= 65 && s < 80) )); then text="家人们 三二一 上链接 最后三单"; else text="大家好 欢迎来到直播间 看看这款"; fi
    printf '%d\n00:%02d:%02d,000 --> 00:%02d:%02d,000\n%s\n\n' $n $((s / 60)) $((s % 60)) $(((s + 4) / 60)) $(((s + 4) % 60)) "$text"
    n=$((n + 1))
  done
} > "$base.srt"
