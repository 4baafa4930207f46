# The habits of git, taskwarrior and khard users: rolo alone shows the day,
# `help`, "did you mean", tables that fit the terminal, a pager on a terminal
# only, dates people read, and an empty `due` that says when someone is next.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8

# on_tty COMMAND: runs a shell command with stdout on a pseudo-terminal, without
# colour; sets $out.
on_tty() {
    out=$(NO_COLOR=1 script -qec "$1" /dev/null </dev/null | tr -d '\r')
}

expect_err_lacks() {  # expect_err_lacks TEXT
    case "$err" in *"$1"*) _report 0 "stderr lacks" "  present: $1" ;; *) _report 1 "" "" ;; esac
}

# widest OUTPUT: the display width of the widest line.
widest() { printf '%s\n' "$1" | wc -L; }

# Before anyone is known, rolo alone says how to start.
run
expect_rc 0
expect_out_has "rolo knows nobody yet"
expect_out_has "rolo add NAME"
expect_true "and creates no database" test ! -e "$ROLO_DB"

"$ROLO" --today 2026-09-01 add "Janet Mellor" --every 30d --tag client -q >/dev/null
"$ROLO" --today 2026-09-01 add "Sofia Marsh" --every 30d --tag client -q >/dev/null
"$ROLO" --today 2026-09-01 add "Priya 李小龙 🙂 Raman" --company "Northwind Traders International" -q >/dev/null
"$ROLO" log janet "call about the offsite plans for next year and the budget" --kind call --on 2026-10-20 -q >/dev/null
"$ROLO" log sofia coffee --kind meeting --on 2026-10-27 -q >/dev/null

# 9. rolo alone: who is due today, then open intros.
run
expect_rc 0
expect_out_has "Due (1)"
expect_out_has "Janet Mellor"
expect_out_lacks "Sofia Marsh"
expect_out_has "No open intros."
"$ROLO" add "Target Person" --via sofia -q >/dev/null
"$ROLO" intro target --ask sofia -q >/dev/null
run
expect_out_has "Open intros (1)"
expect_out_has "Target Person"
run --today 2026-11-10
expect_out_has "Nobody is due. Next: Janet Mellor in 9 days."

# rolo help [CMD] is rolo [CMD] --help.
run --help
help=$out
run help
expect_rc 0
expect_out "$help"
run help due
expect_rc 0
expect_out_has "--within"
run help frobnicate
expect_rc 2

# A mistyped command or option gets "did you mean".
run shwo janet
expect_rc 2
expect_err "rolo: error: 'shwo' is not a rolo command; did you mean 'show'? (see 'rolo --help')"
run ls --tga client
expect_rc 2
expect_err_has "did you mean '--tag'?"
run ls --frobnicate
expect_err_lacks "did you mean"
# Each name once: --help is both rolo's option and the command's.
run merge 1 2 --hepl
expect_err_lacks "'--help' or '--help'"
expect_err_has "did you mean '--help'"

# rolo draft alone lists the kinds.
run draft
expect_rc 0
expect_out_has "checkin"
expect_out_has "intro-follow-up"

# 10. An empty due says who is next, in a table; the machine formats stay as they were.
run --today 2026-11-10 --format table due
expect_out "Nobody is due. Next: Janet Mellor in 9 days."
run --today 2026-11-10 --format tsv due
expect_out "$(printf 'id\tname\treason\tstate\twhen\tdue_on\tlast\tlast_on\talso\tdetail\tnext')"
run --today 2026-11-10 --format json due
expect_out "[]"

# Tables fit $COLUMNS: low-value columns go first, then text is shortened with …,
# wide characters and emoji counted by display width.
run --format table due
expect_out_has "also"
COLUMNS=60 run --format table due
expect_out_lacks "also"
expect_out_lacks "rolo draft"
expect_true "due fits 60 columns" test "$(widest "$out")" -le 60
COLUMNS=40 run --format table history
expect_true "history fits 40 columns" test "$(widest "$out")" -le 40
expect_out_has "…"
COLUMNS=50 run --format table ls
expect_true "ls fits 50 columns" test "$(widest "$out")" -le 50
COLUMNS=50 run --format tsv ls
expect_out_has "Northwind Traders International"
on_tty "COLUMNS=60 $ROLO ls"
expect_true "a terminal's table fits it" test "$(widest "$out")" -le 60
expect_out_has "李"

# Flags are yes/no in a table, 1/0 in tsv.
run --format table ls janet
expect_out_has "yes"
run --format tsv ls janet
expect_out_lacks "yes"

# Dates in show and history also say how long ago.
run show janet
expect_out_has "2026-10-20  (5 weeks ago)"
run --format table history janet
expect_out_has "2026-10-20 (5 weeks ago)"
run --format tsv history janet
expect_out_lacks "ago"

