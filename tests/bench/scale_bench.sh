#!/usr/bin/env bash
# Benchmark: every command at a heavy user's scale, 100,000 people, 1,000,000
# interactions and 1,000,000 knows links (a large LinkedIn archive import).
# For each command it prints rolo's whole-process median wall time beside the
# sqlite3 shell running the same SQL (or, for listings, the simplest query
# giving the same rows) on the same file, and rolo's peak memory, in one run.
# Build rolo in Release for figures:
#   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release && cmake --build build-rel -j2
# Usage: tests/bench/scale_bench.sh [path/to/rolo] [RUNS]
set -euo pipefail
rolo=$(realpath "${1:-build-rel/apps/rolo/rolo}")
runs=${2:-7}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_database
generate_network_sql | sqlite3 "$ROLO_DB"
generate_links_sql | sqlite3 "$ROLO_DB"

who=4242    # connected, with interactions, links and an intro
target=4240 # not connected: reached through people who are
# A draft needs something to say: the person's interests, as a user records them.
sqlite3 "$ROLO_DB" "UPDATE contacts SET interests = 'data contracts, sailing' WHERE id = $who"
today="'2026-11-24'" year_ago="'2025-11-24'" month_ago="'2026-10-25'"
due_sql=$(source_sql due.cpp contacts_sql | sed "s/?1/$today/g; s/?2/$year_ago/g;")
stats_sql=$(source_sql stats.cpp counts_sql | sed "s/?1/$month_ago/g; s/?2/$today/g")
history_sql="SELECT i.*, c.name FROM interactions i JOIN contacts c ON c.id = i.contact_id
    WHERE i.contact_id = $who ORDER BY i.on_date DESC, i.id DESC;"
show_sql="SELECT * FROM contacts WHERE id = $who; SELECT * FROM knows WHERE a = $who OR b = $who;
    SELECT * FROM intros WHERE broker_id = $who OR target_id = $who; $history_sql"
reach_sql=$(source_sql warm_path.cpp reach_sql | sed "s/?1/$target/g; s/?2/3/g")

# row LABEL BASELINE_SQL ROLO_ARGS...: rolo's median, the sqlite3 shell's
# median on BASELINE_SQL (none when empty), and rolo's peak resident memory.
row() {
    local label=$1 sql=$2
    shift 2
    "$rolo" "$@" >/dev/null 2>&1 || true  # warm the page cache
    local rolo_ms sqlite_ms="" memory_kb
    rolo_ms=$(median_ms quietly "$rolo" "$@")
    [ -n "$sql" ] && sqlite_ms=$(median_ms sqlite3 "$ROLO_DB" "$sql")
    memory_kb=$(/usr/bin/time -f %M "$rolo" "$@" 2>&1 >/dev/null | tail -1)
    printf '  %-26s %8s ms  %8s ms  %5s  %4d MB\n' "$label" "$rolo_ms" "${sqlite_ms:--}" \
        "$([ -n "$sql" ] && awk -v a="$rolo_ms" -v b="$sqlite_ms" 'BEGIN {printf "%.2fx", a / b}' || echo -)" \
        $((memory_kb / 1024))
}
quietly() { "$@" 2>/dev/null; }

echo "scale benchmark: 100000 people, 1000000 interactions, 1000000 links, median of $runs runs"
printf '  %-26s %11s  %11s  %5s  %7s\n' command rolo sqlite3 ratio memory
echo "per person (target: under 20 ms, 64 MB)"
row "show $who" "$show_sql" show "$who"
row "history $who" "$history_sql" history "$who"
row "draft checkin $who" "$history_sql" draft checkin "$who"
row "intro $target" "$reach_sql SELECT count(*) FROM nodes" intro "$target"
row "log $who" "INSERT INTO interactions (contact_id, on_date, kind, summary, created_at)
    VALUES ($who, '2026-11-24', 'note', 'bench', '2026-11-24')" log "$who" "bench note"
row "add" "INSERT INTO contacts (name, created_at, updated_at) VALUES ('Bench Person', 'x', 'x')" \
    add "Bench Person"
echo "whole network (target: within 1.5x of sqlite3, 64 MB)"
row "due" "$due_sql" due --format tsv
# ls prints each person's tags and last interaction, so the same rows need them.
row "ls" "SELECT c.*, (SELECT group_concat(tag) FROM tags WHERE contact_id = c.id),
    (SELECT max(on_date) FROM interactions WHERE contact_id = c.id) FROM contacts c
    WHERE archived = 0 ORDER BY name" ls --format tsv
row "stats" "$stats_sql; $due_sql" stats --format tsv
row "graph" "SELECT * FROM knows k JOIN contacts a ON a.id = k.a JOIN contacts b ON b.id = k.b" graph --format tsv
row "export" "SELECT * FROM contacts; SELECT * FROM interactions; SELECT * FROM knows; SELECT * FROM intros" \
    export --format json
