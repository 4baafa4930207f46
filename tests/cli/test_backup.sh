# rolo backup: a consistent, private copy of the database, never half written.
. "$(dirname "$0")/lib.sh"

run backup "$TMP/copy.db"
expect_rc 1
expect_err_has "no database yet"
expect_true "no database, no copy" test ! -e "$TMP/copy.db"

run add "Ada Lovelace" --email ada@example.com -q
run log ada "tea" --kind coffee -q
run backup "$TMP/copy.db"
expect_rc 0
expect_out "backed up to $TMP/copy.db"
expect_true "the copy is private" test "$(stat -c %a "$TMP/copy.db")" = 600
run --db "$TMP/copy.db" history ada
expect_out_has "tea"
run --db "$TMP/copy.db" export --format json
copy_json=$out
run export --format json
expect_true "the copy holds the same data" test "$out" = "$copy_json"

run add "Grace Hopper" -q
run backup "$TMP/copy.db"
expect_rc 1
expect_err "rolo: error: $TMP/copy.db exists; give --force to replace it"
run --db "$TMP/copy.db" ls -q
expect_out "1"  # left as it was
run backup "$TMP/copy.db" --force -q
expect_rc 0
expect_out ""
run --db "$TMP/copy.db" ls -q
expect_out "$(printf '1\n2')"

run backup "$ROLO_DB"
expect_rc 1
expect_err_has "is the database itself"
run backup "$TMP/missing/copy.db"
expect_rc 1
expect_err "rolo: error: cannot back up to $TMP/missing/copy.db: no directory $TMP/missing"
run backup "$TMP" --force
expect_rc 1
expect_err "rolo: error: $TMP is a directory; name the file to write"
run backup
expect_rc 2
expect_true "no temporary file is left" test -z "$(find "$TMP" -name '*.rolo-tmp')"

finish