# Long output goes through $PAGER on a terminal, never into a pipe.
on_tty "LINES=3 PAGER='sed s/^/paged:/' $ROLO ls"
expect_out_has "paged:id"
on_tty "LINES=50 PAGER='sed s/^/paged:/' $ROLO ls"
expect_out_lacks "paged:"
LINES=3 PAGER='sed s/^/paged:/' run --format table ls
expect_out_lacks "paged:"

# 11. init takes who you are, or asks on a terminal, so that first drafts are signed.
ROLO_CONFIG="$TMP/init.toml" run init --name "Ada Lovelace" --email ada@example.com --signature Ada
expect_rc 0
expect_true "init wrote the name" grep -qx 'name = "Ada Lovelace"' "$TMP/init.toml"
expect_true "init wrote the signature" grep -qx 'signature = "Ada"' "$TMP/init.toml"
ROLO_CONFIG="$TMP/init.toml" run init --name Other
expect_err_has "exists"
out=$(printf 'Grace Hopper\ngrace@example.com\n\n' |
    ROLO_CONFIG="$TMP/asked.toml" script -qec "$ROLO init" /dev/null | tr -d '\r')
expect_out_has "Your name"
expect_true "init asked for the name" grep -qx 'name = "Grace Hopper"' "$TMP/asked.toml"
expect_true "an empty answer keeps the example" grep -q '^# signature = ' "$TMP/asked.toml"
ROLO_CONFIG="$TMP/piped.toml" run init
expect_true "without a terminal init asks nothing" grep -q '^# name = ' "$TMP/piped.toml"

# --add-note appends; --note replaces.
"$ROLO" edit janet --note "prefers mornings" >/dev/null
run edit janet --add-note "two kids"
expect_rc 0
run --format json show janet
expect_out_has '"notes": "prefers mornings\ntwo kids"'

# edit WHO alone opens the card in $EDITOR and applies what changed.
EDITOR="sed -i -e 's/^title: .*/title: CTO/' -e 's/^tags: .*/tags: client, vip/' -e 's/^every: .*/every: 2w/'" \
    on_tty "$ROLO edit janet"
run --format tsv ls janet
expect_out_has "$(printf 'Janet Mellor\t\tCTO\t\tclient;vip\t1\t2w')"
run --format json show janet
expect_out_has '"notes": "prefers mornings\ntwo kids"'  # the notes came back as they went
EDITOR="sed -i -e 's/^title: .*/job: CTO/'" on_tty "$ROLO edit janet"
expect_out_has "card:"
expect_out_has "nothing changed"
# A card that comes back empty (the editor emptied it, or /tmp was full) is
# no instruction to clear every field: nothing changes, as git aborts an empty message.
before=$("$ROLO" --format json show janet)
EDITOR="truncate -s 0" on_tty "$ROLO edit janet"
expect_out_has "the card came back empty; nothing changed"
expect_true "an emptied card changed nothing" test "$("$ROLO" --format json show janet)" = "$before"
run edit janet
expect_rc 1
expect_err_has "give options"

# rm --purge asks on a terminal; --yes (and a script) does not.
"$ROLO" add "Gone Soon" -q >/dev/null
out=$(printf 'n\n' | script -qec "$ROLO rm --purge gone" /dev/null | tr -d '\r')
expect_out_has "[y/N]"
run ls gone -q
expect_true "a no keeps them" test -n "$out"
out=$(script -qec "$ROLO rm --purge gone --yes" /dev/null </dev/null | tr -d '\r')
expect_out_has "purged"

# draft --edit without a terminal is an error, not a hung editor.
run draft checkin janet --edit
expect_rc 1
expect_err_has "--edit needs a terminal"

# 12. intro --suggest: a tag most people share is no reason; clients are not paired unless asked.
for name in Ann Ben Cat Dan Eve Fay Gus; do "$ROLO" add "$name Common" --tag network -q >/dev/null; done
"$ROLO" edit ann --tag client --interests sailing -q >/dev/null
"$ROLO" edit ben --tag client --interests sailing -q >/dev/null
run --format tsv intro --suggest
expect_out_lacks "tagged network"
expect_out_lacks "Ann Common"
run --format tsv intro --suggest --tag client
expect_out_has "both interested in sailing"
"$ROLO" edit cat --tag rust -q >/dev/null
"$ROLO" edit dan --tag rust -q >/dev/null
run --format tsv intro --suggest
expect_out_has "both tagged rust"
run --format tsv intro --suggest --exclude-tag rust
expect_out_lacks "both tagged rust"

# graph --me: you, linked to everyone you are connected to: one network.
run --format tsv graph --me
expect_out_has "$(printf '0\tyou\t1\tJanet Mellor')"
run graph --me --dot
expect_out_has '0 [label="you"'
expect_out_has "0 -- 1"
run --format tsv graph
expect_out_lacks "you"

finish
