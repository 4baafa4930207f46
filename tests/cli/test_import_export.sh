# rolo import and rolo export: LinkedIn, CSV and vCard; upserts; atomicity; round trips.
. "$(dirname "$0")/lib.sh"
data="$ROLO_SOURCE_DIR/tests/data"

# A realistic Connections.csv: "Notes:" preamble, CRLF, quoted commas and quotes, empty emails,
# accents, emoji and right-to-left names.
run import "$data/Connections.csv"
expect_rc 0
expect_out "$data/Connections.csv: 5 added, 0 updated, 0 unchanged, 0 skipped"
run ls --format tsv --sort id
expect_out "$(printf '%s\n' \
'id	name	company	title	email	tags	connected	every	last' \
'1	Janet Mellor	Mellor & Co	Managing Partner	janet@example.com		1		' \
'2	Zoë Ångström	Fjord Analytics, AB	Data Lead			1		' \
'3	Jane Doe, PhD	Acme "Labs"	VP, Research			1		' \
'4	Ravi 🚀 Kumar			ravi@example.org		1		' \
'5	سارا أحمد	شركة	مهندسة			1		')"
run show zoe --format json
expect_out_has '"connected_on": "2025-03-03"'
expect_out_has '"linkedin_url": "https://www.linkedin.com/in/zoe-angstrom"'
run history -q
expect_out ""  # no invented "accepted" history

# Re-importing the same file changes nothing.
sum=$("$ROLO" export | md5sum)
run import "$data/Connections.csv"
expect_out "$data/Connections.csv: 0 added, 0 updated, 5 unchanged, 0 skipped"
expect_true "re-import changed nothing" test "$("$ROLO" export | md5sum)" = "$sum"
# A pipe (no size to read up front) reads the same.
run import <(cat "$data/Connections.csv")
expect_out_has ": 0 added, 0 updated, 5 unchanged, 0 skipped"

# A newer export updates by LinkedIn URL (spelled differently) or email, and never blanks a field.
"$ROLO" edit janet --phone "+44 113 496 0000" --interests sailing >/dev/null
printf '%s\n' 'First Name,Last Name,URL,Email Address,Company,Position,Connected On' \
    'Janet,Mellor,http://linkedin.com/in/JanetMellor/,,Mellor & Co,Chair,24 Nov 2026' \
    'Ravi,Kumar,,RAVI@example.org,Rocket Ltd,,01 Feb 2026' \
    'New,Person,https://www.linkedin.com/in/newperson,,,,20 Nov 2026' >"$TMP/newer.csv"
run import "$TMP/newer.csv"
# A new position is a job change; a company filled in where there was none is not.
# Connections missing from the newer export are reported and kept.
expect_out "$(printf '%s\n' "$TMP/newer.csv: 1 added, 2 updated, 0 unchanged, 0 skipped" 'new connections:' \
    '  #6 New Person' 'job changes:' '  #1 Janet Mellor (Mellor & Co): Managing Partner at Mellor & Co → Chair at Mellor & Co' \
    'gone from LinkedIn (kept):' '  #2 Zoë Ångström (Fjord Analytics, AB)' '  #3 Jane Doe, PhD (Acme "Labs")' '  #5 سارا أحمد (شركة)')"
run show janet --format json
expect_out_has '"title": "Chair"'
expect_out_has '"email": "janet@example.com"'
expect_out_has '"phone": "+44 113 496 0000"'
expect_out_has '"interests": "sailing"'
run show ravi --format json
expect_out_has '"name": "Ravi Kumar"'
expect_out_has '"company": "Rocket Ltd"'
expect_out_has '"email": "ravi@example.org"'  # the same address in capitals is no change
run show janet --format json
expect_out_has '"linkedin_url": "https://www.linkedin.com/in/janetmellor"'

# A bad row aborts the whole import, naming FILE:LINE; nothing is written.
printf '%s\n' 'name,email,met_on,every' 'Good One,good@example.com,2026-01-02,30d' 'Bad Date,bad@example.com,2026-02-30,' \
    'Good Two,two@example.com,,2w..4w' 'Short Row,short@example.com' >"$TMP/people.csv"
