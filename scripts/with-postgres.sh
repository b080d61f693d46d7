#!/usr/bin/env bash
# scripts/with-postgres.sh CMD...: runs CMD with CLIPKIT_TEST_POSTGRES pointing at a throwaway PostgreSQL cluster.
# Installs PostgreSQL when missing (scripts/install-deps.sh test), creates a cluster with initdb in a temporary folder
# (as the `postgres` user when run as root: initdb refuses root), starts it on 127.0.0.1 on a free port, runs CMD,
# then always stops the server and deletes the folder. Exits with CMD's status.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -eq 0 ]; then echo "usage: scripts/with-postgres.sh CMD..." >&2; exit 2; fi

# initdb runs shell commands that write to /dev/null as the cluster's owner.
if [ ! -c /dev/null ]; then
    echo "with-postgres: /dev/null is not the null device (something replaced it); as root: rm /dev/null && mknod -m 666 /dev/null c 1 3" >&2
    exit 1
fi

find_tool() {
    command -v "$1" 2>/dev/null && return
    ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1
}
initdb=$(find_tool initdb)
if [ -z "$initdb" ]; then
    "$root/scripts/install-deps.sh" test
    initdb=$(find_tool initdb)
fi
if [ -z "$initdb" ]; then echo "with-postgres: initdb not found after installing PostgreSQL" >&2; exit 1; fi
bin=$(dirname "$(readlink -f "$initdb")")

# As root, the cluster belongs to `postgres`; otherwise to the caller.
as_owner=()
if [ "$(id -u)" = 0 ]; then as_owner=(runuser -u postgres --); fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/clipkit-pg.XXXXXX")
chmod 755 "$dir"
[ ${#as_owner[@]} -eq 0 ] || chown postgres "$dir"
cleanup() {
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U clipkit --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
# Everyone is trusted on loopback except one role, which must give its password (the password-file tests).
password_user=clipkit_password
{ echo "host all $password_user 127.0.0.1/32 scram-sha-256"; cat "$dir/data/pg_hba.conf"; } > "$dir/pg_hba.conf"
"${as_owner[@]}" cp "$dir/pg_hba.conf" "$dir/data/pg_hba.conf"
# Throwaway data: no fsync and no full-page writes, so the checkpoint every DROP DATABASE forces is cheap.
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c synchronous_commit=off -c fsync=off -c full_page_writes=off -c log_lock_waits=on" start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }

export CLIPKIT_TEST_POSTGRES="postgres://clipkit@127.0.0.1:$port/postgres?sslmode=disable"
export CLIPKIT_TEST_POSTGRES_PASSWORD_USER=$password_user
export CLIPKIT_TEST_POSTGRES_PID=$(head -n 1 "$dir/data/postmaster.pid")
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
status=0
"$@" || status=$?
if [ $status -ne 0 ]; then
    # What the server saw, for a failure that involved it (lock waits, barrier waits, errors).
    grep -E "still waiting|ERROR|FATAL|PANIC" "$dir/server.log" | tail -n 20 | sed 's/^/with-postgres: server: /' >&2 || true
fi
exit $status
