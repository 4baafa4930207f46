# Shared by the benchmark scripts.

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