before=$("$ROLO" export | md5sum)
run import "$TMP/people.csv"
expect_rc 1
expect_err_has "rolo: error: $TMP/people.csv:3: bad date '2026-02-30'"
expect_true "nothing written after an abort" test "$("$ROLO" export | md5sum)" = "$before"
run import "$TMP/people.csv" --skip-bad --tag imported
expect_rc 0
expect_out "$TMP/people.csv: 2 added, 0 updated, 0 unchanged, 2 skipped"
expect_err "$(printf '%s\n' "rolo: warning: $TMP/people.csv:3: bad date '2026-02-30': expected YYYY-MM-DD, today, yesterday, tomorrow, a weekday, or an offset like 2w or -3d (skipped)" \
    "rolo: warning: $TMP/people.csv:5: expected 4 fields, found 2 (skipped)")"
run ls --tag imported --format tsv
expect_out_has "$(printf 'Good Two\t\t\ttwo@example.com\timported\t1\t2w..4w')"

# --dry-run reports and writes nothing, and never creates a database.
run import "$data/Connections.csv" --dry-run --db "$TMP/none.db"
expect_out_has "$data/Connections.csv: 5 added, 0 updated, 0 unchanged, 0 skipped (dry run: nothing written)"
# It lists who it would add, not only how many.
expect_out_has "$(printf 'would add:\n  #1 Janet Mellor (Mellor & Co)')"
expect_true "dry run created no database" test ! -e "$TMP/none.db"
before=$("$ROLO" export | md5sum)
run import "$TMP/newer.csv" --dry-run
expect_true "dry run wrote nothing" test "$("$ROLO" export | md5sum)" = "$before"

# Generic CSV: BOM, CRLF, first/last columns, tags, unknown columns warned; invalid UTF-8 is a row error.
printf '\xef\xbb\xbffirst,last,email,tags,favourite colour\r\nAda,Byron,ada@example.com,family;math,blue\r\n' >"$TMP/bom.csv"
run import "$TMP/bom.csv" --db "$TMP/bom.db"
expect_rc 0
expect_err "rolo: warning: $TMP/bom.csv: unknown columns ignored: favourite colour"
run --db "$TMP/bom.db" ls --format tsv
expect_out_has "$(printf 'Ada Byron\t\t\tada@example.com\tfamily;math')"
printf 'name,email\nBad \xff Byte,x@example.com\n' >"$TMP/latin1.csv"
run import "$TMP/latin1.csv" --db "$TMP/bom.db"
expect_rc 1
expect_err "rolo: error: $TMP/latin1.csv:2: not valid UTF-8"
printf 'name,email\n"Never closed,x@example.com\n' >"$TMP/open.csv"
run import "$TMP/open.csv" --db "$TMP/bom.db"
expect_rc 1
expect_err "rolo: error: $TMP/open.csv:2: a quoted field is never closed"
printf 'name,email\nKept,k@example.com\n"Never closed,x@example.com\n' >"$TMP/open2.csv"
run import "$TMP/open2.csv" --db "$TMP/bom.db" --skip-bad
expect_rc 1
expect_err "rolo: error: $TMP/open2.csv:3: a quoted field is never closed"
run --db "$TMP/bom.db" show kept
expect_rc 1  # rolled back with the rest
printf 'Name,email,First_Name,first\nA,a@example.com,B,C\n' >"$TMP/twice.csv"
run import "$TMP/twice.csv" --db "$TMP/twice.db"
expect_rc 1
expect_err "rolo: error: $TMP/twice.csv:1: two columns for first"
expect_true "a header naming a field twice creates no database" test ! -e "$TMP/twice.db"
printf 'email\nx@example.com\n' >"$TMP/noname.csv"
run import "$TMP/noname.csv" --db "$TMP/nohead.db"
expect_rc 1
expect_err "rolo: error: $TMP/noname.csv:1: the header needs a name column (or first and last)"
expect_true "a file with no usable header creates no database" test ! -e "$TMP/nohead.db"

# vCard 3 and 4: folded lines, escaped commas, N without FN, categories; from stdin.
printf '%s\r\n' 'BEGIN:VCARD' 'VERSION:4.0' 'FN:Grace Hopper' 'EMAIL;TYPE=work:grace@example.com' \
    'ORG:US Navy\, Retired;Computing' 'TITLE:Rear Admiral' 'NOTE:Invented the first compiler\, and a l' \
    ' ot more.' 'CATEGORIES:pioneer,navy' 'item1.URL:https://www.linkedin.com/in/grace' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:3.0' 'N:Lovelace;Ada;;;' 'TEL:+44 20 0000' 'END:VCARD' >"$TMP/cards.vcf"
