#!/usr/bin/env bash
# Rotation benchmark: 10,000 plans × 5 creatives × 90 days of stats (4.5 M rows, generic CSV, cached).
# Times `stats import` (target ≤ 60 s) and `rotate --all` (target ≤ 10 s) with the release build, next to peers in
# the same run: the sqlite3 CLI's bare `.import` of the same CSV, and one GROUP BY pass over the stats in sqlite3
# (the least any rotation must read). Prints wall and CPU seconds (CPU is steadier on a shared machine) and ratios.
# The same steps then run on PostgreSQL (a throwaway local server from scripts/with-postgres.sh, unless
# CLIPKIT_TEST_POSTGRES names one) and are printed beside SQLite's; the server's CPU is counted apart from clipkit's.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${CLIPKIT_TEST_POSTGRES:-}" ]; then exec "$root/scripts/with-postgres.sh" "$0" "$@"; fi
out="$root/bench-out/rotation"
mkdir -p "$out"
plans=${ROTATION_BENCH_PLANS:-10000}
creatives=5
days=90
csv="$out/stats-${plans}x${creatives}x${days}.csv"

cd "$root"
scratch=${SWIFT_SCRATCH_PATH:-$root/.build}   # another build folder (.build-NAME) lets a benchmark build beside a test run
swift build -c release --product clipkit --scratch-path "$scratch" >/dev/null
clipkit="$scratch/release/clipkit"
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

asof=$(python3 -c "import datetime; print((datetime.date(2026,1,1)+datetime.timedelta($days-1)).isoformat())")
# server_cpu: CPU seconds of the PostgreSQL server's exited backends so far (the postmaster's reaped children).
server_cpu() {
    if [ -n "${CLIPKIT_TEST_POSTGRES_PID:-}" ] && [ -r "/proc/$CLIPKIT_TEST_POSTGRES_PID/stat" ]; then
        python3 -c "import os,sys; f=open(f'/proc/{sys.argv[1]}/stat').read().rsplit(')',1)[1].split(); print((int(f[13])+int(f[14]))/os.sysconf('SC_CLK_TCK'))" "$CLIPKIT_TEST_POSTGRES_PID"
    else
        echo 0
    fi
}
# steps NAME DB: the four clipkit steps on one store; sets NAME_{import,reimport,rotate,apply}_{wall,cpu,server}.
steps() {
    local name=$1 location=$2 step wall cpu before
    for step in import reimport rotate apply; do
        before=$(server_cpu)
        case $step in
            import)   read -r wall cpu < <(measure "$clipkit" stats import --db "$location" --create-missing "$csv") ;;
            reimport) read -r wall cpu < <(measure "$clipkit" stats import --db "$location" "$csv") ;;
            rotate)   read -r wall cpu < <(measure "$clipkit" rotate --db "$location" --all --as-of "$asof") ;;
            apply)    read -r wall cpu < <(measure_out="$out/rotation-$name.json" measure "$clipkit" rotate --db "$location" --all --as-of "$asof" --apply --json) ;;
        esac
        printf -v "${name}_${step}_wall" %s "$wall"
        printf -v "${name}_${step}_cpu" %s "$cpu"
        printf -v "${name}_${step}_server" %s "$(python3 -c "print(round($(server_cpu) - $before, 2))")"
    done
}

rm -f "$db" "$db-wal" "$db-shm"
steps sqlite "$db"
psql -q -d "$CLIPKIT_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS clipkit_bench" -c "CREATE DATABASE clipkit_bench"
pg_url=$(python3 -c "import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path='/clipkit_bench')))" "$CLIPKIT_TEST_POSTGRES")
steps pg "$pg_url"
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

python3 - "$out/rotation-sqlite.json" "$out/rotation-pg.json" <<PY
import json, sys
from collections import Counter
rows, plans = $rows, $plans
def decisions(path): return Counter(d["action"] for p in json.load(open(path))["plans"] for d in p["decisions"])
imp, imp_cpu, reimp, rot, rot_cpu, app, app_cpu = $sqlite_import_wall, $sqlite_import_cpu, $sqlite_reimport_wall, $sqlite_rotate_wall, $sqlite_rotate_cpu, $sqlite_apply_wall, $sqlite_apply_cpu
peer_imp, peer_imp_cpu, peer_scan, peer_scan_cpu = $peer_import_wall, $peer_import_cpu, $peer_scan_wall, $peer_scan_cpu
load = open("/proc/loadavg").read().split()[0] if __import__("os").path.exists("/proc/loadavg") else "?"
print(f"rotation benchmark: {plans:,} plans x $creatives creatives x $days days = {rows:,} stat rows (load average {load})")
print(f"  stats import (new)        wall {imp:7.2f} s  cpu {imp_cpu:7.2f} s  {rows/imp_cpu:9,.0f} rows/cpu-s  target 60 s: {'OK' if imp <= 60 else 'MISSED'}")
print(f"  stats import (same again) wall {reimp:7.2f} s  all rows skipped (idempotent)")
print(f"  sqlite3 .import (peer)    wall {peer_imp:7.2f} s  cpu {peer_imp_cpu:7.2f} s  clipkit/peer cpu = {imp_cpu/max(peer_imp_cpu, 0.01):.1f}x")
print(f"  rotate --all (dry run)    wall {rot:7.2f} s  cpu {rot_cpu:7.2f} s  {plans/rot_cpu:9,.0f} plans/cpu-s  target 10 s: {'OK' if rot <= 10 else 'MISSED'}")
print(f"  rotate --all --apply      wall {app:7.2f} s  cpu {app_cpu:7.2f} s")
print(f"  sqlite3 GROUP BY (peer)   wall {peer_scan:7.2f} s  cpu {peer_scan_cpu:7.2f} s  rotate/peer cpu = {rot_cpu/max(peer_scan_cpu, 0.01):.1f}x")
for name, path in (("sqlite", sys.argv[1]), ("postgresql", sys.argv[2])):
    print(f"  decisions ({name}): " + ", ".join(f"{k} {v:,}" for k, v in sorted(decisions(path).items())))
sq = {"import": ($sqlite_import_wall, $sqlite_import_cpu), "reimport": ($sqlite_reimport_wall, $sqlite_reimport_cpu),
      "rotate": ($sqlite_rotate_wall, $sqlite_rotate_cpu), "apply": ($sqlite_apply_wall, $sqlite_apply_cpu)}
pg = {"import": ($pg_import_wall, $pg_import_cpu, $pg_import_server), "reimport": ($pg_reimport_wall, $pg_reimport_cpu, $pg_reimport_server),
      "rotate": ($pg_rotate_wall, $pg_rotate_cpu, $pg_rotate_server), "apply": ($pg_apply_wall, $pg_apply_cpu, $pg_apply_server)}
print("SQLite vs PostgreSQL, same data, same run (cpu = clipkit's; server = PostgreSQL backends' cpu)")
print(f"  {'step':<28}{'SQLite wall':>12}{'cpu':>9}   {'PostgreSQL wall':>16}{'cpu':>9}{'server':>9}")
labels = {"import": "stats import (new)", "reimport": "stats import (same again)", "rotate": "rotate --all (dry run)", "apply": "rotate --all --apply"}
for step, label in labels.items():
    print(f"  {label:<28}{sq[step][0]:>11.2f}s{sq[step][1]:>8.2f}s   {pg[step][0]:>15.2f}s{pg[step][1]:>8.2f}s{pg[step][2]:>8.2f}s")
PY
