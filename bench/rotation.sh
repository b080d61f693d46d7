#!/usr/bin/env bash
# Rotation benchmark: 10,000 plans × 5 creatives × 90 days of stats (4.5 M rows, generic CSV, cached).
# Times `stats import` (target ≤ 60 s) and `rotate --all` (target ≤ 10 s) with the release build, next to peers in
# the same run: the sqlite3 CLI's bare `.import` of the same CSV, and one GROUP BY pass over the stats in sqlite3
# (the least any rotation must read). Prints seconds, rows/s and ratios.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench-out/rotation"
mkdir -p "$out"
plans=${ROTATION_BENCH_PLANS:-10000}
creatives=5
days=90
csv="$out/stats-${plans}x${creatives}x${days}.csv"

cd "$root"
swift build -c release --product clipkit >/dev/null
clipkit="$root/.build/release/clipkit"
export CLIPKIT_PRESETS="$root/Presets"

if [ ! -s "$csv" ]; then
    echo "generating $csv …" >&2
    python3 "$root/bench/rotation_data.py" "$csv" "$plans" "$creatives" "$days"
fi
rows=$(( $(wc -l < "$csv") - 1 ))
db="$out/bench.sqlite"

seconds() { python3 -c 'import sys,time; print(f"{time.time():.3f}")'; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }

rm -f "$db" "$db-wal" "$db-shm"
t0=$(seconds)
"$clipkit" stats import --db "$db" --create-missing "$csv" >/dev/null
t1=$(seconds)
import_s=$(elapsed "$t0" "$t1")

t0=$(seconds)
"$clipkit" stats import --db "$db" "$csv" >/dev/null
t1=$(seconds)
reimport_s=$(elapsed "$t0" "$t1")

asof=$(python3 -c "import datetime; print((datetime.date(2026,1,1)+datetime.timedelta($days-1)).isoformat())")
set +e
t0=$(seconds)
"$clipkit" rotate --db "$db" --all --as-of "$asof" >/dev/null
t1=$(seconds)
rotate_s=$(elapsed "$t0" "$t1")
t0=$(seconds)
"$clipkit" rotate --db "$db" --all --as-of "$asof" --apply --json > "$out/rotation.json"
t1=$(seconds)
set -e
apply_s=$(elapsed "$t0" "$t1")

# Peers: the sqlite3 CLI importing the same CSV into a bare table, and one aggregate pass over our stats.
peer_db="$out/peer.sqlite"
rm -f "$peer_db"
t0=$(seconds)
sqlite3 "$peer_db" <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE stats (date TEXT, plan_id TEXT, creative_id TEXT, impressions INTEGER, clicks INTEGER, views_3s INTEGER, spend REAL, orders INTEGER, revenue REAL);
.mode csv
.import --skip 1 $csv stats
SQL
t1=$(seconds)
peer_import_s=$(elapsed "$t0" "$t1")
t0=$(seconds)
sqlite3 "$db" "SELECT COUNT(*) FROM (SELECT creative_id, date, SUM(impressions), SUM(clicks), SUM(spend) FROM stats GROUP BY creative_id, date);" >/dev/null
t1=$(seconds)
peer_scan_s=$(elapsed "$t0" "$t1")

decisions=$(python3 -c "
import json; d = json.load(open('$out/rotation.json'))
from collections import Counter
c = Counter(x['action'] for p in d['plans'] for x in p['decisions'])
print(', '.join(f'{k} {v}' for k, v in sorted(c.items())))")

python3 - <<PY
rows, plans = $rows, $plans
imp, reimp, rot, app = $import_s, $reimport_s, $rotate_s, $apply_s
peer_imp, peer_scan = $peer_import_s, $peer_scan_s
print(f"rotation benchmark: {plans:,} plans x $creatives creatives x $days days = {rows:,} stat rows")
print(f"  stats import (new)        {imp:8.2f} s  {rows/imp:10,.0f} rows/s  target 60 s: {'OK' if imp <= 60 else 'MISSED'} ({imp/60:.2f} of budget)")
print(f"  stats import (same again) {reimp:8.2f} s  all rows skipped (idempotent)")
print(f"  sqlite3 .import (peer)    {peer_imp:8.2f} s  {rows/peer_imp:10,.0f} rows/s  clipkit/peer = {imp/peer_imp:.1f}x")
print(f"  rotate --all (dry run)    {rot:8.2f} s  {plans/rot:10,.0f} plans/s  target 10 s: {'OK' if rot <= 10 else 'MISSED'} ({rot/10:.2f} of budget)")
print(f"  rotate --all --apply      {app:8.2f} s")
print(f"  sqlite3 GROUP BY (peer)   {peer_scan:8.2f} s  rotate/peer = {rot/peer_scan:.1f}x")
print(f"  decisions: $decisions")
PY
