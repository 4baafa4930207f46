#!/usr/bin/env bash
# Benchmark: `rolo due` and `rolo stats` on 10,000 contacts and 100,000
# interactions, against the sqlite3 shell running the same queries on the same
# file, in one run.
# Prints the median wall time of each over RUNS runs and their ratio.
# Usage: tests/bench/due_bench.sh [path/to/rolo] [RUNS]
set -euo pipefail
rolo=$(realpath "${1:-build/apps/rolo/rolo}")
runs=${2:-15}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_database
{
cat <<'SQL'
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO contacts (name, company, cadence_days, connected, connected_on, created_at, updated_at)
SELECT 'Person ' || i, 'Company ' || (i % 500), CASE WHEN i % 3 = 0 THEN NULL ELSE 14 + i % 90 END,
       i % 10 <> 0, date('2026-11-24', '-' || (i % 400) || ' days'), '2025-01-01 00:00:00', '2025-01-01 00:00:00'
FROM n;
SQL
generate_interactions_sql 100000 10000 700 6
cat <<'SQL'
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
INSERT INTO tags (contact_id, tag) SELECT i * 3, CASE WHEN i % 2 = 0 THEN 'client' ELSE 'family' END FROM n;
COMMIT;
ANALYZE;
SQL
} | sqlite3 "$ROLO_DB"


# The same query rolo runs (libnet/src/due.cpp), with its parameters filled in.
query=$(source_sql due.cpp contacts_sql | sed "s/?1/'2026-11-24'/g; s/?2/'2025-11-24'/g")

"$rolo" due --format tsv >/dev/null  # warm the page cache
rolo_ms=$(median_ms "$rolo" due --format tsv)
sqlite_ms=$(median_ms sqlite3 -tabs "$ROLO_DB" "$query")
due_rows=$("$rolo" due -q | wc -l)
echo "due benchmark: 10000 contacts, 100000 interactions, $due_rows due, median of $runs runs"
echo "  rolo due --format tsv       ${rolo_ms} ms"
echo "  sqlite3 (same query)        ${sqlite_ms} ms"
print_ratio "$rolo_ms" "$sqlite_ms" "target: within 1.5x"

# rolo stats: its counts query and the due list, against the sqlite3 shell
# running both queries (libnet/src/stats.cpp, due.cpp) in one process.
counts=$(source_sql stats.cpp counts_sql | sed "s/?1/'2026-10-25'/g; s/?2/'2026-11-24'/g")
stats_ms=$(median_ms "$rolo" stats --format tsv)
stats_sqlite_ms=$(median_ms sqlite3 -tabs "$ROLO_DB" "$counts; $query")
echo "stats benchmark: the same database, median of $runs runs"
echo "  rolo stats --format tsv     ${stats_ms} ms"
echo "  sqlite3 (same 2 queries)    ${stats_sqlite_ms} ms"
print_ratio "$stats_ms" "$stats_sqlite_ms"
