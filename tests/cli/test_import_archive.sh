# rolo import of LinkedIn's "Download your data" archive, as a zip and as a
# folder: each file, both eras, group messages, drafts, idempotency, job
# changes -> due -> draft, gone and new connections, purged people, and each
# bad input. The archives are built here from tests/data's invented people.
. "$(dirname "$0")/lib.sh"
data="$ROLO_SOURCE_DIR/tests/data"

# count SQL: one number from the database.
count() { out=$(sqlite3 "$ROLO_DB" "$1"); }

first="$TMP/Basic_LinkedInDataExport_02-10-2026.zip"
newer="$TMP/Basic_LinkedInDataExport_11-20-2026.zip"
zip_dir "$data/linkedin_archive" "$first"
zip_dir "$data/linkedin_archive_newer" "$newer"

# --- A dry run lists what would change and writes nothing (not even the database).
run import "$first" --dry-run
expect_rc 0
expect_out_has "people 5 added, 0 updated, 0 unchanged; 0 job changes; 0 gone from LinkedIn; 8 messages read, 7 interactions added; 0 skipped (dry run: nothing written)"
expect_out_has "would add:"
expect_out_has "  #1 Priya Raman (Acme Robotics)"
expect_out_has "  #5 Mei Chen"
expect_out_has "interactions to add:"
expect_out_has "  #1 Priya Raman (Acme Robotics): 2"
expect_true "a dry run creates no database" test ! -e "$ROLO_DB"

# --- The zip: people, invitations and messages.
run import "$first"
expect_rc 0
expect_out_has "$first: people 5 added, 0 updated, 0 unchanged; 0 job changes; 0 gone from LinkedIn; 8 messages read, 7 interactions added; 0 skipped"
expect_out_has "  not imported: 1 drafts"
expect_out_has "  not imported: 1 sponsored messages"
expect_out_has "  not imported: 1 messages from \"LinkedIn Member\""
expect_out_has "  not imported: 1 messages with no one known"
expect_out_has "  not imported: 1 invitations from people not known"
# The first export's people are not "new connections": everyone is.
expect_out_lacks "new connections:"
# You (Profile.csv) are never a contact.
count "SELECT count(*) FROM contacts WHERE name = 'Ada Quint'"; expect_out 0
# Messages: in from the sender, out to each known recipient (by URL: "Jane Doe, PhD" holds a comma).
count "SELECT group_concat(on_date || ' ' || direction, ', ') FROM (SELECT * FROM interactions WHERE contact_id = 1 AND kind = 'message' ORDER BY on_date)"
expect_out "2026-01-10 in, 2026-01-11 out"
count "SELECT count(*) FROM interactions WHERE kind = 'message' AND on_date = '2026-01-20' AND direction = 'out' AND contact_id IN (3, 4)"
expect_out 2
# The text is kept (interactions.body, for search), lines and all; the summary says only what it was.
count "SELECT body FROM interactions WHERE contact_id = 1 AND on_date = '2026-01-10'"
expect_out "$(printf 'Hi Ada,\nthanks for the robotics talk, the bit about "grippers" was great.')"
run history priya
expect_out_has "LinkedIn message"
expect_out_lacks "grippers"
# The draft to Tomás made nothing; his own message did.
count "SELECT count(*) FROM interactions WHERE contact_id = 2"; expect_out 1
# Invitations: Bob's to you, and Mei, invited and not connected yet, with the note.
count "SELECT kind || ' ' || direction || ' ' || on_date FROM interactions WHERE contact_id = 4 AND kind = 'invite'"
expect_out "invite in 2025-11-03"
count "SELECT connected || ' ' || linkedin_url FROM contacts WHERE name = 'Mei Chen'"
expect_out "0 https://www.linkedin.com/in/mei-chen"
count "SELECT body FROM interactions WHERE kind = 'invite' AND direction = 'out'"
expect_out "Great meeting you at PyData, Mei."

# --- Idempotent: the same archive again changes nothing.
before=$(sqlite3 "$ROLO_DB" "SELECT count(*), max(id) FROM interactions; SELECT group_concat(updated_at) FROM contacts")
run import "$first"
expect_rc 0
expect_out_has "people 0 added, 0 updated, 4 unchanged; 0 job changes; 0 gone from LinkedIn; 8 messages read, 0 interactions added"
expect_true "a re-import changes nothing" test "$before" = "$(sqlite3 "$ROLO_DB" "SELECT count(*), max(id) FROM interactions; SELECT group_concat(updated_at) FROM contacts")"

# --- The messages' text is searchable (never drafted from): rolo search and history --grep find it.
run search grippers -q
expect_rc 0
expect_out 1
run history --grep grippers --format tsv
expect_out_has "LinkedIn message"
# An import indexes its messages all at once, exactly as the triggers index the rest.
expect_true "the search index is exact" sqlite3 "$ROLO_DB" "INSERT INTO interaction_search (interaction_search, rank) VALUES ('integrity-check', 1)"

