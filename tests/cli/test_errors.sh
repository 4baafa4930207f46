# Errors: messages, exit codes, and nothing half-written.
. "$(dirname "$0")/lib.sh"

"$ROLO" add "Janet Mellor" --company Acme -q >/dev/null
"$ROLO" add "Janet Smith" -q >/dev/null

run show janet
expect_rc 1
expect_err "rolo: error: 'janet' is ambiguous: #1 Janet Mellor (Acme), #2 Janet Smith; name one by id"
run show nobody
expect_rc 1
expect_err "rolo: error: no contact matches 'nobody'"
run --today 2026-02-30 ls
expect_rc 1
expect_err "rolo: error: bad --today / ROLO_TODAY '2026-02-30': expected YYYY-MM-DD"
run frobnicate
expect_rc 2
expect_err "rolo: error: 'frobnicate' is not a rolo command (see 'rolo --help')"
run ls --frobnicate
expect_rc 2
expect_err_has "(see 'rolo ls --help')"
# rolo alone is no usage error: it shows the agenda (test_comfort.sh).
run
expect_rc 0

# --help works for rolo and every subcommand, on stdout, exit 0.
for command in "" add edit show ls rm link unlink log history init; do
    run $command --help
    expect_rc 0
    expect_out_has "Usage"
done
run --version
expect_rc 0

# A malformed config names file:line:column and stops every command.
printf '[me]\nname = "Ada"\nemail = \n' >"$ROLO_CONFIG"
run add "Someone"
expect_rc 1
expect_err_has "rolo: error: $ROLO_CONFIG:3:"
printf '[defaults]\nevery = "soon"\n' >"$ROLO_CONFIG"
run ls
expect_rc 1
expect_err "rolo: error: $ROLO_CONFIG:2:9: defaults.every: bad duration 'soon': expected a number and a unit, like 3d, 2w, 6m or 1y"
# An unknown key is only a warning.
printf '[me]\nnmae = "Ada"\n' >"$ROLO_CONFIG"
run ls -q
expect_rc 0
expect_err "rolo: warning: $ROLO_CONFIG:2:1: unknown key 'nmae' in [me]"
expect_out "$(printf '1\n2')"  # nothing was added while the config was broken
rm "$ROLO_CONFIG"

# A config that cannot be read; --config overrides ROLO_CONFIG.
run --config "$TMP" ls
expect_rc 1
expect_err_has "rolo: error: cannot read config $TMP"
ROLO_CONFIG="$TMP" run --config "$TMP/absent.toml" ls -q
expect_rc 0

# A database written by a newer rolo is refused and left untouched.
future="$TMP/future.db"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version=99"); c.commit()' "$future"
sum_before=$(md5sum <"$future")
run --db "$future" add "X"
expect_rc 1
expect_err_has "rolo: error: $future has schema version 99, newer than this rolo understands ("
expect_err_has "); upgrade rolo to use it (the file was not changed)"
run --db "$future" ls
expect_rc 1
expect_true "the newer database is unchanged" test "$(md5sum <"$future")" = "$sum_before"

# A file that is not a database.
printf 'not a database at all, just some text that is long enough\n%.0s' $(seq 20) >"$TMP/junk.db"
run --db "$TMP/junk.db" ls
expect_rc 1
expect_err_has "cannot open database $TMP/junk.db"

# A database directory that cannot be created.
run --db /proc/rolo/rolo.db add "X"
expect_rc 1
expect_err_has "rolo: error: cannot create"

# A command that changes someone needs a database: failing, it makes none (nor its directory).
for command in "rm janet" "edit janet --company X" "link janet clive" "unlink janet clive" "snooze janet 2w" \
    "log janet hello" "draft hello janet"; do
    run --db "$TMP/new/rolo.db" $command
    expect_rc 1
    expect_err "rolo: error: no database yet at $TMP/new/rolo.db; start with 'rolo add' or 'rolo init'"
    expect_true "$command made no database" test ! -e "$TMP/new"
done

finish
