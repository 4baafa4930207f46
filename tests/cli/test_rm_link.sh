# rolo rm (archive, --purge), rolo link and rolo unlink.
. "$(dirname "$0")/lib.sh"

"$ROLO" add "Janet Mellor" -q >/dev/null
"$ROLO" add "Clive Smith" -q >/dev/null
"$ROLO" add "Dana Lee" -q >/dev/null

run link janet clive --strength 5 --context "worked together at Acme"
expect_rc 0
expect_out "linked #1 Janet Mellor and #2 Clive Smith (strength 5)"
run show clive --format json
expect_out_has '"context": "worked together at Acme"'
run link janet clive --strength 7
expect_rc 2
run link janet janet
expect_rc 1
expect_err "rolo: error: a person cannot be linked to themselves"
run link janet nobody
expect_rc 1

run unlink clive janet
expect_rc 0
expect_out "unlinked #2 Clive Smith and #1 Janet Mellor"
run unlink clive janet
expect_rc 1
expect_err "rolo: error: #2 Clive Smith and #1 Janet Mellor are not linked"

# Archive hides a person from ls but keeps them; --archived lists them.
"$ROLO" log dana "coffee" --kind coffee >/dev/null
run rm dana
expect_out "archived #3 Dana Lee"
run ls -q
expect_out "$(printf '2\n1')"
run ls --archived -q
expect_out "3"
run history dana -q
expect_out "1"

# --purge deletes the person with their history and links.
"$ROLO" link janet clive >/dev/null
run rm clive --purge
expect_out "purged #2 Clive Smith"
run ls -q --archived
expect_out "3"
run show janet --format json
expect_out_has '"knows": []'
run show 2
expect_rc 1
expect_err "rolo: error: no contact #2"

# A purged person does not come back with the next import of an address
# book or LinkedIn export naming their email, unless --include-purged.
"$ROLO" add "Eve Gone" --email Eve@Example.com -q >/dev/null
run rm eve --purge --yes
printf 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nEve,Gone,,eve@example.com,,,01 Nov 2026\n' >"$TMP/Connections.csv"
run import "$TMP/Connections.csv"
expect_rc 0
expect_out_has "left out: 1 removed with rm --purge"
run ls --format tsv
expect_out_lacks "Eve Gone"
printf 'name,email\nEve Gone,EVE@example.com\n' >"$TMP/book.csv"
run import "$TMP/book.csv"
expect_out_has "left out: 1 removed with rm --purge"
run import "$TMP/book.csv" --include-purged
expect_out_has "1 added"

finish