# --- A JSON export carries the text and keys: restored, the archive adds nothing again.
run export --format json -o "$TMP/backup.json"
expect_rc 0
ROLO_DB="$TMP/restored.db" run import "$TMP/backup.json"
expect_rc 0
ROLO_DB="$TMP/restored.db" run import "$first"
expect_out_has "8 messages read, 0 interactions added"
expect_true "the restored text is searchable" test "$(ROLO_DB="$TMP/restored.db" "$ROLO" search -q grippers)" = 1
expect_true "the restored text is the text" test "$(sqlite3 "$TMP/restored.db" "SELECT body FROM interactions WHERE on_date = '2026-01-11'")" = "Thank you! Happy to share the slides."

# --- A merge keeps one copy of a message both people were in (the group message to Jane and Bob).
cp "$ROLO_DB" "$TMP/merge.db"
ROLO_DB="$TMP/merge.db" run merge 3 4
expect_rc 0
expect_out_has "dropped 1 imported message both had"
expect_true "one copy of the group message" test "$(sqlite3 "$TMP/merge.db" "SELECT count(*) FROM interactions WHERE on_date = '2026-01-20'")" = 1

# --- The newer export, as a folder: a job change, one gone, one new, the old era's messages.
folder="$TMP/Basic_LinkedInDataExport_11-20-2026"
mkdir "$folder" && cp "$data/linkedin_archive_newer/"* "$folder/"
run import "$folder"
expect_rc 0
expect_out_has "people 1 added, 1 updated, 2 unchanged; 1 job changes; 1 gone from LinkedIn; 2 messages read, 3 interactions added"
expect_out_has "job changes:"
expect_out_has "  #1 Priya Raman (Beta Labs): Engineer at Acme Robotics → CTO at Beta Labs"
expect_out_has "gone from LinkedIn (kept):"
expect_out_has "  #4 Bob Li (Delta Freight)"
expect_out_has "new connections:"
expect_out_has "  #6 Omar Haddad (Epsilon Energy)"
count "SELECT count(*) FROM contacts WHERE name = 'Bob Li'"; expect_out 1
# Old era (no RECIPIENT PROFILE URLS): "Jane Doe, PhD" is found by her full name.
count "SELECT group_concat(direction, ',') FROM (SELECT direction FROM interactions WHERE contact_id = 3 AND on_date LIKE '2022%' ORDER BY on_date)"
expect_out "out,in"
count "SELECT on_date || ' ' || summary FROM interactions WHERE kind = 'job-change'"
expect_out "2026-11-20 job change: Engineer at Acme Robotics → CTO at Beta Labs"

# --- The job change is due for its window, and congrats names the new role.
run due --format tsv
expect_out_has "Priya Raman"
expect_out_has "job-change"
run draft congrats priya
expect_rc 0
expect_out_has "Congratulations on your new role as CTO at Beta Labs!"
ROLO_TODAY=2026-12-21 run due --format tsv
expect_out_lacks "job-change"
printf '[defaults]\njob_change_window = "60d"\n' >"$ROLO_CONFIG"
ROLO_TODAY=2026-12-21 run due --format tsv
expect_out_has "job-change"
rm "$ROLO_CONFIG"
# Writing to her ends it.
run log priya "congratulated her" --kind message
run due --format tsv
expect_out_lacks "job-change"

# --- An older export after a newer one changes nothing.
before=$(sqlite3 "$ROLO_DB" "SELECT count(*) FROM interactions; SELECT group_concat(company || title || updated_at) FROM contacts")
run import "$first"
expect_rc 0
expect_out_has "0 job changes; 0 gone from LinkedIn; 8 messages read, 0 interactions added"
expect_true "an older export changes nothing" test "$before" = "$(sqlite3 "$ROLO_DB" "SELECT count(*) FROM interactions; SELECT group_concat(company || title || updated_at) FROM contacts")"

# --- A purged person does not come back, unless asked.
run rm omar --purge
run import "$folder"
expect_out_has "people 0 added"
expect_out_has "left out: 1 removed with rm --purge"
count "SELECT count(*) FROM contacts WHERE name = 'Omar Haddad'"; expect_out 0
# The mark is a hash: the purged URL is not kept as text.
count "SELECT count(*) FROM purged"; expect_out 1
run import "$data/linkedin_archive_newer/Connections.csv" --include-purged
expect_out_has "1 added"
count "SELECT count(*) FROM contacts WHERE name = 'Omar Haddad'"; expect_out 1

