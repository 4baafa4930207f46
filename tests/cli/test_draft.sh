# rolo draft: every kind, private vs sayable, state rules, sentence fallback, user templates, lint, --strict, --check, --log, --edit.
. "$(dirname "$0")/lib.sh"
printf '[me]\nname = "Ada Lovelace"\nemail = "ada@example.com"\nsignature = "Ada"\n[draft]\nconnect_limit = 300\n' >"$ROLO_CONFIG"

q() { "$ROLO" "$@" >/dev/null; }
q add "Janet Mellor" --met-on 2026-09-01 --met "the BNI breakfast" --interests "sailing" --company "Mellor & Co"
q add "Clive Smith" --not-connected --company Acme --title CTO --interests "open-source licensing"
q add "Bare Person" --met-on 2026-01-01
q add "New Connection" --met "PyData" --interests "data contracts" --connected  # connected today
q link janet clive --strength 5
q log janet "coffee at Stage Door; she is hiring" --kind coffee --on 2026-11-10 --topic "your COO search"

# Every kind writes the message, and only the message, to stdout.
run draft connect clive
expect_rc 0
expect_err 'rolo: hint: met: say where you met, as you would tell them: rolo edit 2 --met "the PyData Berlin meetup"'
expect_out "Hi Clive, I would like to connect and hear more about open-source licensing."
run draft connect janet
expect_rc 1
expect_err_has "is already connected (since 2026-09-01): write a hello (in the first 14 days) or a check-in"
run draft hello "new connection"
expect_out "$(printf 'Hi New,\n\nThanks for connecting, and it was good to meet you at PyData. I would love to hear more about data contracts. What are you focused on these days?\n\nAda')"
# Private notes stay private: the summary is never quoted; the topic is asked about.
run draft checkin janet
expect_out "$(printf 'Hi Janet,\n\nI hope you have been well since our coffee earlier this month. How are things going with your COO search? Would you be up for a coffee or a call in the next few weeks?\n\nAda')"
expect_out_lacks "Stage Door"
run draft followup janet --about "the names for the COO role are below"
expect_out_has "Thank you for the coffee earlier this month. I enjoyed our conversation about your COO search. The names for the COO role are below."
run draft thanks janet --about "for the referral to Acme."
expect_out_has "Thank you for the referral to Acme. I really appreciate it."
run draft congrats clive
expect_rc 1
expect_err_has 'say what is new with --about "your new role as CTO at Acme"'
run draft congrats clive --about "your new role as CTO at Acme"
expect_out_has "Congratulations on your new role as CTO at Acme! I hope it is off to a great start"
run draft congrats clive --about "getting tenure"
expect_out_has "Congratulations on getting tenure! I am very happy for you."
expect_out_lacks "great start"
run draft intro-request clive --via janet --about "I am building an open-source licensing audit"
expect_rc 0
expect_err ""
expect_out_has "Would you be willing to introduce me to Clive Smith, CTO at Acme? I would like to meet Clive because I am building an open-source licensing audit."
expect_out_lacks "short call"
expect_out_has "Clive can reach me directly at ada@example.com"
expect_out_has "If you do not know Clive well or it is not a good time, no problem at all"
run draft intro-request clive -q --about "advice on licensing"  # the best broker when --via is not given
expect_out_has "Hi Janet,"
run draft intro janet --to clive --about "they both care about licensing"
expect_err_has "already know each other"
expect_out_has "I think you should meet Clive Smith, CTO at Acme, because you both care about licensing. I know Clive only a little, so please judge for yourself. Would you be open to an introduction?"
# An intro with no why is refused, saying which field to fill.
run draft intro janet --to clive
expect_rc 1
expect_out ""
expect_err_has 'say why with --about'

# State rules: hello only in the hello window; one intro follow-up, after the wait.
run draft hello janet
expect_rc 1
expect_err "rolo: error: #1 Janet Mellor (Mellor & Co) connected on 2026-09-01; a hello belongs to the first 14 days: write a check-in instead (rolo draft checkin 1)"
run draft hello clive
expect_rc 1
expect_err_has "is not connected yet: a hello thanks them for accepting; send a connection note first (rolo draft connect 2)"
run draft followup clive
expect_rc 1
expect_err_has "no meeting, coffee or call with #2 Clive Smith (Acme) is logged on or before 2026-11-24"
run draft intro-follow-up janet
expect_rc 1
expect_err "rolo: error: no open introduction request to #1 Janet Mellor (Mellor & Co); see rolo intro --open"
q --today 2026-11-20 intro clive --ask janet --why "licensing audit"
run intro clive --ask janet
expect_rc 1
expect_err_has "you already asked #1 Janet Mellor (Mellor & Co) on 2026-11-20"
run draft intro-follow-up clive --via janet
expect_rc 1
expect_err "rolo: error: too early: you asked on 2026-11-20; the one follow-up may be sent from 2026-11-27"
run --today 2026-11-28 draft intro-follow-up clive --via janet --log
expect_rc 0
expect_out_has "I am following up once on my note last week about an introduction to Clive Smith."
expect_out_has "this will be my only follow-up"
run intro --open --format json
expect_out_has '"followed_up_on": "2026-11-28"'
run --today 2026-11-29 draft intro-follow-up janet
expect_rc 1
expect_err_has "you followed up on intro #1 on 2026-11-28 already; one follow-up is the most"

