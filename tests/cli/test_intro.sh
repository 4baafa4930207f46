# rolo intro: warm paths, --ask, A B plans, --open/--close, --suggest, and their errors.
. "$(dirname "$0")/lib.sh"
printf '[defaults]\nintro_follow_up = "7d"\n' >"$ROLO_CONFIG"

q() { "$ROLO" "$@" >/dev/null; }
q add "Janet Mellor" --met-on 2025-01-01 --company "Mellor & Co" --tag data --interests "sailing, data contracts"
q add "Clive Smith" --not-connected --company Acme
q add "Priya Raman" --met-on 2025-01-01 --company Northwind --tag data --interests "data contracts and sailing"
q add "Aiko Tanaka" --not-connected
q add "Zed Nobody" --not-connected
q link janet clive --strength 5 --context "worked together at Acme"
q link priya clive --strength 2
q link clive aiko --strength 4 --context "same climbing club"
q log janet "coffee" --kind coffee --on 2026-11-12

# Paths, best first, with each edge's context.
run intro clive --format tsv
expect_rc 0
expect_out "$(printf '%s\n' \
'broker_id	broker	score	hops	path	ids' \
'1	Janet Mellor	0.640	2	you → Janet Mellor (coffee 12d ago) → Clive Smith (worked together at Acme)	1;2' \
'3	Priya Raman	0.080	2	you → Priya Raman (no interactions yet) → Clive Smith (strength 2)	3;2')"
q link janet priya
# 0.64 direct, Priya direct 0.08: a way round through the other connected broker is no path.
run intro clive -q
expect_out "$(printf '1\n3')"
run intro aiko -q
expect_out "$(printf '1\n3')"
run intro aiko --hops 2
expect_rc 1
expect_err "rolo: error: no warm path to #4 Aiko Tanaka within 2 hops; record who knows them with 'rolo link WHO 4' or 'rolo add NAME --via WHO', or try --hops 3"
run intro aiko -n 1 --format json
expect_true "json path" python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert len(d)==1 and d[0]["ids"]==["1","2","4"] and d[0]["hops"]==3 and isinstance(d[0]["score"], float)' "$out"
run intro zed
expect_rc 1
expect_err_has "no warm path to #5 Zed Nobody within 3 hops"
run intro noone
expect_rc 1
expect_err "rolo: error: no contact matches 'noone'"
run intro aiko --hops 9
expect_rc 2

# Already connected: say so, exit 0, and show who else knows them.
run intro janet
expect_rc 0
expect_err "rolo: #1 Janet Mellor (Mellor & Co) is already in your network; people who know them:"
expect_out_has "$(printf '2\tClive Smith\tAcme\t5\tworked together at Acme')"

# --ask records the request and logs it with the broker; due drives the one follow-up.
run intro clive --ask janet --why "Acme's data team"
expect_rc 0
expect_out "asked #1 Janet Mellor (Mellor & Co) to introduce you to #2 Clive Smith (Acme) (intro #1); follow up once from 2026-12-01"
run history janet -n 1 --format tsv
expect_out_has "$(printf 'intro\tout\tasked for an introduction to Clive Smith: Acme'"'"'s data team')"
run intro --open --format tsv
expect_out_has "$(printf '1\tasked\t1\tJanet Mellor\t2\tClive Smith\t2026-11-24\t\topen\tAcme'"'"'s data team')"
run --today 2026-12-01 due -q
expect_out_has "1"
run intro aiko --ask zed
expect_rc 0
expect_err "rolo: warning: #5 Zed Nobody is not connected to you: ask someone you know"
run intro clive --ask clive
expect_rc 1
expect_err "rolo: error: an introduction needs two different people"
run intro aiko --draft --via priya --why "she leads data at Northwind"
expect_rc 0
expect_out_has "Would you be willing to introduce me to Aiko Tanaka?"
expect_out_has "because she leads data at Northwind"
run intro aiko --draft -q --why "she leads data at Northwind"
expect_out_has "Hi Janet,"  # the best broker
run intro janet clive --draft
expect_rc 2

# --close
run intro --close 1 --status declined
expect_out "closed intro #1 as declined"
run intro --open -q
expect_out "2"
run intro --close 99 --status done
expect_rc 1
expect_err "rolo: error: no intro #99"
run intro --close 1 --status maybe
expect_rc 2
run intro --close 1
expect_rc 2
# Closing a closed intro again needs --force; --reopen opens it again.
run intro --close 1 --status done
expect_rc 1
expect_err "rolo: error: intro #1 is already closed as declined; use --force to close it as done, or --reopen 1"
run intro --close 1 --status done --force
expect_out "closed intro #1 as done"
run intro --reopen 1
expect_out "reopened intro #1"
run intro --open -q
expect_out "$(printf '2\n1')"
run intro --reopen 1
expect_rc 1
expect_err "rolo: error: intro #1 is open already"
run intro --reopen 1 --close 1 --status done
expect_rc 2
run intro --close 1 --status declined -q
expect_out "1"

# A B: a double opt-in plan; --record stores it as made, logs it with both, and links them.
run intro janet aiko --why "both into climbing"
expect_rc 0
expect_out "$(cat <<'TEXT'
Introduce #1 Janet Mellor (Mellor & Co) and #4 Aiko Tanaka (double opt-in)
  #1 Janet Mellor (Mellor & Co): Mellor & Co; interests: sailing, data contracts
  #4 Aiko Tanaka: nothing recorded yet
  in common: nothing recorded
  why: both into climbing
Ask each of them first, and introduce them only when both say yes.
TEXT
)"
run intro janet aiko --record -q
expect_out_has "recorded intro #3"
run show aiko --format json
expect_out_has '"context": "introduced by you"'
expect_out_has '"summary": "introduced to Janet Mellor"'
run intro janet aiko  # the recorded intro linked them
expect_out_has "  they already know each other (strength 2)"
run intro janet janet
expect_rc 1
expect_err "rolo: error: an introduction needs two different people"
run intro janet noone
expect_rc 1
run intro clive --record
expect_rc 2
run intro
expect_rc 2
run intro --open --suggest
expect_rc 2

# --suggest: connected pairs not linked yet who share something; a linked pair is not suggested.
q add "Omar Data" --met-on 2025-01-01 --tag data --interests "sailing"
run intro --suggest --format tsv
expect_out "$(printf '%s\n' 'a_id	a	b_id	b	score	why' \
'1	Janet Mellor	6	Omar Data	3	both tagged data, both interested in sailing' \
'3	Priya Raman	6	Omar Data	3	both tagged data, both interested in sailing')"
run intro --suggest --tag nope -q
expect_out ""
q link janet omar
run intro --suggest -q
expect_out "3"

finish
