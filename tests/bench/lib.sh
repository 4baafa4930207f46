# Shared by the benchmark scripts.

# median_ms COMMAND...: the median wall time of $runs runs of COMMAND, in milliseconds.
median_ms() {
    local times=()
    for _ in $(seq "$runs"); do
        local start=$(date +%s%N)
        "$@" >/dev/null
        times+=($(( ($(date +%s%N) - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}
