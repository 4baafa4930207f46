# The files rolo writes and the databases it opens: private, never through a
# planted link, never onto the database, and never into someone else's file.
. "$(dirname "$0")/lib.sh"

mode() { stat -c %a "$1"; }
rolo_id=1919904879  # PRAGMA application_id: "rolo" in ASCII

run add "Ann Example" -q
run add "Bob Example" -q

# A schema version rolo does not know (negative, or newer) is refused, the file untouched.
for version in -2 -5 -2147483648; do
    cp "$ROLO_DB" "$TMP/odd.db"
    sqlite3 "$TMP/odd.db" "PRAGMA user_version = $version"
    sum=$(md5sum <"$TMP/odd.db")
    run --db "$TMP/odd.db" ls
    expect_rc 1
    expect_err "rolo: error: $TMP/odd.db has schema version $version, which no rolo writes (the file was not changed)"
    run --db "$TMP/odd.db" add "Cy"
    expect_rc 1
    expect_true "version $version: the file is unchanged" test "$(md5sum <"$TMP/odd.db")" = "$sum"
done

# rolo marks its files; another program's database is refused untouched,
# whether it has tables or another application_id.
expect_true "a new database is marked as rolo's" test "$(sqlite3 "$ROLO_DB" 'PRAGMA application_id')" = $rolo_id
sqlite3 "$TMP/places.sqlite" "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.com')"
sqlite3 "$TMP/other.db" "PRAGMA application_id = 42"
sqlite3 "$TMP/contacts-too.db" "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)"
for foreign in places.sqlite other.db contacts-too.db; do
    sum=$(md5sum <"$TMP/$foreign")
    for command in ls "add Cy" "import $ROLO_SOURCE_DIR/tests/data/Connections.csv"; do
        # shellcheck disable=SC2086  # the command's words
        run --db "$TMP/$foreign" $command
        expect_rc 1
        expect_err "rolo: error: $TMP/$foreign is not a rolo database (the file was not changed); give --db a rolo file or a new path"
    done
    expect_true "$foreign is unchanged" test "$(md5sum <"$TMP/$foreign")" = "$sum"
done

# A rolo database from before the mark keeps working and is marked on its next use.
for version in 3 4; do
    cp "$ROLO_DB" "$TMP/old.db"
    # What migrations 5 to 14 added is taken away again, so that they can run.
    sqlite3 "$TMP/old.db" "PRAGMA application_id = 0; PRAGMA user_version = $version;
        DROP INDEX contacts_name_key; ALTER TABLE contacts DROP COLUMN name_key;
        DROP TRIGGER person_search_insert; DROP TRIGGER person_search_update; DROP TRIGGER person_search_delete;
        DROP TRIGGER person_search_tag_insert; DROP TRIGGER person_search_tag_delete;
        DROP TRIGGER person_search_tag_update; DROP TRIGGER interaction_search_insert;
        DROP TRIGGER interaction_search_delete; DROP TRIGGER interaction_search_update;
        DROP TABLE person_search; DROP TABLE interaction_search; DROP VIEW person_text;
        ALTER TABLE contacts DROP COLUMN call_name; ALTER TABLE interactions DROP COLUMN topic;
        ALTER TABLE interactions DROP COLUMN by_rolo; DROP TABLE log_effects;
        DROP INDEX interactions_open_todos; DROP INDEX interactions_group;
        ALTER TABLE interactions DROP COLUMN todo; ALTER TABLE interactions DROP COLUMN done_on;
        ALTER TABLE interactions DROP COLUMN group_id;
        DROP INDEX interactions_import_key; DROP INDEX interactions_job_changes;
        ALTER TABLE interactions DROP COLUMN body;
        ALTER TABLE interactions DROP COLUMN import_key; DROP TABLE purged; DROP TABLE import_marks;
        DROP INDEX contacts_uid; ALTER TABLE contacts DROP COLUMN uid; DROP TABLE vdir_files;
        ALTER TABLE contacts DROP COLUMN card_extra; ALTER TABLE contacts DROP COLUMN sources"
    run --db "$TMP/old.db" ls -q
    expect_rc 0
    expect_out "$(printf '1\n2')"
    expect_true "version $version: now marked" test "$(sqlite3 "$TMP/old.db" 'PRAGMA application_id')" = $rolo_id
    expect_true "version $version: migrated" test "$(sqlite3 "$TMP/old.db" 'PRAGMA user_version')" = 14
    expect_true "version $version: search index built" test "$(ROLO_DB="$TMP/old.db" "$ROLO" search -q ann)" = 1
done

# export -o writes through a temporary file no one else can have planted or read.
echo "victim" >"$TMP/victim"
ln -s "$TMP/victim" "$TMP/out.csv.rolo-tmp"
run export -o "$TMP/out.csv"
expect_rc 0
expect_true "the planted link's target is untouched" test "$(cat "$TMP/victim")" = victim
expect_true "the export is a regular file" test -f "$TMP/out.csv" -a ! -L "$TMP/out.csv"
expect_true "the export is private" test "$(mode "$TMP/out.csv")" = 600
rm "$TMP/out.csv.rolo-tmp"
(umask 022 && touch "$TMP/out.csv.rolo-tmp")
(umask 000 && "$ROLO" export -o "$TMP/out.csv")
expect_true "a planted temporary file does not make the export readable" test "$(mode "$TMP/out.csv")" = 600
expect_true "the export holds the contacts" grep -q "Bob Example" "$TMP/out.csv"

# backup: a link planted, again and again, where the temporary copy used to go
# never receives the database.
: >"$TMP/victim"
python3 -c 'import os, sys
while True:
    try: os.symlink(sys.argv[1], sys.argv[2])
    except OSError: pass' "$TMP/victim" "$TMP/copy.db.rolo-tmp" &
