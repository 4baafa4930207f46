# rolo log --amend, rolo unlog, todos and rolo done, and one interaction with several people.
. "$(dirname "$0")/lib.sh"

"$ROLO" add "Janet Mellor" -q >/dev/null
"$ROLO" add "Clive Smith" -q >/dev/null
"$ROLO" add "Nadia Okafor" --not-connected -q >/dev/null

# history shows interaction ids in every format.
"$ROLO" log janet "coffee" --kind coffee --on 2026-11-10 -q >/dev/null
for format in table tsv csv json; do
    run history janet --format $format
    expect_out_has "1"
    case $format in json) expect_out_has '"id": 1' ;; *) expect_out_has "id" ;; esac
done

# A mistyped log is amended: only the fields given change.
run log janet 3 x --kind call --on 2026-11-20 -q
expect_out "2"
run log --amend 2 "talked about the SOW" --on 2026-11-21
expect_rc 0
expect_out "amended call with #1 Janet Mellor on 2026-11-21"
run history janet -n 1 --format tsv
expect_out_has "$(printf '2\t2026-11-21\t1\tJanet Mellor\tcall\tout\ttalked about the SOW\t')"
run log --amend 99 "x"
expect_rc 1
expect_err "rolo: error: no interaction #99; 'rolo history' lists them with their ids"
run log --amend 2 --kind brunch
expect_rc 1
expect_err_has "unknown interaction kind 'brunch'"
run log "Janet"
expect_rc 1

# unlog asks on a terminal and refuses a script without --yes.
run unlog 2
expect_rc 1
expect_err_has "stdin is not a terminal; give --yes to confirm"
run history janet -q
expect_out "$(printf '2\n1')"
if command -v script >/dev/null; then
    script -qec "$ROLO unlog 2" /dev/null </dev/null >"$TMP/typed" 2>&1 <<<"n"
    run history janet -q
    expect_out "$(printf '2\n1')"
    printf 'y\n' | script -qec "$ROLO unlog 2" /dev/null >"$TMP/typed" 2>&1
    run history janet -q
    expect_out "1"
fi
run log janet "again" --kind call -q
run unlog "$out" --yes
expect_rc 0
expect_out_has "removed interaction #"
run unlog 99 --yes
expect_rc 1
expect_err "rolo: error: no interaction #99; 'rolo history' lists them with their ids"

# What a log changed goes with it: accepted marked Nadia connected.
run log nadia "accepted" --kind accepted --on 2026-11-22 -q
accepted=$out
run show nadia --format tsv
expect_out_has "$(printf '\t1\t2026-11-22\t')"
run unlog "$accepted" --yes
expect_out_has "reverted: Nadia Okafor is no longer connected"
run show nadia --format json
expect_out_has '"connected": false'
expect_out_has '"connected_on": null'
# An edit since wins: the undo leaves alone what the user changed by hand.
run log nadia "accepted" --kind accepted --on 2026-11-22 -q
accepted=$out
"$ROLO" edit nadia --not-connected >/dev/null
run unlog "$accepted" --yes
expect_rc 0
expect_out_lacks "reverted"
# Amending the kind away from accepted reverts it too.
"$ROLO" add "Omar Haddad" --not-connected -q >/dev/null
run log omar "yes" --kind accepted -q
omar_log=$out
run log --amend "$omar_log" --kind message
run show omar --format json
expect_out_has '"connected": false'

# A hello is due for a new connection; logging one clears it, unlogging brings it back.
"$ROLO" add "Pia Berg" --not-connected -q >/dev/null
"$ROLO" log pia "accepted" --kind accepted --on 2026-11-23 -q >/dev/null
run due -q
expect_out_has "5"
run log pia "hi" --kind message -q
hello=$out
run due -q
expect_out_lacks "5"
run unlog "$hello" --yes
run due -q
expect_out_has "5"

# An intro follow-up is marked by an outgoing intro log, and unmarked by unlog.
"$ROLO" intro clive --ask janet --today 2026-11-01 >/dev/null
run log janet "followed up on the intro" --kind intro -q
followup=$out
run intro --open --format tsv
expect_out_has "2026-11-24"
run unlog "$followup" --yes
expect_out_has "reverted: intro #1 is no longer followed up"
run intro --open --format tsv
expect_out_lacks "2026-11-24"

