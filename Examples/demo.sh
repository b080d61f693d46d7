#!/usr/bin/env bash
# The demo `make demo` runs: a sample live recording, then clipkit's jobs on it.
#   Examples/demo.sh PATH/TO/clipkit OUTDIR
set -euo pipefail
clipkit="$1"; out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
recording="$out/sample-live.mp4"
if [ ! -f "$recording" ]; then
  echo "== making a 90-second sample live recording: $recording"
  "$here/make-sample-recording.sh" "$recording" 90
fi
echo "== clipkit probe $recording"
"$clipkit" probe "$recording"