# Sparse people: sentences drop out and hints say what to fill; a kind that needs a detail rolo lacks is refused.
q add "jkowalski-88c1" --met "PyData Berlin" --met-on 2026-11-20 --not-connected
run draft connect jkowalski
expect_out "Hello, it was good to meet you at PyData Berlin last week. I would like to stay in touch."
expect_err_has "'jkowalski-88c1' looks like a handle, not a name; set the name with --name or --call"
run draft checkin bare  # nothing to ask about, no conversation to date it from
expect_rc 1
expect_err_has 'topic: next time you talk, note what to ask about: rolo log 3 "..." --topic "your move to Berlin"'
q edit bare --interests "sailing"
run draft checkin bare --strict  # a fallback wording is no failure
expect_rc 0
expect_out "$(printf 'Hi Bare,\n\nI hope you have been well. I would love to hear what you are up to these days, with sailing or otherwise. Would you be up for a coffee or a call in the next few weeks?\n\nAda')"
run draft thanks bare
expect_rc 1
expect_out ""
expect_err "rolo: error: rolo knows too little to draft this thanks to #3 Bare Person: about: say what they did with --about \"introducing me to Clive\""

# A user template overrides the shipped one; lint still runs on it.
mkdir -p "$HOME/.config/rolo/templates"
cat >"$HOME/.config/rolo/templates/hello.toml" <<'TOML'
layout = "note"
greeting = "Hi {first},"
[[sentence]]
say = "great to connect {met}."
[[sentence]]
say = "Happy to give you a demo of our services."
TOML
run draft hello "new connection"
expect_rc 0
expect_out "Hi New, great to connect at PyData. Happy to give you a demo of our services."
expect_err_has "rolo: warning: pitch:"
run draft hello "new connection" --strict
expect_rc 1

cat >"$HOME/.config/rolo/templates/checkin.toml" <<'TOML'
greeting = "Hi {first}."
[[sentence]]
say = "One. Two. Three. Four. Five. Six."
TOML
run draft checkin janet
expect_err_has "rolo: warning: sentences: 6 sentences"

printf '[draft]\nconnect_limit = 60\n' >"$ROLO_CONFIG"
run draft connect jkowalski
# Over the limit, wordings step down to shorter ones before the lint complains.
expect_out "Hello, it was good to meet you at PyData Berlin. I would like to connect."
expect_err_has "rolo: warning: length: 73 characters; a connection note allows 60: keep one detail and one wish"
printf '[me]\nname = "Ada Lovelace"\nemail = "ada@example.com"\nsignature = "Ada"\n' >"$ROLO_CONFIG"

# A user template with an unknown placeholder names its file and line.
printf '# mine\n[[sentence]]\nsay = [\n  "Hi {first},",\n  "{favourite_colour}",\n]\n' >"$HOME/.config/rolo/templates/thanks.toml"
run draft thanks janet
expect_rc 1
expect_err_has "rolo: error: $HOME/.config/rolo/templates/thanks.toml:5: unknown placeholder {favourite_colour}"
rm "$HOME/.config/rolo/templates/thanks.toml" "$HOME/.config/rolo/templates/checkin.toml"

# --check lints your own text, from stdin or a file.
run draft --check - < <(printf "I'd like to add you to my professional network on LinkedIn.\n- Ada\n")
expect_rc 0
expect_out ""
expect_err "rolo: warning: default-note: this is LinkedIn's default note: say where you met or why you want to connect"
run draft --check - --strict < <(printf "Hi. One. Two. Three. Four. Five. Six.\n")
expect_rc 1
expect_err_has "rolo: error: sentences: 6 sentences"
printf 'Hi Clive, loved your talk. Can I show you our pricing?\n' >"$TMP/note.txt"
run draft connect clive --check "$TMP/note.txt"
expect_err "rolo: warning: pitch: 'pricing' in a message to someone new: say hello and ask about them first, no pitch"
run draft --check "$TMP/note.txt" --strict  # to no one in particular: checked as to someone new
expect_rc 1
run draft --check "$TMP/missing.txt"
expect_rc 1

# --log records that you sent it, never the text.
run draft connect clive --log
run history clive -n 1 --format tsv
expect_out_has "$(printf 'invite\tout\tsent a connection note')"
run draft checkin janet --log -q
run history janet --kind message -n 1 --format tsv
expect_out_has "$(printf 'message\tout\tsent a check-in')"
run draft checkin janet
expect_out_has "since our coffee earlier this month"  # a sent draft is no conversation

