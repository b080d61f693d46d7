#!/usr/bin/env bash
# Queue benchmark: the same short recordings extracted by one `clipkit extract` call, then through the work queue
# (`clipkit queue add` + `clipkit worker --once`) by one worker and by two; the difference between the first two
# is what the queue costs per job (claim, heartbeats, result, the manifest lock, presets loaded per job).
#   bench/queue.sh           QUEUE_JOBS=N recordings (default 40), 4 s each, copy mode, one clip each
#   CLIPKIT=path/to/clipkit  binary to time (default .build/release/clipkit)
set -euo pipefail
cd "$(dirname "$0")/.."
clipkit=${CLIPKIT:-.build/release/clipkit}
[ -x "$clipkit" ] || { echo "queue bench: build first (swift build -c release)" >&2; exit 1; }
jobs=${QUEUE_JOBS:-40}
dir=bench-out/queue
rm -rf "$dir" && mkdir -p "$dir/recordings"
ffmpeg -v error -y -f lavfi -i testsrc2=size=640x360:rate=25:duration=4 -f lavfi -i sine=frequency=440:sample_rate=48000:duration=4 \
    -c:v libx264 -preset ultrafast -g 25 -pix_fmt yuv420p -c:a aac -b:a 96k -shortest "$dir/source.mp4"
for i in $(seq -w 1 "$jobs"); do cp "$dir/source.mp4" "$dir/recordings/room-$i.mp4"; done
options=(--count 1 --min-duration 1 --max-duration 3 --mode copy --no-hook)

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { print b - a }'; }
per_job() { awk -v t="$1" -v n="$jobs" 'BEGIN { printf "%.3f", t / n }'; }

start=$(now)
"$clipkit" extract "$dir"/recordings/*.mp4 --out "$dir/extract" "${options[@]}" >/dev/null
extract=$(seconds "$start" "$(now)")

run_queue() {  # workers → wall seconds of queue add + the workers
    local workers=$1 db="$dir/queue-$1.sqlite"
    local start; start=$(now)
    CLIPKIT_DB=$db "$clipkit" queue add "$dir"/recordings/*.mp4 --out "$dir/queue-$workers" "${options[@]}" >/dev/null
    for _ in $(seq "$workers"); do CLIPKIT_DB=$db "$clipkit" worker --once --poll 0.2 >/dev/null & done
    wait
    [ "$(sqlite3 "$db" "SELECT count(*) FROM jobs WHERE state = 'done'")" = "$jobs" ] || { echo "queue bench: not every job done" >&2; exit 1; }
    seconds "$start" "$(now)"
}
one=$(run_queue 1)
two=$(run_queue 2)

printf '%s recordings of 4 s (640x360), copy mode, one clip each; load average %s\n' "$jobs" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-46s %8s %10s\n' run "wall s" "s per job"
printf '%-46s %8.1f %10s\n' "clipkit extract (one call)" "$extract" "$(per_job "$extract")"
printf '%-46s %8.1f %10s\n' "queue add + 1 worker --once" "$one" "$(per_job "$one")"
printf '%-46s %8.1f %10s\n' "queue add + 2 workers --once" "$two" "$(per_job "$two")"
printf 'queue overhead per job (1 worker vs extract): %s s\n' "$(per_job "$(seconds "$extract" "$one")")"
