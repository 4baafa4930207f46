# examples/cron/rolo-due-mail against a temporary database, with `mail` stubbed on PATH.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/bin"
ln -s "$ROLO" "$TMP/bin/rolo"
cat >"$TMP/bin/mail" <<'SH'
#!/bin/sh
# Records how it was called and what it was sent.
printf '%s\n' "$@" >"$MAIL_LOG.args"
cat >"$MAIL_LOG.body"
SH
chmod +x "$TMP/bin/mail"
export PATH="$TMP/bin:$PATH" MAIL_LOG="$TMP/mail"
script="$ROLO_SOURCE_DIR/examples/cron/rolo-due-mail"

# Nobody due: no mail.
"$ROLO" add "Carl Cadence" --met-on 2026-11-01 --every 30d >/dev/null  # due 2026-12-01
out=$("$script" me@example.com 2>&1); rc=$?; err=""
expect_rc 0
expect_true "no mail when nobody is due" test ! -e "$MAIL_LOG.args"

# Someone due: one mail with a count in the subject and the tsv list as the body.
"$ROLO" log carl "call" --kind call --on 2026-10-01 >/dev/null
out=$("$script" me@example.com 2>&1); rc=$?
expect_rc 0
expect_true "mail subject and address" test "$(cat "$MAIL_LOG.args")" = "$(printf -- '-s\nrolo: 1 to get in touch with today\nme@example.com')"
expect_true "mail body is the digest" test "$(cat "$MAIL_LOG.body")" = "$(printf '%s\n' \
    '1 person to get in touch with on 2026-11-24.' '' 'cadence (1)' '  #1 Carl Cadence: late, every 30d' \
    '      rolo draft checkin 1')"

out=$("$script" 2>&1); rc=$?
expect_true "usage without an address" test "$rc" != 0

# The shell example walks the ids.
out=$("$ROLO_SOURCE_DIR/examples/shell/due-loop.sh" 2>&1); rc=$?
expect_rc 0
expect_out_has "#1 Carl Cadence"

finish
