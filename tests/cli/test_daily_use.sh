# A season of daily use (issue 34): naming people as people do, logging what
# people had, undoing a slip, reading what they wrote, and the tools around it.
. "$(dirname "$0")/lib.sh"

run add "William Parsons" --call "Lord Rosse" --company "Royal Society" -q
parsons=$out
run add "John Smith" -q
smith=$out
run add "Zoë Ångström" -q
zoe=$out

# WHO: the name they go by, "Last, First", initials, and a near miss named.
run show "lord rosse" -q
expect_rc 0
expect_out "$parsons"
run show "Parsons, William" -q
expect_out "$parsons"
run show "w parsons" -q
expect_out "$parsons"
run show "J. Smith" -q
expect_out "$smith"
run show "Angstrom, Zoe" -q
expect_out "$zoe"
run show "Jonh Smith"
expect_rc 1
expect_err "rolo: error: no contact matches 'Jonh Smith'; did you mean #$smith John Smith?"
run show "Nobody Atall"
expect_err "rolo: error: no contact matches 'Nobody Atall'"

# log: the words people use for what they had, kept in the summary.
run log smith "the move to Lisbon" --kind lunch --on 2026-11-20
expect_rc 0
expect_out "logged meeting with #$smith John Smith on 2026-11-20"
run log smith --kind video "roadmap review" --on 2026-11-21
expect_out "logged call with #$smith John Smith on 2026-11-21"
run log smith --kind drinks "drinks after the meetup" --on 2026-11-22
run history smith --format tsv
expect_out_has "meeting	out	lunch: the move to Lisbon"
expect_out_has "call	out	video: roadmap review"
expect_out_has "meeting	out	drinks after the meetup"
run log smith --kind brunch "eggs"
expect_rc 1
expect_err_has "unknown interaction kind 'brunch': expected one of meeting, coffee"
# The user's own words, from config [kinds].
printf '[kinds]\nstandup = "meeting"\nbad = "lunchbox"\n' >"$ROLO_CONFIG"
run log smith --kind Standup "weekly sync" --on 2026-11-23
expect_rc 0
expect_out "logged meeting with #$smith John Smith on 2026-11-23"
run history smith -n 1 --format tsv
expect_out_has "standup: weekly sync"
run log smith --kind bad "x"
expect_rc 1
expect_err_has 'config [kinds] bad = "lunchbox" is not a kind'
rm "$ROLO_CONFIG"
# A kind that says what happened by itself needs no summary.
run log parsons --kind accepted </dev/null
expect_rc 0
run history parsons -n 1 --format tsv
expect_out_has "accepted	in	accepted the connection request"
run log parsons --kind note </dev/null
expect_rc 1
expect_err "rolo: error: empty summary; nothing logged"

# unlog --last undoes what was logged last, and only that.
run log zoe "wrong person" -q
slip=$out
run unlog --last --yes
expect_rc 0
expect_out_has "removed interaction #$slip (note with #$zoe Zoë Ångström"
run history zoe --format tsv
expect_out_lacks "wrong person"
run history smith --format tsv
expect_out_has "weekly sync"
run unlog --yes
expect_rc 2
run unlog 5 --last --yes
expect_rc 2

# show -n: the newest N interactions, and where the rest are.
run show smith -n 2
expect_rc 0
expect_out_has "standup: weekly sync"
expect_out_has "drinks after the meetup"
expect_out_lacks "lunch: the move to Lisbon"
expect_out_has "... older ones: rolo history $smith"
run show smith
expect_out_has "lunch: the move to Lisbon"
expect_out_lacks "older ones"

# What an imported message said can be read: its first line in show, all of it in history --full.
run import "$ROLO_SOURCE_DIR/tests/data/linkedin_archive"
expect_rc 0
run show priya
expect_out_has '"Hi Ada,"'
run history priya --full --format json
expect_out_has 'the bit about \"grippers\" was great.'
run history priya --format tsv
expect_out_lacks "grippers"

# A rolo run from its build tree finds its templates by itself.
run add "Mia Wong" --met "the Lisbon meetup" --met-on 2026-11-20 --interests "type systems" -q
(unset ROLO_DATA_DIR; "$ROLO" draft connect mia >"$TMP/stdout" 2>"$TMP/stderr")
rc=$?
out=$(cat "$TMP/stdout")
err=$(cat "$TMP/stderr")
expect_rc 0
expect_out_has "Mia"

# An editor that fails keeps what was written, and says where.
cat >"$TMP/bad-editor" <<'EDITOR'
#!/bin/sh
echo "half a thought" >"$1"
exit 3
EDITOR
chmod +x "$TMP/bad-editor"
EDITOR="$TMP/bad-editor" script -qec "\"$ROLO\" log smith" /dev/null >"$TMP/stdout" 2>&1
out=$(cat "$TMP/stdout")
kept=$(printf '%s' "$out" | sed -n "s/.*what you wrote is kept in \([^ ]*\.txt\).*/\1/p" | tr -d '\r')
expect_true "the failed editor's file is named" test -n "$kept"
expect_true "the failed editor's file holds the text" grep -q "half a thought" "$kept"
rm -f "$kept"

# dupes: same-name people with different LinkedIn profiles are no pair; a shared address is.
run add "Wei Zhang" --linkedin https://www.linkedin.com/in/wei-1 -q
run add "Wei Zhang" --linkedin https://www.linkedin.com/in/wei-2 -q
run add "Ana Lima" --email ana@lima.pt -q
run add "Ana M. Lima" --phone "+351 21 000 1234" -q
run add "A. Lima" --phone "021 000 1234" -q
run dupes --format tsv
expect_out_lacks "Wei Zhang"
expect_out_has "same phone number"

# intro: a connected person who knows the target is asked directly, not through a closer friend.
add_connected() {  # a connection recorded where rolo records them (add --connected), else as add did
    run add "$1" --connected -q
    [ "$rc" = 2 ] && run add "$1" -q
}
add_connected "Close Friend"
close=$out
add_connected "Direct Broker"
direct=$out
run add "The Target" --not-connected -q
target=$out
run link "$close" "$direct" --strength 5
run link "$direct" "$target" --strength 4
for d in 1 2 3 4 5 6; do run log "$close" "coffee $d" --kind coffee --on "2026-11-1$d"; done
run intro "$target" --format tsv
expect_out_has "Direct Broker"
expect_out_lacks "Close Friend"

finish
