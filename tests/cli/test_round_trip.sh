#!/usr/bin/env bash
# Every export restores: generated contacts (Unicode, empty fields, commas,
# quotes, semicolons, newlines, leading and trailing spaces) exported as CSV,
# JSON (the whole document and `ls --format json`) and vCard, imported into a
# fresh database, come back with every field that format carries.
source "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || { echo "jq is needed"; exit 77; }

# The pieces values are made of; RANDOM is seeded, so every run makes the same people.
pieces=("Zoë" "Ångström" "李小龙" "🚀" "a, b" 'say "hi"' "x; y" "back\\slash" " lead" "trail " "O'Neil"
        "Mellor & Co" "=SUM(A1)" "Ünïcödé" "plain")
RANDOM=29
piece() { printf '%s' "${pieces[RANDOM % ${#pieces[@]}]}"; }
maybe() { ((RANDOM % 3)) && piece; }  # a third of fields are empty

for n in $(seq 1 8); do
    args=(add "$(piece) $n $(piece)")
    for option in --email --phone --company --title --location --met --interests --note; do
        value=$(maybe)
        [ -n "$value" ] || continue
        [ "$option" = --email ] && value="p$n.$RANDOM@example.com"
        [ "$option" = --note ] && value="$value"$'\n'"second line $(piece)"
        args+=("$option" "$value")
    done
    ((RANDOM % 2)) && args+=(--linkedin "https://www.linkedin.com/in/person-$n")
    ((RANDOM % 2)) && args+=(--met-on "2025-0$((RANDOM % 9 + 1))-1$((RANDOM % 9))")
    case $((RANDOM % 3)) in 0) args+=(--every "$((RANDOM % 8 + 1))w") ;; 1) args+=(--every "4w..6w") ;; esac
    ((RANDOM % 2)) && args+=(--tag "$(piece | tr -d ';')" --tag "t$((RANDOM % 4))")
    ((RANDOM % 4)) || args+=(--not-connected)
    ((RANDOM % 4)) || args+=(--call "$(piece)")
    run "${args[@]}"
    expect_rc 0
done
run edit 2 --known-since 2024-05-06
run rm 3
run snooze 4 3w
run log 1 "coffee, with \"quotes\"" --kind coffee --on 2026-11-01 --next 2026-12-01
run log 2 --kind call --in "they called; about 李"
run link 1 2 --strength 4 --context "met at Zoë's"
run intro 2 --ask 1

# The fields each format carries, as JSON, in id order; the stamps of when
# rows were written are the database's own.
people() {  # people DB
    "$ROLO" --db "$1" export --format json --what contacts | jq -S 'map(del(.created_at, .updated_at, .uid, .card_extra, .sources))'
}
rest() {  # rest DB: interactions, links, intros
    "$ROLO" --db "$1" export --format json | jq -S '{interactions: .interactions | map(del(.id, .group_id)), knows, intros}'
}
people "$ROLO_DB" >"$TMP/people.json"
expect_true "the generated people are there" test "$(jq length "$TMP/people.json")" = 8

# CSV: every field of a person, their tags and dates.
"$ROLO" export --format csv -o "$TMP/people.csv"
run --db "$TMP/csv.db" import "$TMP/people.csv"
expect_rc 0
people "$TMP/csv.db" >"$TMP/csv.json"
expect_true "a CSV export restores every field" diff "$TMP/people.json" "$TMP/csv.json"

# JSON: the whole document, with interactions, links and intros.
"$ROLO" export --format json -o "$TMP/all.json"
run --db "$TMP/json.db" import "$TMP/all.json"
expect_rc 0
people "$TMP/json.db" >"$TMP/json.json"
expect_true "a JSON export restores every field" diff "$TMP/people.json" "$TMP/json.json"
expect_true "and every interaction, link and intro" diff <(rest "$ROLO_DB") <(rest "$TMP/json.db")

# A listing of people as JSON imports too: what `ls` lists, whole.
"$ROLO" ls --format json >"$TMP/ls.json"
run --db "$TMP/ls.db" import "$TMP/ls.json"
expect_rc 0
jq -S 'map(select(.archived == false))' "$TMP/people.json" >"$TMP/listed.json"
people "$TMP/ls.db" >"$TMP/ls-restored.json"
expect_true "ls --format json imports every field" \
    diff <(jq -S 'map(del(.id))' "$TMP/listed.json") <(jq -S 'map(del(.id))' "$TMP/ls-restored.json")
run --db "$TMP/ls.db" import "$TMP/ls.json"
expect_out_has "0 added"

# vCard, 3.0 as export writes it: every field of a person, X-ROLO-* included.
"$ROLO" export --format vcard -o "$TMP/people.vcf"
run --db "$TMP/vcf.db" import "$TMP/people.vcf"
expect_rc 0
people "$TMP/vcf.db" >"$TMP/vcf.json"
expect_true "a vCard export restores every field" \
    diff <(jq -S 'map(del(.id))' "$TMP/people.json") <(jq -S 'map(del(.id))' "$TMP/vcf.json")

# A vCard 4.0 card (as sync writes with --vcard-version 4.0) reads the same.
"$ROLO" sync --vcard-version 4.0 "$TMP/book4" >/dev/null
cat "$TMP"/book4/*.vcf >"$TMP/book4.vcf"
run --db "$TMP/vcf4.db" import "$TMP/book4.vcf"
expect_rc 0
expect_true "a 4.0 card restores every field of an active person" \
    diff <(jq -S 'map(select(.archived == false) | del(.id)) | sort_by(.name)' "$TMP/people.json") \
         <(people "$TMP/vcf4.db" | jq -S 'map(del(.id)) | sort_by(.name)')

finish
