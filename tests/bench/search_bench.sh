#!/usr/bin/env bash
# Benchmark: `rolo search` over 100,000 people and 1,000,000 interactions, for
# a rare word and a common prefix, against the sqlite3 shell running the same
# FTS5 queries on the same file (target: within 1.5x); one `rolo log` with the
# search index against one without it (target: within 1.5x); `rolo dupes` on
# 50,000 people with some planted duplicates (target: under 2 s).
# Build rolo in Release for figures:
#   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release && cmake --build build-rel -j2
# Usage: tests/bench/search_bench.sh [path/to/rolo] [RUNS]
set -euo pipefail
rolo=$(realpath "${1:-build-rel/apps/rolo/rolo}")
runs=${2:-7}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_database
generate_network_sql | sqlite3 "$ROLO_DB"

# The statements rolo runs for a query of words (libnet/src/search.cpp), limit 50.
search_sql() {
    cat <<SQL
SELECT c.id, c.name, person_search.rank, snippet(person_search, -1, char(2), char(3), '…', 10)
  FROM person_search JOIN contacts c ON c.id = person_search.rowid
 WHERE person_search MATCH '$1' AND (0 OR c.archived = 0) ORDER BY person_search.rank LIMIT 50;
SELECT i.id, i.contact_id, c.name, i.on_date, i.kind, interaction_search.rank,
       snippet(interaction_search, -1, char(2), char(3), '…', 10)
  FROM interaction_search JOIN interactions i ON i.id = interaction_search.rowid
  JOIN contacts c ON c.id = i.contact_id
 WHERE interaction_search MATCH '$1' AND (0 OR c.archived = 0) ORDER BY interaction_search.rank LIMIT 50;
SQL
}

compare() {  # compare LABEL FTS_QUERY ROLO_ARGS...
    local label=$1 fts=$2
    shift 2
    "$rolo" "$@" >/dev/null
    local rolo_ms sqlite_ms
    rolo_ms=$(median_ms "$rolo" "$@")
    sqlite_ms=$(median_ms sqlite3 "$ROLO_DB" "$(search_sql "$fts")")
    printf '  %-34s %8s ms  sqlite3 %8s ms\n' "$label" "$rolo_ms" "$sqlite_ms"
    print_ratio "$rolo_ms" "$sqlite_ms"
}

echo "search benchmark: 100000 people, 1000000 interactions, median of $runs runs"
compare "search 424242 (a rare word)" '"424242"*' search 424242 --format tsv
compare "search thin (a common prefix)" '"thin"*' search thin --format tsv
compare "search \"thing 4242\" (a phrase)" '"thing 4242"' search '"thing 4242"' --format tsv

# One log into the big database, with the index and without it.
cp "$ROLO_DB" "$work/plain.db"
drop_index="DROP TRIGGER person_search_insert; DROP TRIGGER person_search_update; DROP TRIGGER person_search_delete;
    DROP TRIGGER person_search_tag_insert; DROP TRIGGER person_search_tag_delete; DROP TRIGGER person_search_tag_update;
    DROP TRIGGER interaction_search_insert; DROP TRIGGER interaction_search_delete;
    DROP TRIGGER interaction_search_update; DROP TABLE person_search; DROP TABLE interaction_search;
    DROP VIEW person_text;"
sqlite3 "$work/plain.db" "$drop_index"
with_ms=$(median_ms "$rolo" log 4242 "talked about the bench" -q)
without_ms=$(median_ms "$rolo" --db "$work/plain.db" log 4242 "talked about the bench" -q)
printf '  %-34s %8s ms  without the index %8s ms\n' "log 4242" "$with_ms" "$without_ms"
awk -v a="$with_ms" -v b="$without_ms" 'BEGIN {printf "  ratio with/without index       %.2fx\n", a / b}'

# A database from before the index (migration 8) has it built once, on its
# first open, with the later migrations undone so that they run again too.
sqlite3 "$work/plain.db" "ALTER TABLE contacts DROP COLUMN card_extra;
    DROP INDEX contacts_name_key; ALTER TABLE contacts DROP COLUMN name_key; DROP INDEX contacts_uid; ALTER TABLE contacts DROP COLUMN uid; DROP TABLE vdir_files;
    DROP INDEX interactions_import_key; DROP INDEX interactions_job_changes;
    ALTER TABLE interactions DROP COLUMN body;
    ALTER TABLE interactions DROP COLUMN import_key; DROP TABLE purged; DROP TABLE import_marks;
    PRAGMA user_version = 7;"
migrate_ms=$(($(elapsed_us "$rolo" --db "$work/plain.db" search 424242) / 1000))
printf '  %-34s %8s ms  (once)\n' "migrations 8 on: build the index" "$migrate_ms"

# 50,000 people, all names different: 40 first names times made-up last
# names (eight letters from a bijection of the id, so that few are one letter
# apart, as in life), every 500th with a second record ("Last, First", same
# email), every 700th with a typo'd one.
export ROLO_DB="$work/dupes.db"
"$rolo" init -q
sqlite3 "$ROLO_DB" <<'SQL'
BEGIN;
CREATE TEMP VIEW names AS
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999)
SELECT i, trim(substr('Ada    Bea    Carl   Dina   Emil   Fay    Gus    Hana   Ivo    Jana   Karl   Lea    ' ||
                      'Milo   Nina   Otto   Pia    Quinn  Rosa   Sven   Tia    Uma    Vito   Wanda  Xena   ' ||
                      'Yann   Zoe    Aron   Bodil  Cyril  Dora   Egon   Frida  Gert   Hilde  Inge   Jorge  ' ||
                      'Kira   Lars   Maja   Nils   ', 1 + 7 * (i % 40), 7)) AS first,
       'Mc' || printf('%08x', (i * 2654435761) % 4294967296) AS last
FROM n;
INSERT INTO contacts (name, email, company, created_at, updated_at)
SELECT first || ' ' || last, CASE WHEN i % 3 = 0 THEN 'p' || i || '@example.com' END, 'Company ' || (i % 3000),
       '2025-01-01 00:00:00', '2025-01-01 00:00:00' FROM names;
INSERT INTO contacts (name, email, created_at, updated_at)
SELECT last || ', ' || first, CASE WHEN i % 3 = 0 THEN 'p' || i || '@example.com' END,
       '2025-01-01 00:00:00', '2025-01-01 00:00:00' FROM names WHERE i % 500 = 0;
INSERT INTO contacts (name, created_at, updated_at)
SELECT first || ' ' || last || 'n', '2025-01-01 00:00:00', '2025-01-01 00:00:00' FROM names WHERE i % 700 = 1;
COMMIT;
SQL
"$rolo" dupes --format tsv >/dev/null
dupes_ms=$(median_ms "$rolo" dupes --format tsv)
pairs=$("$rolo" dupes --format tsv | tail -n +2 | wc -l)
echo "dupes benchmark: $(sqlite3 "$ROLO_DB" 'SELECT count(*) FROM contacts') people, 172 planted duplicates"
printf '  %-34s %8s ms  (%s pairs found; target: under 2000 ms)\n' "dupes" "$dupes_ms" "$pairs"
