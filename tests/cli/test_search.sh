# rolo search, history --grep, dupes and merge: matches, formats, hostile queries, refusals.
. "$(dirname "$0")/lib.sh"

run search anything
expect_rc 0
expect_out "$(printf 'id\tname\twhere\tinteraction_id\tdate\tsnippet')"
expect_true "search creates no database" test ! -e "$ROLO_DB"

"$ROLO" add "Zoë Ñúñez" --company Acme --met "PyData Berlin" --interests "bouldering, HL7" --tag client >/dev/null
"$ROLO" add "Bob Stone" --note "knows Zoë from climbing" >/dev/null
"$ROLO" add "Carl Rivera" --email carl@example.com >/dev/null
"$ROLO" log bob "talked about the FHIR rollout" --kind call --on 2026-11-20 >/dev/null

run ls pydata
expect_out "$(printf 'id\tname\tcompany\ttitle\temail\ttags\tconnected\tevery\tlast')"  # ls matches names, not met
run -q search pydata
expect_out "1"
run -q search zoe
expect_out "$(printf '1\n2')"  # her name first, his note second
run -q search NUNEZ boulder
expect_out "1"
run -q search tag:client
expect_out "1"
run -q search company:acme fhir
expect_out ""
run --format tsv search fhir
expect_out "$(printf 'id\tname\twhere\tinteraction_id\tdate\tsnippet\n2\tBob Stone\thistory call\t1\t2026-11-20\ttalked about the FHIR rollout')"
run --format json search '"fhir rollout"'
expect_out_has '"snippet": "talked about the FHIR rollout"'
expect_out_has '"interaction_id": 1'

# On a colour terminal the match is bold; elsewhere the snippet is plain text.
run --format table --color always search fhir
expect_out_has "$(printf 'talked about the \033[1mFHIR\033[22m rollout')"
run --format table --color never search fhir
expect_out_has "talked about the FHIR rollout"

# User input is never FTS5 syntax: a clear error or a literal search, never SQL's words.
for query in '"' '*' 'NEAR(' '-' ':' '' 'AND' 'OR' 'x"y' 'name:' '{a b}:c' '^x' "$(head -c 10000 /dev/zero | tr '\0' a)"; do
    run search "$query"
    expect_true "search '$query' exits 0 or 1, not $rc" test "$rc" -le 1
    expect_true "no SQL error text for '$query'" test -z "$(printf '%s' "$err" | grep -iE 'fts5|sql|syntax')"
done
run search '*'
expect_rc 1
expect_err_has "nothing to search for"
run search "$(seq -s ' ' 1 100)"
expect_rc 1
expect_err_has "at most 64"

# history --grep
run --format tsv history --grep fhir
expect_rc 0
expect_out_has "talked about the FHIR rollout"
run -q history --grep coffee
expect_out ""

# dupes and merge
"$ROLO" add "Ñúñez, Zoë" --company ACME --email zoe@acme.com --force >/dev/null 2>&1
"$ROLO" add "Dr. Carl Rivera PhD" --email CARL@example.com --force >/dev/null 2>&1
"$ROLO" log 4 "old thread" >/dev/null
run --format tsv dupes
expect_rc 0
expect_out "$(printf 'id\tname\tother_id\tother_name\tevidence\tmerge\n3\tCarl Rivera\t5\tDr. Carl Rivera PhD\tsame email (carl@example.com); same name written '"'"'Carl Rivera'"'"' and '"'"'Dr. Carl Rivera PhD'"'"'\trolo merge 3 5\n1\tZoë Ñúñez\t4\tÑúñez, Zoë\tsame name and company\trolo merge 1 4')"

run merge 1 4 --dry-run
expect_rc 0
expect_out_has "would merge #4 Ñúñez, Zoë (ACME) into #1 Zoë Ñúñez (Acme):"
expect_out_has "moved 1 interaction"
expect_out_has "filled email"
expect_out_has "nothing was changed"
run -q ls zoe --sort id
expect_out "$(printf '1\n4')"

run merge 1 1
expect_rc 1
expect_err "rolo: error: cannot merge #1 Zoë Ñúñez (Acme) with itself"
"$ROLO" rm 5 >/dev/null
run merge 3 5
expect_rc 1
expect_err_has "is archived"

run -q merge 1 4
expect_rc 0
expect_out "1"
run -q ls zoe
expect_out "1"
run --format json show 1
expect_out_has '"email": "zoe@acme.com"'
expect_out_has "Merged #4 Ñúñez, Zoë (ACME) on 2026-11-24."
run -q search "old thread"
expect_out "1"

finish