# Next steps with words: several todos per person; due, digest, show and drafts say them.
run log clive "call about the project" --kind call --next 2026-11-20 --todo "send the SOW" -q
sow=$out
run log clive "lunch" --kind meeting --next 2026-11-22 --todo "intro him to Pia" -q
intro_todo=$out
run log clive "a note" --todo "words without a day"
expect_rc 2
expect_err_has "--todo: needs --next"
run due --format tsv
expect_out_has "$(printf '\tClive Smith\tfollow-up\t')"
expect_out_has "send the SOW (todo #$sow)"
run due --digest
expect_out_has "send the SOW (todo #$sow)"
run show clive
expect_out_has "todo       #$sow send the SOW by 2026-11-20"
expect_out_has "todo       #$intro_todo intro him to Pia by 2026-11-22"
# A later log does not clear a todo: it is open until done.
run log clive "quick chat" --kind call -q
run due --format tsv
expect_out_has "send the SOW (todo #$sow)"
# Drafts show the todo beside the message, never in it.
run draft followup clive
expect_out_lacks "SOW"
expect_err_has "rolo: hint: todo #$sow send the SOW by 2026-11-20 (your note, not in the message)"
# done: which one, when there are several; nothing is logged.
run done clive
expect_rc 1
expect_err_has "has 2 open next steps: #$sow send the SOW by 2026-11-20, #$intro_todo intro him to Pia by 2026-11-22; say which with --todo-id"
before=$("$ROLO" history clive -q | wc -l)
run done clive --todo-id "$sow"
expect_rc 0
expect_out "done: #$sow send the SOW by 2026-11-20 (#2 Clive Smith)"
expect_true "done logs no interaction" test "$("$ROLO" history clive -q | wc -l)" = "$before"
run due --format tsv
expect_out_lacks "send the SOW"
expect_out_has "intro him to Pia"
run done clive --todo-id "$sow"
expect_rc 1
expect_err "rolo: error: #2 Clive Smith has no open todo #$sow"
run done clive
expect_rc 0
run done clive
expect_rc 1
expect_err "rolo: error: #2 Clive Smith has no open next step"
# A next step without words is done the same way.
run log janet "chat" --next 2026-11-23 -q
run done janet
expect_out_has 'follow up on "chat" by 2026-11-23'
run due --format tsv
expect_out_lacks "$(printf '\tJanet Mellor\tfollow-up')"

# log --with is one interaction with several people: stats counts it once,
# each history still has it, and unlog removes it for all.
"$ROLO" --db "$TMP/meet.db" add "Ana Lima" -q >/dev/null
"$ROLO" --db "$TMP/meet.db" add "Ben Ross" -q >/dev/null
"$ROLO" --db "$TMP/meet.db" add "Cy Young" -q >/dev/null
run --db "$TMP/meet.db" log ana "team lunch" --kind meeting --with ben --with cy --on 2026-11-20 -q
expect_out "$(printf '1\n2\n3')"
run --db "$TMP/meet.db" stats --format json
expect_out_has '"interactions": 1'
run --db "$TMP/meet.db" history ben --format tsv
expect_out_has "$(printf 'team lunch\t\t\t0\t\t\t1')"
run --db "$TMP/meet.db" log ana "same person twice" --with ana
expect_rc 1
expect_err "rolo: error: #1 is named twice; nothing logged"
# Export carries the group; a restore keeps it one interaction.
run --db "$TMP/meet.db" export --format json
expect_out_has '"group_id": 1'
printf '%s\n' "$out" >"$TMP/meet.json"
run --db "$TMP/restored.db" import "$TMP/meet.json"
expect_rc 0
run --db "$TMP/restored.db" stats --format json
expect_out_has '"interactions": 1'
run --db "$TMP/meet.db" export --format csv --what interactions
expect_out_has "group_id"
# Amending one row amends the interaction: everyone's history says it.
run --db "$TMP/meet.db" log --amend 2 "team lunch at Noma"
expect_out_has "amended meeting with #3 Cy Young"
run --db "$TMP/meet.db" history cy --format tsv
expect_out_has "team lunch at Noma"
run --db "$TMP/meet.db" unlog 3 --yes
expect_out_has "removed interaction #1 (meeting with #1 Ana Lima, #2 Ben Ross, #3 Cy Young on 2026-11-20"
run --db "$TMP/meet.db" history -q
expect_out ""

finish
