# rolo log and rolo history: kinds, directions, next steps, --with, stdin, editor.
. "$(dirname "$0")/lib.sh"

"$ROLO" add "Janet Mellor" -q >/dev/null
"$ROLO" add "Clive Smith" -q >/dev/null
"$ROLO" add "New Contact" --not-connected -q >/dev/null

run log janet "coffee, talked about her new job" --kind coffee --next 2w
expect_rc 0
expect_out "logged coffee with #1 Janet Mellor on 2026-11-24, next step 2026-12-08"

run log janet called back --kind call --in --on yesterday -q
expect_out "2"

# --with logs the same interaction for several people.
run log janet "team lunch" --kind meeting --with clive --on 2026-11-20 --next friday
expect_out "$(printf 'logged meeting with #1 Janet Mellor on 2026-11-20, next step 2026-11-27\nlogged meeting with #2 Clive Smith on 2026-11-20, next step 2026-11-27')"

run history --format tsv
expect_out "$(printf 'id\tdate\tcontact_id\tname\tkind\tdirection\tsummary\tnext_on\ttopic\tby_rolo\ttodo\tdone_on\tgroup_id
1\t2026-11-24\t1\tJanet Mellor\tcoffee\tout\tcoffee, talked about her new job\t2026-12-08\t\t0\t\t\t
2\t2026-11-23\t1\tJanet Mellor\tcall\tin\tcalled back\t\t\t0\t\t\t
4\t2026-11-20\t2\tClive Smith\tmeeting\tout\tteam lunch\t2026-11-27\t\t0\t\t\t3
3\t2026-11-20\t1\tJanet Mellor\tmeeting\tout\tteam lunch\t2026-11-27\t\t0\t\t\t3')"
run history clive -q
expect_out "4"
run history --kind meeting -n 1 -q
expect_out "4"
run history --since 2026-11-23 -q
expect_out "$(printf '1\n2')"
run history janet --since "soon"
expect_rc 1
expect_err_has "bad date 'soon'"
run history --kind dinner
expect_rc 1
expect_err "rolo: error: unknown interaction kind 'dinner': expected one of meeting, coffee, call, email, message, event, note, invite, accepted, intro, job-change"

# With no summary, stdin is read; an empty message aborts and writes nothing.
run log clive --kind email < <(printf 'sent the deck\nwith notes\n')
expect_rc 0
run history clive -n 1 --format json
expect_out_has '"summary": "sent the deck\nwith notes"'
run log clive < /dev/null
expect_rc 1
expect_err "rolo: error: empty summary; nothing logged"
run history -q
expect_true "nothing logged by the empty message" test "$(printf '%s\n' "$out" | wc -l)" = 5

# On a terminal rolo opens $EDITOR; comment lines are dropped. (script gives a pty.)
cat >"$TMP/editor" <<'SH'
#!/bin/sh
printf 'wrote from the editor\n# a comment\n' > "$1"
SH
chmod +x "$TMP/editor"
if command -v script >/dev/null; then
    EDITOR="$TMP/editor" script -qec "$ROLO log janet --kind message" /dev/null >/dev/null
    run history janet -n 1 --format tsv
    expect_out_has "$(printf 'message\tout\twrote from the editor\t')"
fi

# invite keeps them not connected; accepted connects them on that day, incoming by default.
run log "new contact" "sent a note" --kind invite
run ls --not-connected -q
expect_out "3"
run log "new contact" "accepted my invitation" --kind accepted --on 2026-11-22
run show 3 --format json
expect_out_has '"connected": true'
expect_out_has '"connected_on": "2026-11-22"'
expect_out_has '"direction": "in"'

# Errors write nothing: unknown WHO in --with, bad kind, bad date.
before=$("$ROLO" history -q | wc -l)
run log janet "x" --with nobody
expect_rc 1
expect_err "rolo: error: no contact matches 'nobody'"
run log janet "x" --kind brunch
expect_rc 1
run log janet "x" --next someday
expect_rc 1
expect_err_has "bad date 'someday'"
run log janet "x" --in --out
expect_rc 2
expect_true "failed logs wrote nothing" test "$("$ROLO" history -q | wc -l)" = "$before"

finish
