#!/usr/bin/env bash
# Rotation demo: a plan, its creatives, a day of imported stats, a dry-run rotation, then the applied one.
# Usage: Examples/demo-rotation.sh PATH/TO/clipkit SCRATCH_FOLDER
set -euo pipefail
clipkit=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
scratch=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$scratch"
export CLIPKIT_DB="$scratch/rotation-demo.sqlite"
export CLIPKIT_PRESETS="${CLIPKIT_PRESETS:-$here/../Presets}"
rm -f "$CLIPKIT_DB" "$CLIPKIT_DB-wal" "$CLIPKIT_DB-shm"

"$clipkit" plan add spring-sale --name "Spring sale live room" --budget 5000 --break-even-roi 1.8 --target-cpa 60 >/dev/null
"$clipkit" creative add --plan spring-sale --id c1 --id c2 --id c3 --id c4 --active >/dev/null
"$clipkit" creative add --plan spring-sale --id c5 --id c6 >/dev/null
"$clipkit" stats import "$here/data/generic-daily.csv"
echo "== rotate (dry run) =="
"$clipkit" rotate --plan spring-sale --as-of 2026-11-20
echo "== rotate --apply =="
"$clipkit" rotate --plan spring-sale --as-of 2026-11-20 --apply --json > "$scratch/rotation-2026-11-20.json"
"$clipkit" creative list --plan spring-sale
echo "decisions: $scratch/rotation-2026-11-20.json"
