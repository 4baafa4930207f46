#!/usr/bin/env bash
# Benchmark: `rolo sync` of 10,000 people, whole process: the first sync into
# an empty vdir (10,000 cards written), and a sync with nothing changed
# (target: under 300 ms, and no file rewritten). For scale, the sqlite3 shell
# reading what a no-change sync must read (every contact and every file's
# state) plus find(1) stating every file.
# Usage: tests/bench/sync_bench.sh [path/to/rolo] [RUNS]
set -euo pipefail
rolo=$(realpath "${1:-build/apps/rolo/rolo}")
runs=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ROLO_CONFIG="$work/none.toml" ROLO_TODAY=2026-11-24 ROLO_DB="$work/rolo.db"

"$rolo" init -q
sqlite3 "$ROLO_DB" <<'SQL'
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO contacts (name, email, phone, company, title, location, linkedin_url, met_at, notes, cadence_days,
                      connected, created_at, updated_at)
SELECT 'Person ' || i || ' Núñez', 'person' || i || '@example.com', '+1 555 ' || i, 'Company ' || (i % 900),
       'Engineer ' || (i % 50), 'Berlin', 'https://www.linkedin.com/in/person-' || i, 'PyData ' || (i % 30),
       'a note, with; separators', 30, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00' FROM n;
INSERT INTO tags (contact_id, tag) SELECT id, 'tag' || (id % 20) FROM contacts;
SQL

first_us=()
for _ in $(seq "$runs"); do
    rm -rf "$work/vdir"
    sqlite3 "$ROLO_DB" "DELETE FROM vdir_files"
    first_us+=($(elapsed_us "$rolo" sync "$work/vdir"))
done
count=$(find "$work/vdir" -name '*.vcf' | wc -l)
[ "$count" = 10000 ] || { echo "expected 10000 cards, found $count" >&2; exit 1; }

touch "$work/marker"
sleep 0.01
nochange_ms=$(median_ms "$rolo" sync "$work/vdir")
rewritten=$(find "$work/vdir" -newer "$work/marker" | wc -l)
baseline() {
    sqlite3 "$ROLO_DB" "SELECT * FROM contacts; SELECT file, mtime_ns, size, fields_hash FROM vdir_files" >/dev/null
    find "$work/vdir" -name '*.vcf' -printf '%T@ %s %p\n'
}
baseline_ms=$(median_ms baseline)

echo "rolo sync, 10,000 people ($runs runs, medians)"
echo "  first sync, empty vdir       $(median_of_ms "${first_us[@]}") ms"
echo "  no-change sync               $nochange_ms ms (target < 300 ms)"
echo "  files rewritten by it        $rewritten (target 0)"
echo "  sqlite3 + find, same reads   $baseline_ms ms"
print_ratio "$nochange_ms" "$baseline_ms" "no-change sync"
