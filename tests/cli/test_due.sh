# rolo due and rolo snooze: every reason, --within, --tag, snooze, archived, ordering, exit codes, formats.
. "$(dirname "$0")/lib.sh"

printf '[defaults]\nevery = ""\nhello_window = "14d"\nintro_follow_up = "7d"\n[every]\nfamily = "14d"\n' >"$ROLO_CONFIG"

# Nothing yet: empty result, exit 0 even with --exit-code, and no database created.
run due --exit-code --format tsv
expect_rc 0
expect_out "$(printf 'id\tname\treason\tstate\twhen\tdue_on\tlast\tlast_on\talso\tdetail\tnext')"
expect_true "due created no database" test ! -e "$ROLO_DB"

q() { "$ROLO" "$@" >/dev/null; }
q add "Fiona Follow" --met-on 2025-01-01                       # 1: follow-up
q log fiona "demo of their tool" --kind meeting --on 2026-11-01 --next 2026-11-20
q add "Carl Cadence" --met-on 2025-01-01 --every 30d --tag client  # 2: cadence
q log carl "call" --kind call --on 2026-10-01
q add "Hana Hello" --met-on 2026-11-20 --connected             # 3: hello
q add "Ivan Broker" --met-on 2025-01-01                        # 4: intro-follow-up (broker)
q add "Tara Target" --not-connected                            # 5: target, never due
q add "Fran Family" --met-on 2026-10-01 --tag family           # 6: cadence from tag family (14d)
q add "Otto Later" --met-on 2025-01-01 --every 30d             # 7: cadence in 5 days
q log otto "lunch" --kind meeting --on 2026-10-30
q add "Nia Stranger" --not-connected --every 7d                # 8: not connected: cadence never applies
q add "Arch Ived" --met-on 2025-01-01 --every 7d               # 9: archived
q rm arch

# An introduction asked of Ivan on 2026-11-10.
q --today 2026-11-10 intro tara --ask ivan --why "data contracts"

run due --format tsv
expect_rc 0
expect_out "$(printf '%s\n' \
'id	name	reason	state	when	due_on	last	last_on	also	detail	next' \
'6	Fran Family	cadence	late	40 days late	2026-10-15				every 2w, from tag family	rolo draft checkin 6' \
'2	Carl Cadence	cadence	late	24 days late	2026-10-31	call	2026-10-01		every 30d	rolo draft checkin 2' \
'4	Ivan Broker	intro-follow-up	late	7 days late	2026-11-17	intro	2026-11-10		intro to Tara Target asked 2026-11-10	rolo draft intro-follow-up 4' \
'1	Fiona Follow	follow-up	late	4 days late	2026-11-20	meeting	2026-11-01		demo of their tool	rolo draft followup 1' \
'3	Hana Hello	hello	late	4 days late	2026-11-20				connected 2026-11-20	rolo draft hello 3')"

# --within adds what falls due soon, after everything already due.
run due --within 7d -q
expect_out "$(printf '6\n2\n4\n1\n3\n7')"
run due --within 1w --format json
expect_true "json: the item due later says so" \
    python3 -c 'import json,sys; d=json.loads(sys.argv[1]); o=[x for x in d if x["id"]==7][0]; assert o["when"]=="in 5 days" and o["due_on"]=="2026-11-29" and o["also"]==[], o' "$out"
run due --within soon
expect_rc 1
expect_err_has "bad duration 'soon'"

# --tag, -n, formats.
run due --tag client -q
expect_out "2"
run due -n 2 -q
expect_out "$(printf '6\n2')"
run due --tag client --format csv
expect_out "$(printf 'id,name,reason,state,when,due_on,last,last_on,also,detail,next\n2,Carl Cadence,cadence,late,24 days late,2026-10-31,call,2026-10-01,,every 30d,rolo draft checkin 2')"
run due --tag client --format table
expect_out "$(printf 'id  name          reason   state  when          due_on      last  last_on     also  detail     next\n 2  Carl Cadence  cadence  late   24 days late  2026-10-31  call  2026-10-01        every 30d  rolo draft checkin 2')"

# --exit-code: 1 when anything is due, 0 when nothing is.
run due --exit-code -q
expect_rc 1
run due --exit-code --tag nobody-has-this
expect_rc 0

# A person with several reasons appears once, the most urgent first.
q log hana "hi Hana, great to meet you" --kind message --next 2026-11-22 --on 2026-11-20
run due --format tsv
expect_out_has "$(printf '3\tHana Hello\tfollow-up\tlate\t2 days late')"
q log hana "thanks for the intro" --kind email --in --on 2026-11-23
run due -q
expect_out_lacks "3"

# A tag cadence changes with the config, at once.
printf '[every]\nfamily = "60d"\n' >"$ROLO_CONFIG"
run due -q
expect_out_lacks "6"
printf '[defaults]\nintro_follow_up = "7d"\n[every]\nfamily = "14d"\n' >"$ROLO_CONFIG"

# Snooze hides a person until the day; --clear brings them back.
run snooze fran 2w
expect_rc 0
expect_out "snoozed #6 Fran Family until 2026-12-08"
run due -q
expect_out_lacks "6"
run --today 2026-12-08 due -q
expect_out_has "6"
run show fran
expect_out_has "snoozed    until 2026-12-08"
run snooze fran --clear
expect_out "#6 Fran Family is no longer snoozed"
run due -q
expect_out_has "6"
run snooze fran yesterday
expect_rc 1
expect_err "rolo: error: snooze until 2026-11-23: that is not after today"
run snooze fran
expect_rc 2
run snooze fran 2w --clear
expect_rc 2

# The intro follow-up: an outgoing intro with the broker after the ask is the one follow-up.
q log ivan "following up once on the intro to Tara; no worries if not" --kind intro --on 2026-11-24
run due -q
expect_out_lacks "4"
# Seven more days with the intro open: it reads as silent then, but a what-if
# with --today writes nothing: today it is still open.
run --today 2026-12-01 due -q
expect_err ""
run --today 2026-12-01 show ivan --format json
expect_out_has '"status": "silent"'
run --today 2026-12-01 intro --open -q
expect_out ""
run show ivan --format json
expect_out_has '"status": "open"'
run intro --open -q
expect_out "1"

finish
