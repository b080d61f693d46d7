#!/usr/bin/env bash
# Nightly rotation for cron: import the day's exports, then rotate every plan and keep the JSON.
# cron mails whatever this prints; it prints only on problems (exit 1: bad input/IO, exit 3: a plan needs creatives).
#
#   CLIPKIT_DB       database (default /var/lib/clipkit/clipkit.sqlite)
#   CLIPKIT_INBOX    folder where the buyers' exports land (default /var/lib/clipkit/inbox)
#   CLIPKIT_ARCHIVE  where imported exports and decision JSON go (default /var/lib/clipkit/archive)
set -uo pipefail
export CLIPKIT_DB="${CLIPKIT_DB:-/var/lib/clipkit/clipkit.sqlite}"
inbox="${CLIPKIT_INBOX:-/var/lib/clipkit/inbox}"
archive="${CLIPKIT_ARCHIVE:-/var/lib/clipkit/archive}"
clipkit="${CLIPKIT_BIN:-clipkit}"
day=$(date -u +%F)
mkdir -p "$archive/$day"

status=0
shopt -s nullglob
for export_file in "$inbox"/*.csv; do
    # One file at a time: a bad file is reported and left in the inbox; the others still go in.
    if "$clipkit" stats import --json "$export_file" >> "$archive/$day/imports.jsonl"; then
        mv "$export_file" "$archive/$day/"
    else
        status=1
    fi
done

# Decide with the data up to yesterday (today's export is incomplete). Same-day re-runs are idempotent.
"$clipkit" rotate --all --apply --as-of "$(date -u -d yesterday +%F)" --json > "$archive/$day/rotation.json"
rotate_status=$?
if [ "$rotate_status" -eq 3 ]; then
    echo "clipkit: plans below their minimum of live creatives on $day:"
    python3 - "$archive/$day/rotation.json" <<'PY' 2>/dev/null || grep -o '"planID" : "[^"]*"' "$archive/$day/rotation.json"
import json, sys
for plan in json.load(open(sys.argv[1]))["plans"]:
    if plan["belowMinimum"]:
        print(f"  {plan['planID']}: {len(plan['activeAfter'])} live")
PY
    [ "$status" -eq 0 ] && status=3
elif [ "$rotate_status" -ne 0 ]; then
    status=$rotate_status
fi
exit "$status"
