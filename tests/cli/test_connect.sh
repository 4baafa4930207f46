# From meeting to relationship: one acquaintance walked day by day through
# met -> connect due -> invite logged -> pending -> accepted -> hello due ->
# hello logged -> cadence, and an unanswered invitation through its window.
. "$(dirname "$0")/lib.sh"

printf '[me]\nname = "Ada Lovelace"\n[defaults]\nevery = "30d"\n' >"$ROLO_CONFIG"
q() { "$ROLO" "$@" >/dev/null; }
on() { local day=$1; shift; run --today "$day" "$@"; }
due_line() { on "$1" due --format tsv; out=$(printf '%s\n' "$out" | sed -n 2p | cut -f1-6,10-11); }

# Met at an event today: `add` says they are not connected yet, and why.
on 2026-11-20 add "Tomasz Nowak" --met "the Kraków Rust meetup" --interests "async cancellation"
expect_rc 0
expect_out "added #1 Tomasz Nowak, not connected yet (met recently; --connected if you are): rolo draft connect 1"
on 2026-11-20 show 1
expect_out_has "  connected  no"
expect_out_has "  path       met 2026-11-20 at the Kraków Rust meetup, not connected: connect by 2026-11-26"

# connect: ideal the first two days, late after, gone after the window.
due_line 2026-11-20
expect_out "$(printf '1\tTomasz Nowak\tconnect\tideal\tdue today\t2026-11-20\tmet 2026-11-20\trolo draft connect 1')"
due_line 2026-11-21
expect_out "$(printf '1\tTomasz Nowak\tconnect\tideal\t1 day late\t2026-11-20\tmet 2026-11-20\trolo draft connect 1')"
due_line 2026-11-22
expect_out "$(printf '1\tTomasz Nowak\tconnect\tlate\t2 days late\t2026-11-20\tmet 2026-11-20\trolo draft connect 1')"
on 2026-11-22 due --digest
expect_out "$(printf '%s\n' '1 person to get in touch with on 2026-11-22.' '' 'to connect (1)' \
    '  #1 Tomasz Nowak: late, met 2026-11-20' '      rolo draft connect 1')"

# The connection note, logged as the invitation: pending, nothing due, "waiting" in the digest.
on 2026-11-22 draft connect 1 --log
expect_rc 0
on 2026-11-22 history 1 --format tsv
expect_out_has "invite"
due_line 2026-11-22
expect_out ""
on 2026-11-23 due --exit-code -q
expect_rc 0
on 2026-11-23 due --digest
expect_out "$(printf '%s\n' 'Nobody is due on 2026-11-23.' '' 'waiting (1)' \
    '  #1 Tomasz Nowak: invitation sent 2026-11-22, pending until 2026-12-13')"
on 2026-11-23 show 1
expect_out_has "  path       met 2026-11-20 at the Kraków Rust meetup, invitation sent 2026-11-22, pending"

# Accepted on the 24th: connected, and the hello window starts.
on 2026-11-24 log 1 --kind accepted "accepted my invitation"
expect_rc 0
due_line 2026-11-24
expect_out "$(printf '1\tTomasz Nowak\thello\tdue\tdue today\t2026-11-24\tconnected 2026-11-24\trolo draft hello 1')"
on 2026-11-24 show 1
expect_out_has "  connected  since 2026-11-24"
expect_out_has "  path       met 2026-11-20 at the Kraków Rust meetup, invitation sent 2026-11-22, connected 2026-11-24"
on 2026-11-24 due --digest
expect_out_lacks "waiting"

# The hello sent on the 25th: nothing due until the cadence, 30 days on.
on 2026-11-25 log 1 --kind message "thanks for connecting, asked about the cancellation RFC"
due_line 2026-11-25
expect_out ""
due_line 2026-12-24
expect_out ""
due_line 2026-12-25
expect_out "$(printf '1\tTomasz Nowak\tcadence\tdue\tdue today\t2026-12-25\tevery 30d, the default\trolo draft checkin 1')"

# An invitation nobody answers: pending for invite_window (21 days), listed one week, then dropped.
on 2026-11-24 add "Ula Unanswered" --met "PyData Berlin" -q
q --today 2026-11-24 log ula --kind invite "sent a connection note"
on 2026-12-14 due -q
expect_out_lacks "2"
on 2026-12-14 due --digest
expect_out_has "  #2 Ula Unanswered: invitation sent 2026-11-24, pending until 2026-12-15"
due_line 2026-12-15
expect_out "$(printf '2\tUla Unanswered\tinvite-unanswered\tideal\tdue today\t2026-12-15\tinvitation sent 2026-11-24, no answer: let it go, or reach them another way\trolo show 2')"
on 2026-12-15 show 2
expect_out_has "invitation sent 2026-11-24, unanswered since 2026-12-15"
on 2026-12-21 due -q
expect_out_has "2"
on 2026-12-22 due -q
expect_out_lacks "2"
on 2026-12-22 due --digest
expect_out_lacks "Ula"

# A config invite_window is honoured.
printf '[defaults]\ninvite_window = "30d"\n' >"$ROLO_CONFIG"
on 2026-12-15 due -q
expect_out_lacks "2"
on 2026-12-24 due -q
expect_out_has "2"

# `add` defaults: met long ago, or no meeting: connected; --connected overrides a recent meeting.
on 2026-11-24 add "Old Friend" --met "school" --met-on 2010-09-01
expect_out "added #3 Old Friend, connected since 2010-09-01"
on 2026-11-24 add "Plain Person"
expect_out "added #4 Plain Person, connected since 2026-11-24"
on 2026-11-24 add "Known Already" --met "PyData" --connected
expect_out "added #5 Known Already, connected since 2026-11-24"
on 2026-11-24 add "Via Someone" --via 1
expect_out "added #6 Via Someone, not connected"
on 2026-11-24 add "Both" --connected --not-connected
expect_rc 2

finish
