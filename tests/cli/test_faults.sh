# Kills import, restore, export and backup (SIGKILL) at random points of
# their run: every database left behind passes integrity_check, holds all or
# nothing of what was being written, and every old file survives whole.
. "$(dirname "$0")/lib.sh"
out= err=  # no single run to show when a check fails

kills=4  # per command

people() {  # people FIRST LAST: a CSV of those numbered people
    awk -v first="$1" -v last="$2" 'BEGIN {
        print "name,email,company,tags"
        for (i = first; i <= last; i++) printf "Person %d,p%d@example.com,Company %d,t%d\n", i, i, i % 50, i % 7
    }'
}
people 1 100 >"$TMP/base.csv"
people 101 1100 >"$TMP/more.csv"

contacts() { sqlite3 "$1" 'SELECT count(*) FROM contacts' 2>&1; }
sound() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)" = ok ]; }
now_ms() { date +%s%3N; }

# killed MS COMMAND...: runs COMMAND and kills it with SIGKILL at a random
# moment within its first MS milliseconds (it may finish first).
killed() {
    local within=$1
    shift
    "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(awk -v ms=$((RANDOM % within)) 'BEGIN { printf "%.3f", ms / 1000 }')"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
}

# duration COMMAND...: how long COMMAND takes, in ms, when not killed.
duration() {
    local start
    start=$(now_ms)
    "$@" >/dev/null 2>&1
    echo $(($(now_ms) - start + 1))
}

"$ROLO" --db "$TMP/seed.db" import "$TMP/base.csv" >/dev/null
"$ROLO" --db "$TMP/seed.db" backup "$TMP/base.db" >/dev/null  # one file, no -wal beside it
expect_true "the base holds 100" test "$(contacts "$TMP/base.db")" = 100

fresh() {  # fresh DB: a copy of the base database at DB
    rm -f "$1" "$1-wal" "$1-shm" "$1-journal"
    cp "$TMP/base.db" "$1"
}

# import: the base's 100 survive, and the 1,000 come in whole or not at all.
fresh "$TMP/full.db"
ms=$(duration "$ROLO" --db "$TMP/full.db" import "$TMP/more.csv")
for i in $(seq $kills); do
    fresh "$TMP/import.db"
    killed "$ms" "$ROLO" --db "$TMP/import.db" import "$TMP/more.csv"
    n=$(contacts "$TMP/import.db")
    expect_true "import killed ($i): sound" sound "$TMP/import.db"
    expect_true "import killed ($i): all or nothing ($n)" test "$n" = 100 -o "$n" = 1100
    "$ROLO" --db "$TMP/import.db" import "$TMP/more.csv" >/dev/null
    expect_true "import killed ($i): the import runs again" test "$(contacts "$TMP/import.db")" = 1100
done

# restore (a JSON export into a new file): nothing or everything.
"$ROLO" --db "$TMP/full.db" export --format json -o "$TMP/full.json"
ms=$(duration "$ROLO" --db "$TMP/restore-timing.db" import "$TMP/full.json")
for i in $(seq $kills); do
    rm -f "$TMP/restore.db"*
    killed "$ms" "$ROLO" --db "$TMP/restore.db" import "$TMP/full.json"
    if [ -e "$TMP/restore.db" ]; then
        # Killed before the schema was written, the new file holds nothing at all.
        n=0
        [ "$(sqlite3 "$TMP/restore.db" "SELECT count(*) FROM sqlite_master WHERE name = 'contacts'")" = 0 ] ||
            n=$(contacts "$TMP/restore.db")
        expect_true "restore killed ($i): sound" sound "$TMP/restore.db"
        expect_true "restore killed ($i): all or nothing ($n)" test "$n" = 0 -o "$n" = 1100
    fi
    # Run again, it completes the restore, or refuses as the restore was complete.
    "$ROLO" --db "$TMP/restore.db" import "$TMP/full.json" >/dev/null 2>&1
    expect_true "restore killed ($i): the restore completes or was complete" \
        test "$("$ROLO" --db "$TMP/restore.db" export --format json | md5sum)" = "$(md5sum <"$TMP/full.json")"
done

# export -o over an older export: the old file or the new one, whole.
"$ROLO" --db "$TMP/base.db" export --format json -o "$TMP/old.json"
cp "$TMP/old.json" "$TMP/old-copy.json"
ms=$(duration "$ROLO" --db "$TMP/full.db" export --format json -o "$TMP/timing.json")
for i in $(seq $kills); do
    cp "$TMP/old-copy.json" "$TMP/out.json"
    killed "$ms" "$ROLO" --db "$TMP/full.db" export --format json -o "$TMP/out.json"
    expect_true "export killed ($i): old or new, whole" eval \
        'cmp -s "$TMP/out.json" "$TMP/old-copy.json" || cmp -s "$TMP/out.json" "$TMP/full.json"'
done

# backup --force over an older backup: the old copy or the new one, sound.
ms=$(duration "$ROLO" --db "$TMP/full.db" backup "$TMP/timing.db")
for i in $(seq $kills); do
    fresh "$TMP/backup.db"
    killed "$ms" "$ROLO" --db "$TMP/full.db" backup --force "$TMP/backup.db"
    n=$(contacts "$TMP/backup.db")
    expect_true "backup killed ($i): sound" sound "$TMP/backup.db"
    expect_true "backup killed ($i): old or new ($n)" test "$n" = 100 -o "$n" = 1100
done
expect_true "the database backed up from is whole" test "$(contacts "$TMP/full.db")" = 1100
expect_true "the database backed up from is sound" sound "$TMP/full.db"

finish
