#!/usr/bin/env bash
# Makes a short live-like recording for the demo: 720p30 H.264 (keyframe every 2 s) + AAC, with a calm host
# (quiet noise), scene changes, and two louder, faster "pitch" stretches.
#   Examples/make-sample-recording.sh OUT.mp4 [SECONDS]
set -euo pipefail
out="$1"; seconds="${2:-90}"
tmp="$(dirname "$out")/.tmp-$$-$(basename "$out")"
trap 'rm -f "$tmp"' EXIT
# Speech-like audio: band-limited noise gated at syllable rate; pitch stretches at 30–45 s and 65–80 s are
# 14 dB louder and faster.
audio="anoisesrc=color=pink:amplitude=0.25:sample_rate=48000:duration=${seconds},
highpass=f=200,lowpass=f=3400,
volume='if(between(t,30,45)+between(t,65,80),1.0,0.2)*(0.55+0.45*sin(2*PI*t*if(between(t,30,45)+between(t,65,80),6,3)))':eval=frame"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=${seconds}" \
  -f lavfi -i "$(echo "$audio" | tr -d '\n')" \
  -vf "hue=h='floor(t/7)*67'" \
  -c:v libx264 -preset veryfast -g 60 -keyint_min 60 -sc_threshold 0 -pix_fmt yuv420p -b:v 2500k \
  -c:a aac -b:a 128k -shortest -metadata creation_time=2026-11-20T12:00:00Z -f mp4 "$tmp"
mv "$tmp" "$out"
trap - EXIT
