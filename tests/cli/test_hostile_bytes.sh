# Hostile bytes: what rolo prints to a terminal, NUL bytes, inputs that shrink
# or never end, dates at the ends of the calendar, numbers out of range, CSV
# cells a spreadsheet would run, and the messages for odd arguments.
. "$(dirname "$0")/lib.sh"

esc=$'\e'
# on_terminal ARGS...: runs rolo with stdout on a pseudo-terminal; sets $out.
on_terminal() {
    local quoted
    printf -v quoted '%q ' "$ROLO" "$@"
    out=$(script -qec "$quoted" /dev/null </dev/null | tr -d '\r')
    err=
}

# Terminal escapes in data reach no terminal: not through a card, a table, an
# error message quoting the value, or a warning.
"$ROLO" add "Mallory${esc}]0;owned${esc}\\" --company "Evil${esc}[2J" --title $'Boss\x7f\u009b31m' \
    --note $'line one\r\nline two' >/dev/null
on_terminal show 1
expect_out_lacks "$esc"
expect_out_lacks $'\x7f'
expect_out_lacks $'\u009b'
expect_out_has 'Mallory\x1b]0;owned\x1b\'
expect_out_has 'Boss\x7f\u009b31m'
expect_out_has $'line one\nline two'
on_terminal ls --color always
expect_out_lacks "${esc}]0"
expect_out_lacks "${esc}[2J"
expect_out_has "${esc}[1m"  # rolo's own colours still work
on_terminal ls --format tsv
expect_out_lacks "${esc}]0"
run show "Nobody${esc}[2J"
expect_rc 1
expect_err 'rolo: error: no contact matches '\''Nobody\x1b[2J'\'''
printf 'name,colour\nTrent%s[5m,red\n' "$esc" >"$TMP/warn.csv"
run import "$TMP/warn.csv"
expect_true "a warning quoting a column sends no escape" test "${err#*$esc}" = "$err"
# Data stays as stored: exports and pipes get the bytes.
run export --format json
expect_out_has 'Mallory\u001b]0;owned\u001b\\'
run ls --format tsv
expect_out_has "Evil${esc}[2J"

# NUL bytes are refused with FILE:LINE, or skipped with --skip-bad.
printf 'name,email\nAnn\0Hidden,ann@example.com\nBob,bob@example.com\n' >"$TMP/nul.csv"
run import "$TMP/nul.csv"
expect_rc 1
expect_err "rolo: error: $TMP/nul.csv:2: contains a NUL byte"
run import --skip-bad "$TMP/nul.csv"
expect_rc 0
expect_err "rolo: warning: $TMP/nul.csv:2: contains a NUL byte (skipped)"
expect_out_has "1 added"
printf '{"contacts": [{"id": 1, "name": "Ann\\u0000Hidden", "connected": true, "archived": false}]}' >"$TMP/nul.json"
run --db "$TMP/nul.db" import "$TMP/nul.json"
expect_rc 1
expect_err "rolo: error: $TMP/nul.json: contacts[0].name: contains a NUL byte"

# JSON restore: every number out of its range is an error, not truncated.
restore_with() {  # restore_with KNOWS_ENTRY
    rm -f "$TMP/num.db"
    printf '{"contacts": [{"id": 1, "name": "A", "connected": true, "archived": false},
      {"id": 2, "name": "B", "connected": true, "archived": false}], "knows": [%s]}' "$1" >"$TMP/num.json"
    run --db "$TMP/num.db" import "$TMP/num.json"
}
restore_with '{"a": 1, "b": 2, "strength": 4294967299}'
expect_rc 1
expect_err "rolo: error: $TMP/num.json: knows[0].strength: 4294967299 is out of range (1..5)"
restore_with '{"a": 18446744073709551617, "b": 2, "strength": 3}'
expect_rc 1
expect_err "rolo: error: $TMP/num.json: knows[0].a: expected a whole number"  # beyond 2^64: a float
restore_with '{"a": 18446744073709551615, "b": 2, "strength": 3}'
expect_rc 1
expect_err "rolo: error: $TMP/num.json: knows[0].a: 18446744073709551615 is out of range (1..9223372036854775807)"
restore_with '{"a": 1, "b": 2, "strength": 3}'
expect_rc 0