# --- Imports warn about a same-name row, as add does.
printf 'name,email\nBob Li,bob@other.example\n' >"$TMP/same.csv"
run import "$TMP/same.csv"
expect_rc 0
expect_err_has "same.csv:2: Bob Li has the same name as #4 Bob Li (Delta Freight)"

# --- A plain Connections.csv records job changes too.
sed 's/Gamma Health,Researcher/Gamma Health,Lead Researcher/' "$data/linkedin_archive_newer/Connections.csv" >"$TMP/Connections.csv"
run import "$TMP/Connections.csv"
expect_out_has "  #3 Jane Doe, PhD (Gamma Health): Researcher at Gamma Health → Lead Researcher at Gamma Health"

# --- Bad input: a clear error naming the file inside the archive, and nothing written.
bad="$TMP/bad" && mkdir "$bad" && cp "$data/linkedin_archive/"* "$bad/"
python3 - "$bad/messages.csv" <<'PY'
import sys
p = sys.argv[1]
lines = open(p, encoding="utf-8").read().split("\n")
lines[8] = lines[8].replace("2026-01-25 08:00:00 UTC", "22/01/2026")
open(p, "w", encoding="utf-8").write("\n".join(lines))
PY
rm -f "$ROLO_DB"
run import "$bad"
expect_rc 1
expect_err "rolo: error: messages.csv:9: bad DATE '22/01/2026'"
expect_true "a failed first import leaves no database" test ! -e "$ROLO_DB"
# --skip-bad imports the rest and says what it skipped.
run import "$bad" --skip-bad
expect_rc 0
expect_out_has "7 messages read, 7 interactions added; 1 skipped"
expect_err_has "messages.csv:9: bad DATE '22/01/2026' (skipped)"
rm -f "$ROLO_DB"

# A missing column is named with its file.
cp "$data/linkedin_archive/"* "$bad/"
sed -i '1s/"DATE",//' "$bad/messages.csv"
run import "$bad"
expect_rc 1
expect_err "rolo: error: messages.csv:1: no DATE column"
cp "$data/linkedin_archive/"* "$bad/"
printf 'From,To,Sent At,Message,Direction\nBob Li,Ada Quint,yesterday,,INCOMING\n' >"$bad/Invitations.csv"
run import "$bad"
expect_rc 1
expect_err "rolo: error: Invitations.csv:2: bad Sent At 'yesterday'"
expect_true "nothing written" test ! -e "$ROLO_DB"

# Not a zip, truncated, encrypted, nothing known in it; a folder with nothing known.
printf 'First Name,Last Name\n' >"$TMP/text.zip"
run import "$TMP/text.zip" --from linkedin-archive
expect_rc 1
expect_err "rolo: error: $TMP/text.zip: not a zip file"
head -c 600 "$first" >"$TMP/truncated.zip"
run import "$TMP/truncated.zip"
expect_rc 1
expect_err "rolo: error: $TMP/truncated.zip: a truncated or damaged zip (its directory is missing)"
(cd "$data/linkedin_archive" && zip -q -P secret "$TMP/encrypted.zip" Connections.csv messages.csv)
run import "$TMP/encrypted.zip"
expect_rc 1
expect_err "rolo: error: $TMP/encrypted.zip: Connections.csv is encrypted; unzip it with its password and import the folder"
python3 -c 'import zipfile, sys; zipfile.ZipFile(sys.argv[1], "w").writestr("Jobs/Job Applications.csv", "a,b\n")' "$TMP/other.zip"
run import "$TMP/other.zip"
expect_rc 1
expect_err "rolo: error: $TMP/other.zip: not a LinkedIn data export: none of Profile.csv, Connections.csv, Invitations.csv or messages.csv in it"
mkdir "$TMP/empty"
run import "$TMP/empty"
expect_rc 1
expect_err "rolo: error: $TMP/empty: not a LinkedIn data export: none of Profile.csv, Connections.csv, Invitations.csv or messages.csv in it"
# --from linkedin-archive forces it; any other --from refuses a folder.
run import "$TMP/empty" --from csv
expect_rc 1
expect_err "rolo: error: $TMP/empty is a folder: only --from linkedin-archive reads one"
expect_true "no database after failures" test ! -e "$ROLO_DB"

# File names inside vary in case, spaces and underscores.
mkdir "$TMP/names" && cp "$data/linkedin_archive/Connections.csv" "$TMP/names/connections.csv"
cp "$data/linkedin_archive/messages.csv" "$TMP/names/Messages.CSV"
run import "$TMP/names"
expect_rc 1
expect_err_has "Messages.CSV: no Profile.csv to say which messages are yours"
printf '[me]\nname = "Ada Quint"\n' >"$ROLO_CONFIG"
run import "$TMP/names"
expect_rc 0
expect_out_has "people 4 added"
expect_out_has "5 interactions added"

finish