run import - --db "$TMP/cards.db" <"$TMP/cards.vcf"
expect_out "stdin: 2 added, 0 updated, 0 unchanged, 0 skipped"
run --db "$TMP/cards.db" show grace --format json
expect_out_has '"company": "US Navy, Retired"'
expect_out_has '"notes": "Invented the first compiler, and a lot more."'
expect_out_has '"tags": ['
expect_out_has '"linkedin_url": "https://www.linkedin.com/in/grace"'
run --db "$TMP/cards.db" show ada --format json
expect_out_has '"name": "Ada Lovelace"'
expect_out_has '"connected_on": null'
run --db "$TMP/cards.db" due -q
expect_out ""  # an address book is not a hundred new connections to greet
printf 'BEGIN:VCARD\nFN:Open\n' >"$TMP/open.vcf"
run import "$TMP/open.vcf" --db "$TMP/cards.db"
expect_rc 1
expect_err "rolo: error: $TMP/open.vcf:1: a vCard is never ended (no END:VCARD)"
printf '%s\n' 'BEGIN:VCARD' 'FN:Semi' 'CATEGORIES:x;y' 'END:VCARD' >"$TMP/semi.vcf"
run import "$TMP/semi.vcf" --db "$TMP/semi-card.db"
expect_rc 0
run --db "$TMP/semi-card.db" show Semi --format json
expect_true "a bare ';' in CATEGORIES separates tags, as in a tag list" \
    python3 -c 'import json,sys; assert json.loads(sys.argv[1])["contact"]["tags"]==["x","y"]' "$out"
run import "$TMP/cards.vcf" --tag "x;y" --db "$TMP/semi.db"
expect_rc 1
expect_err "rolo: error: a tag cannot contain ';' (it separates tags): 'x;y'"
expect_true "a bad --tag creates no database" test ! -e "$TMP/semi.db"
run import "$TMP/cards.vcf" --from linkedin --db "$TMP/cards.db"
expect_rc 1
expect_err_has "no LinkedIn header"
run import "$TMP/absent.csv"
expect_rc 1
expect_err "rolo: error: cannot read $TMP/absent.csv: No such file or directory"
# A folder is read as an unzipped LinkedIn archive: this one holds none of its files.
run import "$TMP"
expect_rc 1
expect_err "rolo: error: $TMP: not a LinkedIn data export: none of Profile.csv, Connections.csv, Invitations.csv or messages.csv in it"

# Export then import into an empty database reproduces the data, byte for byte on a second export.
"$ROLO" edit janet --met "BNI breakfast" --met-on 2026-09-01 --every 4w..6w --note $'two\nlines, "quoted"' >/dev/null
"$ROLO" rm "new person" >/dev/null
"$ROLO" snooze ravi 2w >/dev/null
"$ROLO" export -o "$TMP/first.csv"
expect_true "export file is private" test "$(stat -c %a "$TMP/first.csv")" = 600
run import "$TMP/first.csv" --db "$TMP/copy.db"
expect_out "$TMP/first.csv: 8 added, 0 updated, 0 unchanged, 0 skipped"
"$ROLO" --db "$TMP/copy.db" export -o "$TMP/second.csv"
expect_true "second export is byte-identical" cmp -s "$TMP/first.csv" "$TMP/second.csv"
run --db "$TMP/copy.db" show ravi --format json
expect_out_has '"snoozed_until": "2026-12-08"'
"$ROLO" --db "$TMP/copy.db" export --format vcard >"$TMP/copy.vcf"
run import "$TMP/copy.vcf" --db "$TMP/copy.db"
expect_out "$TMP/copy.vcf: 0 added, 0 updated, 8 unchanged, 0 skipped"

