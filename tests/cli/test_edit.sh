# rolo edit: changing, clearing, tagging, renaming, restoring.
. "$(dirname "$0")/lib.sh"

"$ROLO" add "Janet Mellor" --email janet@example.com --tag referral --tag bni --every 30d -q >/dev/null
"$ROLO" add "Other Person" --email other@example.com -q >/dev/null

run edit janet --company "Acme, Inc." --title CTO --untag bni --tag vip
expect_rc 0
expect_out "updated #1 Janet Mellor (Acme, Inc.)"
run --format tsv ls janet
expect_out_has "$(printf '1\tJanet Mellor\tAcme, Inc.\tCTO\tjanet@example.com\treferral;vip\t1\t30d')"

# --every 0 and --every "" clear the cadence; an empty string clears a field.
run edit janet --every 0
run --format tsv ls janet
expect_out_has "$(printf 'referral;vip\t1\t')"
expect_out_lacks "30d"
"$ROLO" edit janet --every 2w >/dev/null
run --format tsv ls janet
expect_out_has "$(printf '\t2w')"
"$ROLO" edit janet --every "" --title "" >/dev/null
run --format json show janet
expect_out_has '"title": null'
expect_out_has '"every": null'

# Renaming, and taking another contact's email, which is refused unless forced.
run edit janet --name "Janet Mellor-Smith"
expect_out "updated #1 Janet Mellor-Smith (Acme, Inc.)"
run edit janet --email OTHER@example.com
expect_rc 1
expect_err "rolo: error: #2 Other Person already has email other@example.com; use --force to keep both"
run edit janet --email other@example.com --force
expect_rc 0
# Unrelated edits are not blocked by a forced duplicate.
run edit janet --note "prefers mornings"
expect_rc 0

# Connection state.
run edit janet --not-connected
run --format tsv ls --not-connected -q
expect_out "1"
run edit janet --connected --not-connected
expect_rc 2

# Archive and restore.
"$ROLO" rm janet >/dev/null
run ls -q
expect_out "2"
run edit janet --restore
expect_rc 0
run ls -q
expect_out "$(printf '1\n2')"

run edit nobody --title x
expect_rc 1
expect_err "rolo: error: no contact matches 'nobody'"

finish