planter=$!
for i in 1 2 3 4 5; do "$ROLO" backup --force "$TMP/copy.db" -q; done
kill "$planter"
wait "$planter" 2>/dev/null
expect_true "the planted link's target received nothing" test ! -s "$TMP/victim"
expect_true "the backup is a private regular file" test -f "$TMP/copy.db" -a ! -L "$TMP/copy.db" -a "$(mode "$TMP/copy.db")" = 600
expect_true "the backup is sound" test "$(sqlite3 "$TMP/copy.db" 'PRAGMA integrity_check')" = ok

# export -o and backup refuse the database itself, however it is named, and
# anything that is not a regular file or a new path.
ln -s "$ROLO_DB" "$TMP/link.db"
ln "$ROLO_DB" "$TMP/hard.db"
mkfifo "$TMP/fifo"
for target in "$ROLO_DB" "$TMP/link.db" "$TMP/hard.db"; do
    run export -o "$target"
    expect_rc 1
    expect_err "rolo: error: $target is the database itself; write to another file"
    run backup --force "$target"
    expect_rc 1
    expect_err "rolo: error: $target is the database itself; write to another file"
done
run ls -q
expect_out "$(printf '1\n2')"  # the database survived all that
: >"$ROLO_DB-wal"  # as while another command has the database open
run export -o "$ROLO_DB-wal"
expect_rc 1
expect_err "rolo: error: $ROLO_DB-wal is the database's wal; write to another file"
rm -f "$ROLO_DB-wal"
for target in /dev/null "$TMP/fifo"; do
    run export -o "$target"
    expect_rc 1
    expect_err "rolo: error: $target is not a regular file; name a new file or a regular one to replace"
    run backup --force "$target"
    expect_rc 1
    expect_err "rolo: error: $target is not a regular file; name a new file or a regular one to replace"
done
expect_true "/dev/null is still a device" test -c /dev/null
run export -o "$TMP"
expect_rc 1
expect_err "rolo: error: $TMP is a directory; name the file to write"
cd "$TMP" || exit 1
run export -o -
expect_rc 0
expect_out_has "Bob Example"
expect_true "-o - wrote no file named -" test ! -e "$TMP/-"
# A link to a regular file: the file is replaced, the link stays.
echo old >"$TMP/real.csv"
ln -s "$TMP/real.csv" "$TMP/latest.csv"
run export -o "$TMP/latest.csv"
expect_rc 0
expect_true "the link is still a link" test -L "$TMP/latest.csv"
expect_true "its target holds the export" grep -q "Bob Example" "$TMP/real.csv"
expect_true "no temporary file is left" test -z "$(find "$TMP" -name '*.rolo-tmp' ! -name out.csv.rolo-tmp ! -name copy.db.rolo-tmp)"

# A failed import or restore into a new database leaves no file behind.
echo '{"contacts": [{"id": 1, "name": "Ann"}, {"id": 2, "name": ""}]}' >"$TMP/bad.json"
printf 'name,email\nAnn,ann@example.com\n,nobody@example.com\n' >"$TMP/bad.csv"
for input in bad.json bad.csv; do
    run --db "$TMP/new/first.db" import "$TMP/$input"
    expect_rc 1
    expect_true "$input: no database was left" test ! -e "$TMP/new/first.db"
done
# ... but an existing database, even an empty one, stays.
"$ROLO" --db "$TMP/new/first.db" init -q
run --db "$TMP/new/first.db" import "$TMP/bad.json"
expect_rc 1
expect_true "the existing database stays" test -s "$TMP/new/first.db"

# Output that cannot be written fails, as cat does.
for command in "export" "ls" "export --format json"; do
    # shellcheck disable=SC2086  # the command's words
    "$ROLO" $command >/dev/full 2>"$TMP/stderr"
    rc=$? out="" err=$(cat "$TMP/stderr")
    expect_rc 1
    expect_err "rolo: error: write error: No space left on device"
done
# So does output to a terminal, which passes through the escape filter: one
# opened read-only is still a terminal, yet every write to it fails.
for command in "export" "ls" "show Ann"; do
    # shellcheck disable=SC2086  # the command's words
    python3 - "$ROLO" $command 2>"$TMP/stderr" <<'EOF'
import os, pty, subprocess, sys
master, terminal = pty.openpty()
stdout = os.open(os.ttyname(terminal), os.O_RDONLY | os.O_NOCTTY)
sys.exit(subprocess.run(sys.argv[1:], stdout=stdout).returncode)
EOF
    rc=$? out="" err=$(cat "$TMP/stderr")
    expect_rc 1
    expect_err_has "rolo: error: write error: "
done

# An empty config means the defaults.
: >"$ROLO_CONFIG"
run ls -q
expect_rc 0
expect_out "$(printf '1\n2')"
run --config /dev/null due
expect_rc 0
rm "$ROLO_CONFIG"

# Under umask 000, rolo's directories are 0700 and its files 0600 still.
(
    umask 000
    export HOME="$TMP/open" && mkdir "$HOME"
    unset ROLO_DB ROLO_CONFIG
    "$ROLO" init -q
)
for dir in .config .config/rolo .local .local/share .local/share/rolo; do
    expect_true "~/$dir is private" test "$(mode "$TMP/open/$dir")" = 700
done
expect_true "the config is private" test "$(mode "$TMP/open/.config/rolo/config.toml")" = 600
expect_true "the database is private" test "$(mode "$TMP/open/.local/share/rolo/rolo.db")" = 600

finish