# JSON is one document with everything; csv --what covers the rest.
"$ROLO" log janet "coffee" --kind coffee >/dev/null
"$ROLO" link janet zoe --context "met at a BNI visitors' day" >/dev/null
run export --format json
expect_true "json has every table" python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert list(d)==["contacts","interactions","knows","intros"]; assert len(d["contacts"])==8 and any(i["kind"]=="coffee" for i in d["interactions"]) and d["knows"][0]["context"].startswith("met at")' "$out"
# One --format: before or after the command, or ROLO_FORMAT, means the same for export.
run --format json export
expect_true "rolo --format json export is json" python3 -c 'import json,sys; assert len(json.loads(sys.argv[1])["contacts"])==8' "$out"
ROLO_FORMAT=json run export
expect_true "ROLO_FORMAT=json rolo export is json" python3 -c 'import json,sys; assert len(json.loads(sys.argv[1])["contacts"])==8' "$out"
ROLO_FORMAT=table run export
expect_out_has "name,email,phone,company"  # a format for reading: export writes csv
run export --format table
expect_rc 1
expect_err "rolo: error: export writes csv, tsv, json or vcard, not table"
run ls --format vcard
expect_rc 1
expect_err "rolo: error: --format vcard is for rolo export only"
run export --format json --what knows
expect_true "json --what is that list alone" python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d[0]["a"]==1 and d[0]["b"]==2, d' "$out"
run export --what knows
expect_out "$(printf 'a,a_name,b,b_name,strength,context,since\n1,Janet Mellor,2,Zoë Ångström,3,met at a BNI visitors'"'"' day,2026-11-24')"
run export --what interactions
expect_out_has "2026-11-24,1,Janet Mellor,coffee,out,coffee,"
# The JSON export restores everything into an empty database; exporting again gives the same bytes.
"$ROLO" --today 2026-11-10 intro zoe --ask janet --why "data at Fjord" >/dev/null
"$ROLO" log ravi "accepted my invite" --kind accepted --on 2026-11-01 >/dev/null
"$ROLO" log janet "next steps" --kind call --next 2026-12-01 >/dev/null
"$ROLO" export --format json -o "$TMP/all.json"
run import "$TMP/all.json" --db "$TMP/restored.db"
expect_rc 0
expect_out "$TMP/all.json: restored 8 contacts, 5 interactions, 1 links, 1 intros"
"$ROLO" --db "$TMP/restored.db" export --format json -o "$TMP/again.json"
expect_true "second json export is byte-identical" cmp -s "$TMP/all.json" "$TMP/again.json"
run --db "$TMP/restored.db" show ravi --format json
expect_out_has '"snoozed_until": "2026-12-08"'
# Each person's vCard UID is restored, so a vdir synced before and after the
# restore keeps its cards rather than gaining a second set.
"$ROLO" export --format vcard >/dev/null
"$ROLO" export --format json -o "$TMP/uids.json"
"$ROLO" --db "$TMP/uids.db" import "$TMP/uids.json" >/dev/null
uids() { sqlite3 "$1" "SELECT id, uid FROM contacts ORDER BY id"; }
expect_true "a restore keeps each vCard UID" test "$(uids "$TMP/uids.db")" = "$(uids "$ROLO_DB")"
expect_true "every person has a UID" test "$(sqlite3 "$TMP/uids.db" "SELECT count(*) FROM contacts WHERE uid IS NULL")" = 0
# A restore writes rows, it does not log them again: an `accepted` followed by
# --not-connected stays not connected, and the round trip is exact.
export ROLO_DB="$TMP/undone.db"
"$ROLO" add "Una Done" --met-on 2026-10-01 >/dev/null
"$ROLO" log una "accepted" --kind accepted --on 2026-11-01 >/dev/null
"$ROLO" edit una --not-connected >/dev/null
"$ROLO" export --format json -o "$TMP/undone.json"
"$ROLO" --db "$TMP/undone-restored.db" import "$TMP/undone.json" >/dev/null
"$ROLO" --db "$TMP/undone-restored.db" export --format json -o "$TMP/undone-again.json"
expect_true "a restore keeps connected false after an accepted" cmp -s "$TMP/undone.json" "$TMP/undone-again.json"
export ROLO_DB="$TMP/rolo.db"
run --db "$TMP/restored.db" due --format tsv
expect_true "due reads the restored data the same way" test "$out" = "$("$ROLO" due --format tsv)"
run import "$TMP/all.json" --db "$TMP/restored.db"
expect_rc 1
expect_err "rolo: error: $TMP/all.json: a JSON export restores into an empty database only; use --db NEW.db"
run import "$TMP/all.json" --db "$TMP/dry.db" --dry-run
expect_out "$TMP/all.json: restored 8 contacts, 5 interactions, 1 links, 1 intros (dry run: nothing written)"
expect_true "dry-run restore created no database" test ! -e "$TMP/dry.db"
printf '{"contacts": [' >"$TMP/broken.json"
run import "$TMP/broken.json" --db "$TMP/b1.db"
expect_rc 1
expect_err_has "rolo: error: $TMP/broken.json: not valid JSON"
printf '{"contacts": [{"id": 1, "name": "A", "connected": true, "archived": false}], "interactions": [{"date": "2026-01-01", "contact_id": 7, "kind": "call", "direction": "out"}]}' >"$TMP/orphan.json"
run import "$TMP/orphan.json" --db "$TMP/b2.db"
expect_rc 1
expect_err "rolo: error: $TMP/orphan.json: interactions[0]: no contact #7"
run --db "$TMP/b2.db" ls -q
expect_out ""  # nothing half-restored
printf '{"contacts": [{"id": 1, "name": "A", "connected": true, "archived": false}], "interactions": [{"date": "2026-01-01", "contact_id": 1, "kind": "call", "direction": "sideways"}]}' >"$TMP/sideways.json"
run import "$TMP/sideways.json" --db "$TMP/b5.db"
expect_rc 1
expect_err "rolo: error: $TMP/sideways.json: interactions[0].direction: expected \"in\" or \"out\""
printf '{"contacts": [{"id": 1, "name": "A", "connected": true, "archived": false}, {"id": 2, "name": "B", "connected": true, "archived": false}], "intros": [{"id": 1, "kind": "asked", "broker_id": 1, "target_id": 2, "asked_on": "2026-01-01", "status": "lost"}]}' >"$TMP/lost.json"
run import "$TMP/lost.json" --db "$TMP/b6.db"
expect_rc 1
expect_err "rolo: error: $TMP/lost.json: intros[0].status: unknown intro status 'lost': expected open, done, declined or silent"
printf '{"contacts": [{"id": 1, "name": 5}]}' >"$TMP/badtype.json"
run import "$TMP/badtype.json" --db "$TMP/b3.db"
expect_err "rolo: error: $TMP/badtype.json: contacts[0].name: expected text"
run import "$TMP/all.json" --db "$TMP/b4.db" --tag x
expect_rc 1

