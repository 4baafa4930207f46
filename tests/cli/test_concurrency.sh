# Several rolo commands at once on one database: none fails, no acknowledged
# write is lost, including on the first use of a new file (everyone creates
# and migrates it together). Counts are reported; any failure fails the test.
. "$(dirname "$0")/lib.sh"
out= err=  # no single run to show when a count fails

# writer DB NAME...: adds each NAME; prints the id rolo acknowledged, or
# "failed: MESSAGE" when rolo exits non-zero.
writer() {
    local db=$1 name errors="$TMP/writer-$BASHPID.err"
    shift
    for name in "$@"; do
        if ! "$ROLO" --db "$db" add "$name" -q 2>"$errors"; then
            echo "failed: $(cat "$errors")"
        fi
    done
}

# reader DB ROUNDS: lists and exports; prints "failed: MESSAGE" for each failed run.
reader() {
    local db=$1 round errors="$TMP/reader-$BASHPID.err"
    for round in $(seq "$2"); do
        for args in "ls -q" "export --format json" "due"; do
            # shellcheck disable=SC2086  # the command's words
            if ! "$ROLO" --db "$db" $args >/dev/null 2>"$errors"; then
                echo "failed: $(cat "$errors")"
            fi
        done
    done
}

# tally DB EXPECTED_NAMES OUTPUT_FILES...: counts failed runs and lost writes.
failed_runs=0
lost_writes=0
tally() {
    local db=$1 expected=$2
    shift 2
    local failures
    failures=$(cat "$@" | grep -c '^failed: ')
    failed_runs=$((failed_runs + failures))
    [ "$failures" = 0 ] || cat "$@" | grep '^failed: ' | sort | uniq -c | head -5
    # Every acknowledged id must name a row; every row must be one that was asked for.
    local acknowledged present
    acknowledged=$(cat "$@" | grep -cv '^failed: ')
    present=$(sqlite3 "$db" "SELECT count(*) FROM contacts WHERE id IN ($(cat "$@" | grep -v '^failed: ' | paste -sd, -))" 2>/dev/null || echo 0)
    [ -n "$acknowledged" ] || acknowledged=0
    [ "$acknowledged" = 0 ] && present=0
    lost_writes=$((lost_writes + acknowledged - present))
    total=$(sqlite3 "$db" "SELECT count(*) FROM contacts" 2>/dev/null || echo 0)
    [ "$total" -le "$expected" ] || echo "$db holds $total contacts, more than the $expected asked for"
}

# First use: four writers and two readers on a file that does not exist yet.
rounds=6
for round in $(seq $rounds); do
    db="$TMP/new-$round.db"
    for w in 1 2 3 4; do writer "$db" "Writer $w" >"$TMP/first-$round-$w.out" & done
    for r in 1 2; do reader "$db" 1 >"$TMP/first-$round-r$r.out" & done
    wait
    tally "$db" 4 "$TMP/first-$round-"*.out
    expect_true "round $round: the new file is a sound rolo database" \
        test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
done
echo "first use: $rounds rounds of 4 writers and 2 readers: $failed_runs failed runs, $lost_writes lost writes"
expect_true "no run failed on a new database" test "$failed_runs" = 0
expect_true "no write was lost on a new database" test "$lost_writes" = 0

# Steady state: four writers of six adds each and two readers on one database.
failed_runs=0
lost_writes=0
"$ROLO" add "Seed" -q >/dev/null
for w in 1 2 3 4; do writer "$ROLO_DB" $(seq -f "W$w-%g" 6) >"$TMP/steady-$w.out" & done
for r in 1 2; do reader "$ROLO_DB" 2 >"$TMP/steady-r$r.out" & done
wait
tally "$ROLO_DB" 25 "$TMP/steady-"*.out
echo "steady state: 24 writes, 12 reads: $failed_runs failed runs, $lost_writes lost writes"
expect_true "no run failed" test "$failed_runs" = 0
expect_true "no write was lost" test "$lost_writes" = 0
expect_true "every write is there" test "$(sqlite3 "$ROLO_DB" 'SELECT count(*) FROM contacts')" = 25

finish
