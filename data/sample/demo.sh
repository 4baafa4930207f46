#!/usr/bin/env bash
# Loads the bundled sample network into a temporary database and shows what
# rolo knows. Usage: data/sample/demo.sh [path/to/rolo]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rolo=$(realpath "${1:-build/apps/rolo/rolo}")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export ROLO_DB="$scratch/rolo.db" ROLO_CONFIG="$here/config.toml" ROLO_TODAY=2026-11-24
# The templates beside this script: a rolo in a build tree has no data of its own.
export ROLO_DATA_DIR="${ROLO_DATA_DIR:-$(dirname "$here")}"
. "$here/network.sh"

show() { printf '\n$ rolo %s\n' "$*"; "$rolo" "$@"; }
show ls --format table
show show janet
show history --since 2026-10-01 --format table
show due --format table
show intro aiko --format table
show draft checkin janet
show stats --format table
show graph aiko --hops 2 --dot
