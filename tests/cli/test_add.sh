# rolo add: recording people, duplicates, --via, --knows, odd names.
. "$(dirname "$0")/lib.sh"

run add "Janet Mellor" --email janet@example.com --met "BNI breakfast" --tag referral --tag bni --every 30d
expect_rc 0
expect_out "added #1 Janet Mellor, not connected yet (met recently; --connected if you are): rolo draft connect 1"
expect_err ""
expect_true "database created mode 0600" test "$(stat -c %a "$ROLO_DB")" = 600

run add "Clive Smith" --via Janet -q
expect_rc 0
expect_out "2"

run --format tsv ls
expect_out "$(printf 'id\tname\tcompany\ttitle\temail\ttags\tconnected\tevery\tlast\n2\tClive Smith\t\t\t\t\t0\t\t\n1\tJanet Mellor\t\t\tjanet@example.com\tbni;referral\t0\t30d\t')"

# --via links the two and marks the new person not connected.
run show clive --format json
expect_out_has '"connected": false'
expect_out_has '"name": "Janet Mellor"'

# Tags are trimmed; ';' separates tags in CSV, so no tag may hold one.
run add "Semi Colon" --tag "a;b"
expect_rc 1
expect_err "rolo: error: a tag cannot contain ';' (it separates tags): 'a;b'"
run ls -q "Semi Colon"
expect_out ""
run add "Unit Separator" --tag "$(printf 'a\037b')"  # rolo joins tags with U+001F when it reads them
expect_rc 1
expect_err "rolo: error: a tag cannot contain control characters"

# A second contact with the same email is refused, whatever its case; --force overrides.
run add "Janet M" --email JANET@example.com
expect_rc 1
expect_err "rolo: error: #1 Janet Mellor already has email janet@example.com; use --force to keep both"
run add "Janet M" --email JANET@example.com --force -q
expect_rc 0
expect_out "3"

# The same LinkedIn profile, spelled differently, is a duplicate too.
run add "Ann Lee" --linkedin https://www.linkedin.com/in/annlee/
expect_rc 0
run add "Ann Lee" --linkedin linkedin.com/in/AnnLee
expect_rc 1
expect_err_has "already has LinkedIn URL https://www.linkedin.com/in/annlee/"
run add "Ann Bad" --linkedin "https://example.com/annlee"
expect_rc 1
expect_err_has "does not look like a LinkedIn profile URL"

# The same name alone is only a warning.
run add "Ann Lee" -q
expect_rc 0
expect_err "rolo: warning: #4 is also named 'Ann Lee'"

# --knows WHO:STRENGTH links to existing people; a bad strength or WHO writes nothing.
run add "Dev Patel" --knows "#4:5" --knows clive
expect_rc 0
run show dev --format json
expect_out_has '"strength": 5'
expect_out_has '"name": "Clive Smith"'
run add "Eve Nobody" --knows nobody
expect_rc 1
expect_err "rolo: error: no contact matches 'nobody'"
run add "Eve Nobody" --knows "clive:9"
expect_rc 1
expect_err_has "strength 9 is out of range"
run ls eve -q
expect_out ""

# Bad dates and durations name the text and write nothing.
run add "Fay" --met-on "2026-02-30"
expect_rc 1
expect_err_has "bad date '2026-02-30'"
run add "Fay" --every fortnight
expect_rc 1
expect_err_has "bad duration 'fortnight'"
run ls fay -q
expect_out ""

# met_on given: connected since then, not today.
run add "Gus" --met-on 2025-06-01 --met "PyCon"
run show gus --format json
expect_out_has '"connected_on": "2025-06-01"'

# Usage errors exit 2.
run add
expect_rc 2
expect_err_has "NAME is required"

# Names with quotes, commas, newlines, emoji, right-to-left text and SQL round-trip exactly.
weird=$(printf 'O'"'"'Brien, "Dana"\nSecond line 🙂 שלום ; DROP TABLE contacts; --')
run add "$weird" -q
expect_rc 0
id=$out
run show "$id" --format json
expect_true "json round-trips the name" test "$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["contact"]["name"], end="")')" = "$weird"
run ls --format csv
expect_true "csv round-trips the name" test "$(printf '%s\n' "$out" | python3 -c 'import csv,sys; rows=list(csv.DictReader(sys.stdin)); print([r["name"] for r in rows if r["id"]=="'"$id"'"][0], end="")')" = "$weird"
run ls --format tsv
expect_out_has 'O'"'"'Brien, "Dana"\nSecond line 🙂 שלום ; DROP TABLE contacts; --'

finish
