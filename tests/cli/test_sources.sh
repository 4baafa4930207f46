#!/usr/bin/env bash
# Where each field's value came from: an import changes only what its own
# source changed since it last said it, `show --sources` says who set what;
# and the one vCard mapping: X-ROLO-* read by import, the version of a card
# kept, a file of several cards kept whole, an unchanged edit a no-op.
source "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || { echo "jq is needed"; exit 77; }
data="$ROLO_SOURCE_DIR/tests/data"

# --- provenance -------------------------------------------------------------
ROLO_TODAY=2026-11-20 run import "$data/Connections.csv"
expect_rc 0
run edit janet --title "Principal Partner"
expect_rc 0
# The same export again (LinkedIn still says Managing Partner): the user's title stays, no job change.
run import "$data/Connections.csv"
expect_rc 0
expect_out_lacks "job change"
run --format json show janet
expect_out_has '"title": "Principal Partner"'
run due --format tsv
expect_out_lacks "job-change"

# --sources: each field with its source and when it was set.
run show janet --sources --format tsv
expect_rc 0
expect_out_has "$(printf 'field\tvalue\tsource\tset_at')"
expect_out_has "$(printf 'title\tPrincipal Partner\tuser\t2026-11-24')"
expect_out_has "$(printf 'company\tMellor & Co\tlinkedin\t2026-11-20')"
expect_out_has "$(printf 'linkedin_url\thttps://www.linkedin.com/in/janetmellor\tlinkedin\t2026-11-20')"
run show janet --sources --format json
expect_out_has '"source": "user"'
run show janet --sources --format csv
expect_out_has "title,Principal Partner,user,2026-11-24"
run show janet --sources
expect_out_has "Principal Partner"

# LinkedIn's own title changes: that is news, it wins, and it is a job change.
sed 's/Managing Partner/Chair/' "$data/Connections.csv" >"$TMP/newer.csv"
ROLO_TODAY=2026-11-25 run import "$TMP/newer.csv"
expect_out_has "job change"
run --format json show janet
expect_out_has '"title": "Chair"'
ROLO_TODAY=2026-11-25 run show janet --sources --format tsv
expect_out_has "$(printf 'title\tChair\tlinkedin\t2026-11-25')"

# Every importer records its source: a CSV and a vCard.
printf 'name,email,company\nCora Smith,cora@example.com,Initech\n' >"$TMP/people.csv"
run import "$TMP/people.csv"
run show cora --sources --format tsv
expect_out_has "$(printf 'company\tInitech\tcsv\t2026-11-24')"
run edit cora --company "Initrode"
run import "$TMP/people.csv"
expect_out_has "1 unchanged"
run --format json show cora
expect_out_has '"company": "Initrode"'

# --- the one vCard mapping ----------------------------------------------------
# import reads rolo's X-ROLO-* fields as sync writes them.
cat >"$TMP/x.vcf" <<'VCF'
BEGIN:VCARD
VERSION:4.0
FN:Xavier Rolo
X-ROLO-MET:PyCon\, Berlin
X-ROLO-MET-ON:2025-04-02
X-ROLO-INTERESTS:compilers
X-ROLO-EVERY:6w
X-ROLO-CONNECTED:no
END:VCARD
VCF
run --db "$TMP/x.db" import "$TMP/x.vcf"
expect_rc 0
run --db "$TMP/x.db" --format json show xavier
expect_out_has '"met_at": "PyCon, Berlin"'
expect_out_has '"met_on": "2025-04-02"'
expect_out_has '"interests": "compilers"'
expect_out_has '"every": "6w"'
expect_out_has '"connected": false'
run --db "$TMP/x.db" show xavier --sources --format tsv
expect_out_has "$(printf 'met_at\tPyCon, Berlin\tvcard\t2026-11-24')"

# sync keeps a card's version: a 4.0 card changed in rolo stays 4.0.
mkdir -p "$TMP/book"
cp "$TMP/x.vcf" "$TMP/book/x.vcf"
run --db "$TMP/x.db" sync "$TMP/book"
expect_rc 0
run --db "$TMP/x.db" edit xavier --title "Compiler Engineer"
run --db "$TMP/x.db" sync "$TMP/book"
expect_true "the changed card was written" grep -q "^TITLE:Compiler Engineer" "$TMP/book/x.vcf"
expect_true "and stays 4.0" grep -q "^VERSION:4.0" "$TMP/book/x.vcf"
run --db "$TMP/x.db" show xavier --sources --format tsv
expect_out_has "$(printf 'title\tCompiler Engineer\tuser')"

# A .vcf holding two cards keeps both when rolo rewrites it.
cat >"$TMP/book/two.vcf" <<'VCF'
BEGIN:VCARD
VERSION:3.0
UID:first-of-two
FN:Yara First
END:VCARD
BEGIN:VCARD
VERSION:3.0
UID:second-of-two
FN:Zane Second
EMAIL:zane@example.com
END:VCARD
VCF
run --db "$TMP/x.db" sync "$TMP/book"
expect_rc 0
run --db "$TMP/x.db" edit yara --title "Architect"
run --db "$TMP/x.db" sync "$TMP/book"
expect_rc 0
expect_true "the first card changed" grep -q "^TITLE:Architect" "$TMP/book/two.vcf"
expect_true "the second card is kept" grep -q "^FN:Zane Second" "$TMP/book/two.vcf"
expect_true "with its email" grep -q "^EMAIL:zane@example.com" "$TMP/book/two.vcf"

# --- rolo edit's card -----------------------------------------------------------
# Saved unchanged, the card changes nothing: no trimming, no new stamp.
run add "  Spacey Name " --title " Lead " --note $'first  \n  indented' --email sp@example.com
before=$("$ROLO" --format json show sp@example.com)
stamp=$(sqlite3 "$ROLO_DB" "SELECT updated_at FROM contacts WHERE email = 'sp@example.com'")
out=$(EDITOR=true ROLO_TODAY=2026-12-01 script -qec "$ROLO edit sp@example.com" /dev/null </dev/null | tr -d '\r')
expect_out_has "nothing changed"
expect_true "an unchanged card changes no field" test "$("$ROLO" --format json show sp@example.com)" = "$before"
expect_true "nor the stamp" test "$(sqlite3 "$ROLO_DB" "SELECT updated_at FROM contacts WHERE email = 'sp@example.com'")" = "$stamp"

finish
