# rolo import of Google Contacts' CSV (current and older, UTF-16 export) and Outlook's CSV
# (classic 92 columns and Outlook.com's): one check per mapping rule.
. "$(dirname "$0")/lib.sh"
data="$ROLO_SOURCE_DIR/tests/data"

# get WHO FIELD: sets $out to one field of a contact, tags joined with ';'.
get() {
    out=$("$ROLO" show "$1" --format json | python3 -c '
import json, sys
value = json.load(sys.stdin)["contact"][sys.argv[1]]
print(";".join(value) if isinstance(value, list) else value or "")' "$2")
}

# --- Google Contacts, current export: detected by its header (BOM, CRLF).
run import "$data/google_contacts.csv"
expect_rc 0
expect_out "$data/google_contacts.csv: 4 added, 0 updated, 0 unchanged, 0 skipped"
# The name is made of its parts; the nickname is what she is called.
get marta name; expect_out "Marta Isabel Sousa"
get marta call_name; expect_out "Tita"
# Without a nickname, the first name.
get kenji call_name; expect_out "Kenji"
# The first email and phone are the primary ones.
get marta email; expect_out "marta@lumen.example"
get marta phone; expect_out "+351 912 000 111"
get marta company; expect_out "Lumen Bikes"
get marta title; expect_out "Head of Design"
# Labels are tags, without the system labels.
get marta tags; expect_out "Cycling;Referral"
get kenji tags; expect_out ""
# A website that is a LinkedIn profile is the LinkedIn URL.
get marta linkedin_url; expect_out "https://www.linkedin.com/in/marta-sousa-example"
# Notes keep their lines; everything else is kept in one marked line after them.
get marta notes
expect_out "$(printf '%s\n' 'Met at the Porto design meetup.' 'Loves long rides.' \
'[address book] Organization Department: Product; Birthday: 1988-04-12; E-mail (Home): marta.sousa@mail.example; E-mail (Home): tita@mail.example; Address (Home): Rua das Flores 10, Porto 4050-262, PT; Website (Blog): https://marta.example/blog; Phone (Work): +351 222 000 333')"
get kenji notes; expect_out ""
# No name: File As, else the organisation.
get bakery name; expect_out "Corner Bakery"
get bakery call_name; expect_out ""
get northwind name; expect_out "Northwind Plumbing"
# A re-import adds nobody and changes nothing.
sum=$("$ROLO" export | md5sum)
run import "$data/google_contacts.csv"
expect_out "$data/google_contacts.csv: 0 added, 0 updated, 4 unchanged, 0 skipped"
expect_true "re-import changed nothing" test "$("$ROLO" export | md5sum)" = "$sum"

# --- Google's older export, UTF-16 with a byte order mark.
run import "$data/google_contacts_old.csv"
expect_rc 0
expect_out "$data/google_contacts_old.csv: 2 added, 0 updated, 0 unchanged, 0 skipped"
get zoe name; expect_out "Zoë Ångström"
get zoe notes; expect_out "Climbs on Thursdays 🧗"
# Group Membership: older system groups ("* Friends") keep their name.
get zoe tags; expect_out "Climbing;Friends"
get zoe company; expect_out "Fjord Analytics"
get zoe title; expect_out "Data Lead"
get zoe phone; expect_out "+46 70 000 00 00"
# The Name column, when there is one, is the name as written.
get amaka name; expect_out "Dr. Amaka Obi"
get amaka call_name; expect_out "Ama"
get amaka linkedin_url; expect_out "linkedin.com/in/amaka-obi-example"
# UTF-16 big-endian, and without a byte order mark, reads the same.
tail -c +3 "$data/google_contacts_old.csv" | iconv -f UTF-16LE -t UTF-16BE >"$TMP/old-be.csv"
run import "$TMP/old-be.csv"
expect_out "$TMP/old-be.csv: 0 added, 0 updated, 2 unchanged, 0 skipped"
# Broken UTF-16 is refused, naming the file.
{ cat "$data/google_contacts_old.csv"; printf 'x'; } >"$TMP/odd.csv"
run import "$TMP/odd.csv"
expect_rc 1
expect_err "rolo: error: $TMP/odd.csv: not valid UTF-16: an odd number of bytes"

# --- Outlook, classic 92 columns, every field quoted, Outlook's defaults filled in.
run import "$data/outlook_contacts.csv"
expect_rc 0
expect_out "$data/outlook_contacts.csv: 2 added, 0 updated, 0 unchanged, 0 skipped"
get tomas name; expect_out "Tomás Herrera Jr."
get tomas call_name; expect_out "Tomás"
# Job Title is the title; Title is "Mr.", kept in the extras.
get tomas title; expect_out "Operations Manager"
get tomas company; expect_out "Harbor Freight Co"
get tomas email; expect_out "tomas@harbor.example"
# The mobile phone comes before the business one.
get tomas phone; expect_out "+1 510 555 0199"
# Categories, separated by ';', are tags.
get tomas tags; expect_out "Conference 2025;Logistics"
get tomas linkedin_url; expect_out "https://www.linkedin.com/in/tomas-herrera-example"
# Outlook's placeholders (0/0/00, Normal, SMTP, Unspecified) and display names are not kept.
get tomas notes
expect_out "$(printf '%s\r\n%s\n%s' 'Prefers calls after 3pm.' 'Introduced by Kenji.' \
'[address book] Title: Mr.; Department: Logistics; Business Street: 1 Dock Rd; Business City: Oakland; Business State: CA; Business Postal Code: 94607; Business Country/Region: United States of America; E-mail 2 Address: tomas.h@mail.example; Business Phone: +1 510 555 0101')"
# A website that is not LinkedIn, and a real birthday, go to the extras.
get priya notes; expect_out "[address book] Birthday: 3/14/1990; Web Page: https://priya.example"
get priya phone; expect_out "+44 161 555 0000"
run import "$data/outlook_contacts.csv"
expect_out "$data/outlook_contacts.csv: 0 added, 0 updated, 2 unchanged, 0 skipped"

# --- Outlook.com's shorter export, with ...Country/Region columns and nicknames.
run import "$data/outlook_com_contacts.csv"
expect_rc 0
expect_out "$data/outlook_com_contacts.csv: 2 added, 0 updated, 0 unchanged, 0 skipped"
get lena call_name; expect_out "Leni"
get lena phone; expect_out "+49 151 555 0100"
get lena notes; expect_out "[address book] Home City: Berlin; Home Country/Region: Germany; Home Phone: +49 30 555 0100"
# Primary Phone, when given, is the primary one.
get omar phone; expect_out "+971 50 555 0000"
get omar linkedin_url; expect_out "https://www.linkedin.com/in/omar-haddad-example/"
run import "$data/outlook_com_contacts.csv"
expect_out "$data/outlook_com_contacts.csv: 0 added, 0 updated, 2 unchanged, 0 skipped"

# --- Upserts: a newer export updates by email, never blanking a field.
printf '%s\n' 'First Name,Last Name,Job Title,E-mail Address,Mobile Phone' \
    'Priya,Nair,CEO,PRIYA@kite.example,' >"$TMP/newer.csv"
run import "$TMP/newer.csv"
expect_out "$TMP/newer.csv: 0 added, 1 updated, 0 unchanged, 0 skipped"
get priya title; expect_out "CEO"
get priya phone; expect_out "+44 161 555 0000"

# --- --from forces the reader for a header detection does not know.
printf '%s\n' 'Given Name,Family Name,Notes' 'Ines,Costa,From the old phone' >"$TMP/short.csv"
run import "$TMP/short.csv" --dry-run
expect_rc 1
expect_err "rolo: error: $TMP/short.csv:1: the header needs a name column (or first and last)"
run import "$TMP/short.csv" --from google --dry-run
expect_out "$TMP/short.csv: 1 added, 0 updated, 0 unchanged, 0 skipped (dry run: nothing written)"
run show ines
expect_rc 1
run import "$TMP/short.csv" --from google
get ines name; expect_out "Ines Costa"
get ines notes; expect_out "From the old phone"

# --- A bad row names FILE:LINE and writes nothing, unless --skip-bad.
printf '%s\r\n' 'First Name,Last Name,Nickname,File As,Organization Name,E-mail 1 - Value' \
    'Rui,Lopes,,,,rui@lopes.example' 'Broken,Row' ',,,,,' 'Sofia,Reis,,,,sofia@reis.example' >"$TMP/bad.csv"
run import "$TMP/bad.csv"
expect_rc 1
expect_err "rolo: error: $TMP/bad.csv:3: expected 6 fields, found 2"
run show rui
expect_rc 1
run import "$TMP/bad.csv" --skip-bad
expect_out "$TMP/bad.csv: 2 added, 0 updated, 0 unchanged, 1 skipped"
expect_err "rolo: warning: $TMP/bad.csv:3: expected 6 fields, found 2 (skipped)"
# A row with no name at all (no File As, no organisation) is a bad row.
printf '%s\n' 'First Name,Last Name,File As,Organization Name,E-mail 1 - Value' ',,,,nobody@example.org' >"$TMP/noname.csv"
run import "$TMP/noname.csv"
expect_rc 1
expect_err "rolo: error: $TMP/noname.csv:2: no name"

# A column name is checked as any value is: it would end up in the notes.
printf 'First Name,Last Name,E-mail Address,Job Ti\000tle\nAda,Lovelace,ada@example.com,Countess\n' >"$TMP/nul-header.csv"
run import "$TMP/nul-header.csv" --from outlook
expect_rc 1
expect_err_has "nul-header.csv:1: "
expect_err_has "NUL"

finish