# Dates stay in 0000..9999: arithmetic that leaves them is an error.
run --today 9999-12-31 snooze 1 2w
expect_rc 1
expect_err "rolo: error: bad date '2w' (from 9999-12-31): it falls outside 0000-01-01..9999-12-31"
run --today 0000-01-01 log 1 --next -3d
expect_rc 1
expect_err_has "it falls outside 0000-01-01..9999-12-31"

# The input is read, not mapped: a file truncated while rolo waits for the
# database lock imports what was read (it was killed by SIGBUS).
python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("name,email\n")
    for i in range(200000): f.write(f"Person {i},p{i}@example.com\n")' "$TMP/big.csv"
"$ROLO" --db "$TMP/lock.db" add Seed >/dev/null
"$ROLO" --db "$TMP/lock.db" ls >/dev/null  # WAL from here on
(echo 'BEGIN IMMEDIATE;'; sleep 2; echo 'COMMIT;') | sqlite3 "$TMP/lock.db" &
locker=$!
sleep 0.5
"$ROLO" --db "$TMP/lock.db" import "$TMP/big.csv" >"$TMP/stdout" 2>"$TMP/stderr" &
importer=$!
sleep 0.7
: >"$TMP/big.csv"
wait "$importer"
rc=$?
wait "$locker"
out=$(cat "$TMP/stdout") err=$(cat "$TMP/stderr")
expect_rc 0
expect_out "$TMP/big.csv: 200000 added, 0 updated, 0 unchanged, 0 skipped"

# An endless input is refused at the documented limit, not read into memory.
run --db "$TMP/zero.db" import /dev/zero
expect_rc 1
expect_err "rolo: error: /dev/zero is larger than 256 MiB, the most rolo reads at once; split it"
expect_true "no database for a refused input" test ! -e "$TMP/zero.db"

# CSV export neutralises formulas (OWASP); --raw does not; the round trip restores them.
"$ROLO" --db "$TMP/f.db" add "=HYPERLINK(\"http://x\")" --company "+1 555" --title "@SUM(A1)" --phone "-2" \
    --note "'=already" >/dev/null
"$ROLO" --db "$TMP/f.db" add "Plain" --company "'quoted" >/dev/null
run --db "$TMP/f.db" export
expect_out_has "'=HYPERLINK"
expect_out_has ",'-2,"
expect_out_has ",'+1 555,'@SUM(A1),"
expect_out_has ",''=already,"
expect_out_has ",'quoted,"
"$ROLO" --db "$TMP/f.db" export -o "$TMP/f.csv"
"$ROLO" --db "$TMP/f2.db" import "$TMP/f.csv" >/dev/null
expect_true "export, import, export gives the same bytes" \
    test "$("$ROLO" --db "$TMP/f2.db" export)" = "$("$ROLO" --db "$TMP/f.db" export)"
run --db "$TMP/f2.db" export --format json
expect_out_has '"name": "=HYPERLINK(\"http://x\")"'
expect_out_has '"notes": "'"'"'=already"'
run --db "$TMP/f.db" export --raw
expect_out_has $'\n1,"=HYPERLINK(""http://x"")",'
expect_out_has ',-2,'

# Messages.
run due -n -1
expect_rc 2
expect_err "rolo: error: --limit: Value -1 not in range 0 to 2147483647 (see 'rolo due --help')"
run export -o "$TMP/no/such/dir/out.csv"
expect_rc 1
expect_err "rolo: error: cannot write $TMP/no/such/dir/out.csv: No such file or directory"
mkdir -p "$HOME/.config/rolo/templates/hello.toml"
run draft hello 1
expect_rc 1
expect_err "rolo: error: $HOME/.config/rolo/templates/hello.toml is a directory, not a file"
printf 'Notes:\r"When exporting your connection data..."\r\rFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\rCara,Mac,https://www.linkedin.com/in/cara,,Old Mac Ltd,Dev,01 Jan 2020\r' >"$TMP/mac.csv"
run --db "$TMP/mac.db" import "$TMP/mac.csv"
expect_rc 0
expect_out "$TMP/mac.csv: 1 added, 0 updated, 0 unchanged, 0 skipped"
finish
