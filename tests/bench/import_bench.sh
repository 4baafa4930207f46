#!/usr/bin/env bash
# Benchmark: `rolo import` of a generated 50,000-row LinkedIn Connections.csv
# into a new database, against the sqlite3 shell's `.import --csv` of the same
# file into a bare in-memory table, in one run. Prints medians and the ratio,
# and for scale the sqlite3 shell putting the same rows into rolo's schema.
# Usage: tests/bench/import_bench.sh [path/to/rolo] [RUNS]
set -euo pipefail
rolo=$(realpath "${1:-build/apps/rolo/rolo}")
runs=${2:-11}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ROLO_CONFIG="$work/none.toml" ROLO_TODAY=2026-11-24

python3 - "$work/Connections.csv" <<'PY'
import random, sys
random.seed(7)
first = ["Janet", "Zoë", "José", "Ravi 🚀", "Aiko", "Clive", "Priya", "Łukasz", "سارا", "Marcus"]
last = ["Mellor", "Ångström", "Núñez", "Kumar", "Tanaka", "Smith", "Raman", "Doe, PhD", "أحمد", "Webb"]
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
with open(sys.argv[1], "w", newline="") as out:
    out.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n")
    for i in range(50000):
        name_last = random.choice(last)
        quoted_last = f'"{name_last}"' if "," in name_last else name_last
        email = f"person{i}@example.com" if i % 3 == 0 else ""
        company = f'"Company {i % 900}, Inc."' if i % 4 == 0 else f"Company {i % 900}"
        out.write(f"{random.choice(first)},{quoted_last},https://www.linkedin.com/in/person-{i},{email},"
                  f"{company},Engineer {i % 50},{1 + i % 28:02d} {months[i % 12]} {2015 + i % 11}\r\n")
PY

# The two alternate, run by run, so that both meet the same conditions: the
# disk writeback an import leaves behind, and whatever else the machine runs.
import_once() {
    rm -f "$work/rolo.db" "$work/rolo.db-wal" "$work/rolo.db-shm"
    elapsed_us "$rolo" --db "$work/rolo.db" import "$work/Connections.csv"
}
# For scale, not for the target: the sqlite3 shell doing rolo's work in SQL,
# the same rows into rolo's schema in a new database.
"$rolo" --db "$work/empty.db" init -q
cat >"$work/same.sql" <<SQL
.import --csv --schema temp $work/Connections.csv c
INSERT INTO contacts (name, email, company, title, linkedin_url, connected, connected_on, created_at, updated_at)
SELECT trim("First Name" || ' ' || "Last Name"), nullif("Email Address", ''), nullif(Company, ''),
       nullif(Position, ''), "URL", 1, "Connected On", '2026-11-24 00:00:00', '2026-11-24 00:00:00' FROM temp.c;
SQL
same_once() {
    cp "$work/empty.db" "$work/same.db"
    elapsed_us sqlite3 "$work/same.db" <"$work/same.sql"
}
import_once >/dev/null  # warm the page cache
rolo_us=() sqlite_us=() same_us=()
for _ in $(seq "$runs"); do
    rolo_us+=($(import_once))
    sqlite_us+=($(elapsed_us sqlite3 :memory: ".import --csv $work/Connections.csv connections"))
    same_us+=($(same_once))
done
rolo_ms=$(median_of_ms "${rolo_us[@]}")
sqlite_ms=$(median_of_ms "${sqlite_us[@]}")
same_ms=$(median_of_ms "${same_us[@]}")
echo "import benchmark: 50000-row Connections.csv, median of $runs runs"
echo "  rolo import (new database)  ${rolo_ms} ms"
echo "  sqlite3 .import (:memory:)  ${sqlite_ms} ms"
print_ratio "$rolo_ms" "$sqlite_ms" "target: within 2x"
echo "  for scale: sqlite3 importing the same rows into rolo's schema, new database: ${same_ms} ms"
