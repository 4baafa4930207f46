# rolo draft: every kind, variant fallback, user templates, each lint rule, --strict, --check, --log, --edit.
. "$(dirname "$0")/lib.sh"
printf '[me]\nname = "Ada Lovelace"\nemail = "ada@example.com"\nsignature = "Ada"\n[draft]\nconnect_limit = 300\n' >"$ROLO_CONFIG"

q() { "$ROLO" "$@" >/dev/null; }
q add "Janet Mellor" --met-on 2026-09-01 --met "the BNI breakfast" --interests "sailing" --company "Mellor & Co"
q add "Clive Smith" --not-connected --company Acme --title CTO --interests "open-source licensing"
q add "Bare Person" --met-on 2026-01-01
q add "New Connection" --met "PyData" --interests "data contracts"   # connected today
q link janet clive --strength 5
q log janet "coffee at Stage Door" --kind coffee --on 2026-11-10

# Every kind writes the message, and only the message, to stdout.
run draft connect clive
expect_rc 0
expect_err 'rolo: warning: empty-field: met_at is empty: do your homework: rolo edit 2 --met "..."'
expect_out "Hi Clive, I have been following your work on open-source licensing and would like to connect."
run draft connect janet
expect_out "Hi Janet, it was good to meet you at the BNI breakfast. I enjoyed hearing about sailing and would like to stay in touch."
run draft hello janet
expect_out "$(printf 'Hi Janet,\n\nThanks for connecting, and it was good to meet you at the BNI breakfast. I would love to hear more about sailing. What are you focused on this year?\n\nAda')"
run draft checkin janet
expect_out_has "our last conversation (coffee at Stage Door, earlier this month)"
run draft followup janet --about "the names for the COO role are below"
expect_out_has "Following up on our conversation (coffee at Stage Door): the names for the COO role are below."
run draft thanks janet --about "the referral to Acme"
expect_out_has "Thank you for the referral to Acme."
run draft intro-request clive --via janet --about "I am building an open-source licensing audit"
expect_rc 0
expect_err ""
expect_out_has "Would you be willing to introduce me to Clive Smith at Acme? I would like to meet them because I am building an open-source licensing audit"
expect_out_has "my direct email, ada@example.com"
expect_out_has "If it is not a good fit or the timing is wrong, no problem at all"
run draft intro-request clive -q  # the best broker when --via is not given
expect_out_has "Hi Janet,"
run draft intro janet --to clive --about "both care about licensing"
expect_out_has "I would like to introduce you to Clive Smith, CTO at Acme, who works on open-source licensing. I think you should meet because both care about licensing. Would you be open to an introduction?"

# intro-follow-up needs an open request; --log on it records the follow-up.
run draft intro-follow-up janet
expect_rc 1
expect_err "rolo: error: #1 Janet Mellor (Mellor & Co) has no open introduction request from you; see rolo intro --open"
q --today 2026-11-10 intro clive --ask janet --why "licensing audit"
run draft intro-follow-up janet --log
expect_rc 0
expect_out_has "this will be my only follow-up"
run intro --open --format json
expect_out_has '"followed_up_on": "2026-11-24"'
run due -q
expect_out_lacks "1"

# Variant fallback, and empty-field naming the command that fills the gap.
run draft hello bare
expect_out "$(printf 'Hi Bare,\n\nThanks for connecting. What are you working on these days, and what would be useful to you right now?\n\nAda')"
expect_err "$(printf '%s\n' \
  'rolo: warning: empty-field: met_at is empty: do your homework: rolo edit 3 --met "..."' \
  'rolo: warning: empty-field: interests is empty: do your homework: rolo edit 3 --interests "..."')"
run draft hello bare --strict
expect_rc 1
expect_out ""
expect_err_has 'rolo: error: empty-field: met_at is empty'
run draft hello janet --strict
expect_rc 0

# pitch: fires in a hello, whoever it goes to; sentences; length; default-note.
mkdir -p "$HOME/.config/rolo/templates"
cat >"$HOME/.config/rolo/templates/hello.toml" <<'TOML'
[[variant]]
text = "Hi {first}, great to connect. Happy to give you a demo of our services."
TOML
run draft hello "new connection"
expect_rc 0
expect_out "Hi New, great to connect. Happy to give you a demo of our services."
expect_err "rolo: warning: pitch: 'a demo', 'our services' in a message to someone new: say hello and ask about them first, no pitch"
run draft hello janet
expect_err_has "rolo: warning: pitch: 'a demo', 'our services'"
run draft hello "new connection" --strict
expect_rc 1

cat >"$HOME/.config/rolo/templates/checkin.toml" <<'TOML'
[[variant]]
text = "Hi {first}. One. Two. Three. Four. Five. Six."
TOML
run draft checkin janet
expect_err "rolo: warning: sentences: 6 sentences; keep it to five: who you are, what you ask, how you can help each other, why it matters to them, when"

printf '[draft]\nconnect_limit = 60\n' >"$ROLO_CONFIG"
run draft connect janet
expect_err "rolo: warning: length: 120 characters; a connection note allows 60: keep one detail and one wish"
printf '[me]\nname = "Ada Lovelace"\nemail = "ada@example.com"\nsignature = "Ada"\n' >"$ROLO_CONFIG"

# A user template with an unknown placeholder names its file and line.
printf '# mine\n[[variant]]\ntext = """\nHi {first},\n{favourite_colour}\n"""\n' >"$HOME/.config/rolo/templates/thanks.toml"
run draft thanks janet
expect_rc 1
expect_err_has "rolo: error: $HOME/.config/rolo/templates/thanks.toml:5: unknown placeholder {favourite_colour}"

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
run draft --check "$TMP/note.txt" --strict
expect_rc 1
run draft --check "$TMP/missing.txt"
expect_rc 1

# --log records the message as the right kind of outgoing interaction.
run draft connect clive --log
run history clive -n 1 --format tsv
expect_out_has "$(printf 'invite\tout\tHi Clive, I have been following your work')"
run draft checkin "new connection" --log -q
run history "new connection" -n 1 --format tsv
expect_out_has "$(printf 'message\tout\tHi New.')"

# --edit prints what you saved in the editor.
printf '#!/bin/sh\nprintf "Edited by hand.\\n" > "$1"\n' >"$TMP/editor"
chmod +x "$TMP/editor"
EDITOR="$TMP/editor" run draft hello janet --edit
expect_out "Edited by hand."

# Errors.
run draft sonnet janet
expect_rc 1
expect_err "rolo: error: unknown draft kind 'sonnet': expected one of connect, hello, checkin, followup, thanks, intro-request, intro-follow-up, intro"
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
