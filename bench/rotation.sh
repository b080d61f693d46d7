#!/usr/bin/env bash
# Rotation benchmark: 10,000 plans × 5 creatives × 90 days of stats (4.5 M rows, generic CSV, cached).
# Times `stats import` (target ≤ 60 s) and `rotate --all` (target ≤ 10 s) with the release build, next to peers in
# the same run: the sqlite3 CLI's bare `.import` of the same CSV, and one GROUP BY pass over the stats in sqlite3
# (the least any rotation must read). Prints wall and CPU seconds (CPU is steadier on a shared machine) and ratios.
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

# measure CMD...: runs it (stdout to $measure_out, default /dev/null) and prints "wall_seconds cpu_seconds".
measure() {
    python3 - "$@" <<'PY'
import os, resource, subprocess, sys, time
start = time.time()
with open(os.environ.get("measure_out", "/dev/null"), "w") as out:
    status = subprocess.run(sys.argv[1:], stdout=out).returncode
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
if status not in (0, 3):
    sys.exit(f"{' '.join(sys.argv[1:])} failed with {status}")
print(f"{time.time() - start:.2f} {usage.ru_utime + usage.ru_stime:.2f}")
PY
}

rm -f "$db" "$db-wal" "$db-shm"
read -r import_wall import_cpu < <(measure "$clipkit" stats import --db "$db" --create-missing "$csv")
read -r reimport_wall reimport_cpu < <(measure "$clipkit" stats import --db "$db" "$csv")
asof=$(python3 -c "import datetime; print((datetime.date(2026,1,1)+datetime.timedelta($days-1)).isoformat())")
read -r rotate_wall rotate_cpu < <(measure "$clipkit" rotate --db "$db" --all --as-of "$asof")
read -r apply_wall apply_cpu < <(measure_out="$out/rotation.json" measure "$clipkit" rotate --db "$db" --all --as-of "$asof" --apply --json)

# Peers: the sqlite3 CLI importing the same CSV into a bare table, and one aggregate pass over our stats.
peer_db="$out/peer.sqlite"
rm -f "$peer_db"
cat > "$out/peer-import.sql" <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE stats (date TEXT, plan_id TEXT, creative_id TEXT, impressions INTEGER, clicks INTEGER, views_3s INTEGER, spend REAL, orders INTEGER, revenue REAL);
.mode csv
.import --skip 1 $csv stats
SQL
read -r peer_import_wall peer_import_cpu < <(measure sqlite3 "$peer_db" ".read $out/peer-import.sql")
read -r peer_scan_wall peer_scan_cpu < <(measure sqlite3 "$db" "SELECT COUNT(*) FROM (SELECT creative_id, date, SUM(impressions), SUM(clicks), SUM(spend) FROM stats GROUP BY creative_id, date);")

python3 - "$out/rotation.json" <<PY
import json, sys
from collections import Counter
rows, plans = $rows, $plans
decisions = Counter(d["action"] for p in json.load(open(sys.argv[1]))["plans"] for d in p["decisions"])
imp, imp_cpu, reimp, rot, rot_cpu, app, app_cpu = $import_wall, $import_cpu, $reimport_wall, $rotate_wall, $rotate_cpu, $apply_wall, $apply_cpu
peer_imp, peer_imp_cpu, peer_scan, peer_scan_cpu = $peer_import_wall, $peer_import_cpu, $peer_scan_wall, $peer_scan_cpu
load = open("/proc/loadavg").read().split()[0] if __import__("os").path.exists("/proc/loadavg") else "?"
print(f"rotation benchmark: {plans:,} plans x $creatives creatives x $days days = {rows:,} stat rows (load average {load})")
print(f"  stats import (new)        wall {imp:7.2f} s  cpu {imp_cpu:7.2f} s  {rows/imp_cpu:9,.0f} rows/cpu-s  target 60 s: {'OK' if imp <= 60 else 'MISSED'}")
print(f"  stats import (same again) wall {reimp:7.2f} s  all rows skipped (idempotent)")
print(f"  sqlite3 .import (peer)    wall {peer_imp:7.2f} s  cpu {peer_imp_cpu:7.2f} s  clipkit/peer cpu = {imp_cpu/max(peer_imp_cpu, 0.01):.1f}x")
print(f"  rotate --all (dry run)    wall {rot:7.2f} s  cpu {rot_cpu:7.2f} s  {plans/rot_cpu:9,.0f} plans/cpu-s  target 10 s: {'OK' if rot <= 10 else 'MISSED'}")
print(f"  rotate --all --apply      wall {app:7.2f} s  cpu {app_cpu:7.2f} s")
print(f"  sqlite3 GROUP BY (peer)   wall {peer_scan:7.2f} s  cpu {peer_scan_cpu:7.2f} s  rotate/peer cpu = {rot_cpu/max(peer_scan_cpu, 0.01):.1f}x")
print("  decisions: " + ", ".join(f"{k} {v:,}" for k, v in sorted(decisions.items())))
PY
