#!/usr/bin/env bash
# Benchmark: `rolo intro TARGET` (3 hops) and `rolo graph` on 100,000 contacts
# and 1,000,000 knows edges, and `rolo intro --suggest` on 10,000 contacts.
# Prints the median wall time of the whole process, the load and search halves
# apart (tests/bench/intro_bench.cpp), and the sqlite3 shell running the same
# queries as a baseline, all in one run.
# Usage: tests/bench/intro_bench.sh [path/to/build] [RUNS]
set -euo pipefail
build=$(realpath "${1:-build}")
runs=${2:-11}
rolo="$build/apps/rolo/rolo"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_database
generate_links_sql | sqlite3 "$ROLO_DB"
sqlite3 "$ROLO_DB" <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
-- 100,000 people; one in 50, chosen by a hash, is connected to you (about 2,000 brokers).
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO contacts (name, company, connected, connected_on, created_at, updated_at)
SELECT 'Person ' || i, 'Company ' || (i % 3000), (i * 2654435761) % 4294967296 % 50 = 0, '2025-01-01',
       '2025-01-01 00:00:00', '2025-01-01 00:00:00'
FROM n;
-- Some history with the brokers, for their ties.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO interactions (contact_id, on_date, kind, direction, summary, created_at)
SELECT c.id, date('2026-11-24', '-' || (n.i % 300) || ' days'), 'call', 'out', 'catch-up', '2025-01-01'
FROM n JOIN (SELECT id, row_number() OVER (ORDER BY id) AS k FROM contacts WHERE connected = 1) c
    ON c.k = 1 + n.i % 1900;
COMMIT;
ANALYZE;
SQL
edges=$(sqlite3 "$ROLO_DB" "SELECT count(*) FROM knows")
# A target you can reach: not connected, two links from someone who is.
target=$(sqlite3 "$ROLO_DB" "SELECT t.id FROM contacts c JOIN knows k1 ON k1.a = c.id
    JOIN knows k2 ON k2.a = k1.b JOIN contacts t ON t.id = k2.b
    WHERE c.connected = 1 AND t.connected = 0 ORDER BY c.id LIMIT 1")
"$rolo" intro "$target" >/dev/null  # warm the page cache

reach=$(source_sql warm_path.cpp reach_sql | sed "s/?1/$target/g; s/?2/2/g")
echo "intro benchmark: 100000 contacts, $edges knows edges, target #$target, 3 hops, median of $runs runs"
echo "  rolo intro (whole process)  $(median_ms "$rolo" intro "$target") ms (target: under 100 ms)"
"$build/tests/intro_bench" "$ROLO_DB" "$target" 3 "$runs"
echo "  sqlite3 shell, same edge query $(median_ms sqlite3 "$ROLO_DB" "$reach SELECT k.a, k.b, k.strength, k.context FROM knows k WHERE k.a IN nodes AND k.b IN nodes") ms (baseline for the load)"

# rolo graph: the whole graph against the sqlite3 shell running its two
# queries (libnet/src/graph.cpp) on the same file; and the graph around the target.
graph_ms=$(median_ms "$rolo" graph --format tsv)
graph_sqlite_ms=$(median_ms sqlite3 -tabs "$ROLO_DB" "$(source_sql graph.cpp links_sql); $(source_sql graph.cpp people_sql);")
echo "graph benchmark: the same network, all $edges links, median of $runs runs"
echo "  rolo graph --format tsv     $graph_ms ms"
echo "  sqlite3 (same 2 queries)    $graph_sqlite_ms ms"
print_ratio "$graph_ms" "$graph_sqlite_ms"
echo "  rolo graph TARGET --hops 2 --dot: $(median_ms "$rolo" graph "$target" --hops 2 --dot) ms"

# --suggest on 10,000 contacts with tags, companies and interests.
export ROLO_DB="$work/suggest.db"
"$rolo" init -q
sqlite3 "$ROLO_DB" <<'SQL'
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO contacts (name, company, interests, connected, created_at, updated_at)
SELECT 'Person ' || i, 'Company ' || (i % 400),
       'topic' || (i % 700) || ' and subject' || (i % 900) || ' plus theme' || (i % 1300),
       1, '2025-01-01 00:00:00', '2025-01-01 00:00:00'
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO tags (contact_id, tag) SELECT i, 'tag' || (i % 150) FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT OR IGNORE INTO knows (a, b) SELECT min(x, y), max(x, y) FROM
    (SELECT 1 + (i * 7919) % 10000 AS x, 1 + (i * 104729) % 10000 AS y FROM n) WHERE x <> y;
COMMIT;
SQL
echo "suggest benchmark: 10000 contacts"
echo "  rolo intro --suggest        $(median_ms "$rolo" intro --suggest) ms (target: under 1000 ms)"