# --edit prints what you saved in the editor, which needs a terminal.
printf '#!/bin/sh\nprintf "Edited by hand.\\n" > "$1"\n' >"$TMP/editor"
chmod +x "$TMP/editor"
out=$(EDITOR="$TMP/editor" script -qec "$ROLO draft checkin janet --edit" /dev/null </dev/null | tr -d '\r')
expect_out "Edited by hand."

# Errors.
run draft sonnet janet
expect_rc 1
expect_err "rolo: error: unknown draft kind 'sonnet': expected one of connect, hello, checkin, followup, thanks, congrats, intro-request, intro-follow-up, intro"
run draft hello
expect_rc 2
run draft intro janet
expect_rc 1
expect_err "rolo: error: an intro needs --to: who to introduce them to"
run draft intro janet --to janet
expect_rc 1
run draft hello noone
expect_rc 1
expect_err "rolo: error: no contact matches 'noone'"

# The lint on any text: every rule runs with --check -, with or without KIND and WHO.
check_text() {  # check_text TEXT [ARGS...]: lint TEXT from stdin, strictly
  local text=$1
  shift
  run draft "$@" --check - --strict < <(printf '%s\n' "$text")
}
q add "Mia Price" --met "the pricing summit" --interests "pricing strategy"
check_text "Hi Marta, we help SaaS teams cut churn… grab a slot: calendly.com/ada/15min"
expect_rc 1
expect_err_has "rolo: error: pitch: 'we help', 'grab a slot', 'calendly'"
run draft --check - < <(printf 'Hi Marta, we help SaaS teams cut churn.\n')
expect_rc 0
expect_err_has "rolo: warning: pitch: 'we help'"
check_text "$(printf 'Hi Ana,\n\nI’d like to add you to my professional network.\n\nBest,\nAda')"
expect_rc 1
expect_err "rolo: error: default-note: this is LinkedIn's default note: say where you met or why you want to connect"
check_text "Hi Mia, great to meet you at the Pricing Summit. Let me buy you a coffee next time; I loved your demo!"
expect_rc 0
expect_err ""
check_text "$(printf 'Hi Sarah,\n\nCongrats on the U.S. move! The Ph.D. team at Acme Inc. says hi. Dr. Lee too. How is it going? Talk soon.\n\nThanks,\nAda')"
expect_rc 0
check_text "Hi Sam, $(printf 'and then we talked about the new pipeline, %.0s' {1..18})and that was it."
expect_rc 1
expect_err "rolo: error: length: a sentence of 150 words; split it, at most 45 words each"
check_text "$(printf 'Hey Sam,\n\nWould you be able to introduce me to the CTO at Acme?\n\nThanks,\nAda')"
expect_rc 1
expect_err "$(printf '%s\n' \
  'rolo: error: intro-request: say why you want to meet them and what you intend (advice, a partnership, a sale)' \
  'rolo: error: intro-request: give your direct email, so they can forward the note or ask you questions' \
  "rolo: error: intro-request: give them an out: \"if it's not a good time, no problem at all\"")"
check_text "Hi Janet, cc'd you both, you two should talk!"
expect_rc 1
expect_err_has "rolo: error: intro: you copy them both in before asking"
# With KIND and WHO: who the intro is about, the recipient's own words, a new connection, a second follow-up.
check_text "Hi Janet, could you introduce me to someone at Acme? I'm building a licensing audit. My email is ada@example.com; if not, no problem." intro-request clive
expect_rc 1
expect_err "rolo: error: intro-request: say who you would like to meet: Clive Smith"
check_text "Hi Mia, good to meet you at the pricing summit. How is the pricing strategy work going?" hello mia
expect_rc 0
check_text "Hi Mia, good to meet you at the pricing summit. How is the pricing strategy work going?"
expect_rc 1
expect_err_has "rolo: error: pitch: 'pricing' in"
check_text "Hi Janet, happy to give you a demo of the new release." checkin janet
expect_rc 0
check_text "Hi New, happy to give you a demo of the new release." checkin "new connection"
expect_rc 1
expect_err_has "rolo: error: pitch: 'a demo' in"
check_text "Hi Clive, good to meet you at the Kraków Rust meetup on Thursday. Your take on async cancellation and structured concurrency stuck with me all weekend, and I would really like to keep in touch with you." connect
expect_rc 1
expect_err "rolo: error: length: 202 characters; a connection note allows 200: keep one detail and one wish"
check_text "Hi Janet, following up once on the intro to Clive Smith; if not, no problem at all: this is my only follow-up." intro-follow-up janet
expect_rc 1
expect_err "rolo: error: intro-follow-up: you already followed up once; silence after it is a gentle no: do not send another"

finish
