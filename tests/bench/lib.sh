# Shared by the benchmark scripts.

# bench_database: a scratch directory $work, removed on exit, and a new rolo
# database in it ($ROLO_DB), with no config, today frozen and the source
# tree's templates (a build tree's rolo finds none of its own). Needs $rolo.
bench_database() {
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    export ROLO_DB="$work/rolo.db" ROLO_CONFIG="$work/none.toml" ROLO_TODAY=2026-11-24
    ROLO_DATA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../data" && pwd)
    export ROLO_DATA_DIR
    "$rolo" init -q
}

# source_sql FILE NAME: the SQL of the raw string NAME = R"sql(...)sql" in
# libnet/src/FILE, so that a baseline runs exactly the query rolo runs.
source_sql() {
    sed -n "/$2 = R\"sql(/,/)sql\"/p" "$(dirname "${BASH_SOURCE[0]}")/../../libnet/src/$1" | sed '1d;$d'
}

# elapsed_us COMMAND...: runs COMMAND, output discarded; prints its wall time in microseconds.
elapsed_us() {
    local start=$(date +%s%N)
    "$@" >/dev/null
    echo $(( ($(date +%s%N) - start) / 1000 ))
}

# median_of_ms MICROSECONDS...: the median of the times, in milliseconds.
median_of_ms() {
    printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

# median_ms COMMAND...: the median wall time of $runs runs of COMMAND, in milliseconds.
median_ms() {
    local times=()
    for _ in $(seq "$runs"); do times+=($(elapsed_us "$@")); done
    median_of_ms "${times[@]}"
}

# print_ratio A_MS B_MS [NOTE]: the "ratio rolo/sqlite3" line every benchmark ends a comparison with.
print_ratio() {
    awk -v a="$1" -v b="$2" -v note="${3:-}" 'BEGIN {printf "  ratio rolo/sqlite3          %.2fx%s\n", a / b, note == "" ? "" : " (" note ")"}'
}

# generate_interactions_sql COUNT PEOPLE DAYS NEXT_EVERY: the SQL for COUNT
# interactions spread over people 1..PEOPLE (ids scrambled by 7919) and the
# last DAYS days, every NEXT_EVERY-th with a follow-up around today.
generate_interactions_sql() {
    cat <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
INSERT INTO interactions (contact_id, on_date, kind, direction, summary, next_on, created_at)
SELECT 1 + (i * 7919) % $2, date('2026-11-24', '-' || (i % $3) || ' days'),
       CASE i % 4 WHEN 0 THEN 'call' WHEN 1 THEN 'coffee' WHEN 2 THEN 'email' ELSE 'message' END,
       CASE WHEN i % 5 = 0 THEN 'in' ELSE 'out' END, 'talked about thing ' || i,
       CASE WHEN i % $4 = 0 THEN date('2026-11-24', '-' || (i % 60 - 30) || ' days') END, '2025-01-01 00:00:00'
FROM n;
SQL
}

# generate_links_sql: the SQL for 1,000,000 distinct knows links among people 1..100000.
# Each person a is linked to a + offset for ten distinct offsets under n/2 (so
# no pair repeats), ids scrambled by a multiplicative permutation (7919 is
# coprime to 100000) to spread them.
generate_links_sql() {
    cat <<'SQL'
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999999),
pairs AS (SELECT i % 100000 AS a, (i % 100000 + CASE i / 100000
              WHEN 0 THEN 17 WHEN 1 THEN 311 WHEN 2 THEN 1601 WHEN 3 THEN 4999 WHEN 4 THEN 7919
              WHEN 5 THEN 12007 WHEN 6 THEN 19997 WHEN 7 THEN 27011 WHEN 8 THEN 35023 ELSE 44987 END) % 100000 AS b,
              i AS i FROM n),
scrambled AS (SELECT 1 + (a * 7919) % 100000 AS x, 1 + (b * 7919) % 100000 AS y, i FROM pairs)
INSERT INTO knows (a, b, strength) SELECT min(x, y), max(x, y), 1 + i % 5 FROM scrambled;
SQL
}

# generate_network_sql: the SQL for a heavy user's network, in one
# transaction: 100,000 people (nine in ten connected, a third with an email,
# all with a LinkedIn profile, two in three with a cadence), 1,000,000
# interactions over five years, 20,000 tags and 2,000 intros.
generate_network_sql() {
cat <<'SQL'
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
-- name_key is what rolo writes beside a name (rolo_fold, which the sqlite3
-- shell lacks; for these ASCII names it is lower()).
INSERT INTO contacts (name, email, company, title, linkedin_url, cadence_days, connected, connected_on,
                      created_at, updated_at, name_key)
SELECT 'Person ' || i, CASE WHEN i % 3 = 0 THEN 'person' || i || '@example.com' END, 'Company ' || (i % 3000),
       'Engineer ' || (i % 50), 'https://www.linkedin.com/in/person-' || i,
       CASE WHEN i % 3 = 0 THEN NULL ELSE 14 + i % 90 END, i % 10 <> 0,
       date('2026-11-24', '-' || (i % 3000) || ' days'), '2025-01-01 00:00:00', '2025-01-01 00:00:00',
       'person ' || i
FROM n;
SQL
generate_interactions_sql 1000000 100000 1800 60
cat <<'SQL'
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO tags (contact_id, tag) SELECT i * 5, CASE WHEN i % 2 = 0 THEN 'client' ELSE 'family' END FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO intros (kind, broker_id, target_id, asked_on, status)
SELECT 'asked', i * 41, i * 43, date('2026-11-24', '-' || (i % 200) || ' days'),
       CASE WHEN i % 4 = 0 THEN 'open' ELSE 'done' END FROM n;
COMMIT;
SQL
}
