#!/usr/bin/env bash
# Installs the system packages clipkit needs, only those missing.
#   scripts/install-deps.sh build   FFmpeg -dev libraries, pkg-config, SQLite (to build and run clipkit)
#   scripts/install-deps.sh test    the above + the ffmpeg/ffprobe CLIs (fixtures, oracle), valgrind, binutils, the sqlite3
#                                   CLI (tests read the database as an independent reader), PostgreSQL
#                                   (scripts/with-postgres.sh starts a throwaway server for the store tests) and
#                                   chromium (renders the HTML report headless in its test)
# Uses apt-get as root (or through sudo); otherwise prints the exact command to run and fails.
set -euo pipefail
need="${1:-build}"
packages=()

pkg-config --exists libavformat libavcodec libswscale libavutil libswresample 2>/dev/null ||
  packages+=(pkg-config libavformat-dev libavcodec-dev libswscale-dev libavutil-dev libswresample-dev)
command -v pkg-config >/dev/null || packages+=(pkg-config)
[ -f /usr/include/sqlite3.h ] || packages+=(libsqlite3-dev)
if [ "$need" = test ] || [ "$need" = demo ]; then
  command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || packages+=(ffmpeg)
fi
if [ "$need" = test ]; then
  command -v valgrind >/dev/null || packages+=(valgrind)
  command -v objcopy >/dev/null || packages+=(binutils)
  command -v sqlite3 >/dev/null || packages+=(sqlite3)
  command -v python3 >/dev/null || packages+=(python3 python3-pip)
  command -v chromium >/dev/null || packages+=(chromium)
  command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
fi

if [ ${#packages[@]} -eq 0 ]; then exit 0; fi
mapfile -t packages < <(printf '%s\n' "${packages[@]}" | sort -u)
command_line="apt-get update && apt-get install -y --no-install-recommends ${packages[*]}"
if [ "$(id -u)" = 0 ]; then
  echo "installing: ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  echo "installing with sudo: ${packages[*]}"
  sudo env DEBIAN_FRONTEND=noninteractive sh -c "$command_line" >/dev/null
else
  echo "clipkit needs these packages: ${packages[*]}" >&2
  echo "run as root:  $command_line" >&2
  exit 1
fi
