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

# pitch: fires for a new connection, not for an old one; sentences; length; default-note.
mkdir -p "$HOME/.config/rolo/templates"
cat >"$HOME/.config/rolo/templates/hello.toml" <<'TOML'
[[variant]]
text = "Hi {first}, great to connect. Happy to give you a demo of our services."
TOML
run draft hello "new connection"
expect_rc 0
expect_out "Hi New, great to connect. Happy to give you a demo of our services."
expect_err "rolo: warning: pitch: 'demo', 'our services' in a message to someone new: say hello and ask about them first, no pitch"
run draft hello janet
expect_err ""
run draft hello "new connection" --strict
expect_rc 1

cat >"$HOME/.config/rolo/templates/checkin.toml" <<'TOML'
[[variant]]
text = "Hi {first}. One. Two. Three. Four. Five."
TOML
run draft checkin janet
expect_err "rolo: warning: sentences: 6 sentences; keep it to five: who you are, what you ask, how you can help each other, why it matters to them, when"

printf '[draft]\nconnect_limit = 60\n' >"$ROLO_CONFIG"
run draft connect janet
expect_err "rolo: warning: length: 120 characters; a connection note allows 60"
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
run draft --check - --strict < <(printf "Hi. One. Two. Three. Four. Five.\n")
expect_rc 1
expect_err_has "rolo: error: sentences: 6 sentences"
printf 'Hi Clive, loved your talk. Can I show you our pricing?\n' >"$TMP/note.txt"
run draft connect clive --check "$TMP/note.txt"
expect_err "rolo: warning: pitch: 'pricing' in a message to someone new: say hello and ask about them first, no pitch"
run draft --check "$TMP/note.txt" --strict
expect_rc 0
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

finish