run export --format vcard --what knows
expect_rc 1
run export --format yaml
expect_rc 2

# rolo's own exports re-imported into the same database add nobody: the CSV's
# id (with the same name) and the vCard's UID say who each row is, even for
# namesakes with neither email nor phone.
own=(--db "$TMP/own.db")
"$ROLO" "${own[@]}" add "Sam Smith" --company Acme >/dev/null 2>&1
"$ROLO" "${own[@]}" add "Sam Smith" --company Initech >/dev/null 2>&1
"$ROLO" "${own[@]}" export -o "$TMP/own.csv"
"$ROLO" "${own[@]}" export --format vcard -o "$TMP/own.vcf"
expect_true "the CSV export starts with the id" test "$(head -c 8 "$TMP/own.csv")" = "id,name,"
expect_true "each card has a UID" test "$(grep -c '^UID:' "$TMP/own.vcf")" = 2
before=$("$ROLO" "${own[@]}" export | md5sum)
run "${own[@]}" import "$TMP/own.csv"
expect_out "$TMP/own.csv: 0 added, 0 updated, 2 unchanged, 0 skipped"
run "${own[@]}" import "$TMP/own.vcf"
expect_out "$TMP/own.vcf: 0 added, 0 updated, 2 unchanged, 0 skipped"
expect_true "the namesakes kept their companies" test "$("$ROLO" "${own[@]}" export | md5sum)" = "$before"
sed -i '0,/^FN:Sam Smith/s//FN:Samuel Smith/' "$TMP/own.vcf"
run "${own[@]}" import "$TMP/own.vcf"
expect_out "$TMP/own.vcf: 0 added, 1 updated, 1 unchanged, 0 skipped"

# Into an empty database, the rows keep their ids: the same bytes come out.
"$ROLO" "${own[@]}" add "Temp Person" >/dev/null
"$ROLO" "${own[@]}" add "Last Person" >/dev/null
"$ROLO" "${own[@]}" rm temp --purge >/dev/null
"$ROLO" "${own[@]}" export -o "$TMP/gap.csv"
"$ROLO" --db "$TMP/own2.db" import "$TMP/gap.csv" >/dev/null
expect_true "ids kept across a gap" test "$("$ROLO" --db "$TMP/own2.db" export)" = "$(cat "$TMP/gap.csv")"

# A card keeps what rolo does not model: N's given name is what they are called
# (and splits N again), ADR gives a location, and a second EMAIL, the ADR, BDAY
# and X- lines come back on export, once, however often the card is imported.
kept=(--db "$TMP/kept.db")
printf '%s\r\n' 'BEGIN:VCARD' 'VERSION:3.0' 'UID:fz-1' 'FN:Fatima Zahra El Amrani' 'N:El Amrani;Fatima Zahra;;;' \
    'EMAIL;TYPE=work:fz@example.com' 'item2.EMAIL;TYPE=home:fatima@example.org' \
    'ADR;TYPE=home:;;1 Rue X;Rabat;;10000;Morocco' 'BDAY:1990-04-02' 'X-SOCIAL;TYPE=x:@fz' 'END:VCARD' >"$TMP/kept.vcf"
run "${kept[@]}" import "$TMP/kept.vcf"
expect_out "$TMP/kept.vcf: 1 added, 0 updated, 0 unchanged, 0 skipped"
run "${kept[@]}" show fatima --format json
expect_out_has '"location": "Rabat, Morocco"'
expect_out_has '"call_name": "Fatima Zahra"'
run "${kept[@]}" draft thanks fatima --about "for the referral."
expect_out_has "Hi Fatima Zahra,"
"$ROLO" "${kept[@]}" export --format vcard -o "$TMP/kept-out.vcf"
for line in 'N:El Amrani;Fatima Zahra;;;' 'EMAIL:fz@example.com' 'item2.EMAIL;TYPE=home:fatima@example.org' \
    'ADR;TYPE=home:;;1 Rue X;Rabat;;10000;Morocco' 'BDAY:1990-04-02' 'X-SOCIAL;TYPE=x:@fz' 'UID:fz-1'; do
    expect_true "exported once: $line" test "$(tr -d '\r' <"$TMP/kept-out.vcf" | grep -cxF "$line")" = 1
done
expect_true "one ADR" test "$(grep -c '^ADR' "$TMP/kept-out.vcf")" = 1
run "${kept[@]}" import "$TMP/kept.vcf"
expect_out "$TMP/kept.vcf: 0 added, 0 updated, 1 unchanged, 0 skipped"
run "${kept[@]}" import "$TMP/kept-out.vcf"
expect_out "$TMP/kept-out.vcf: 0 added, 0 updated, 1 unchanged, 0 skipped"
expect_true "re-imports change nothing" test "$("$ROLO" "${kept[@]}" export --format vcard)" = "$(cat "$TMP/kept-out.vcf")"
# A location set by hand stays; the backup carries the kept lines.
"$ROLO" "${kept[@]}" edit fatima --location Casablanca >/dev/null
"$ROLO" "${kept[@]}" import "$TMP/kept.vcf" >/dev/null
run "${kept[@]}" show fatima --format json
expect_out_has '"location": "Casablanca"'
"$ROLO" "${kept[@]}" export --format json -o "$TMP/kept.json"
"$ROLO" --db "$TMP/kept2.db" import "$TMP/kept.json" >/dev/null
expect_true "a JSON restore keeps the card's lines" \
    test "$("$ROLO" --db "$TMP/kept2.db" export --format vcard | grep -v ^UID:)" = \
    "$("$ROLO" "${kept[@]}" export --format vcard | grep -v ^UID:)"
expect_true "the export of a restore is the same" \
    test "$("$ROLO" --db "$TMP/kept2.db" export --format json)" = "$(cat "$TMP/kept.json")"
# LinkedIn's first name splits N where the particle heuristic would not.
printf '%s\n' 'First Name,Last Name,URL,Email Address,Company,Position,Connected On' \
    'Fatima Zahra,El Amrani,https://www.linkedin.com/in/fz,,Atlas,Engineer,24 Nov 2026' >"$TMP/fz.csv"
"$ROLO" --db "$TMP/fz.db" import "$TMP/fz.csv" >/dev/null
run --db "$TMP/fz.db" export --format vcard
expect_out_has 'N:El Amrani;Fatima Zahra;;;'

finish
