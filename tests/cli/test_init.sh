# rolo init, and where rolo keeps its files (XDG, ROLO_DB, --db).
. "$(dirname "$0")/lib.sh"
unset ROLO_DB ROLO_CONFIG

run init
expect_rc 0
expect_out "$(printf 'database %s\nconfig   %s (created)' "$HOME/.local/share/rolo/rolo.db" "$HOME/.config/rolo/config.toml")"
expect_true "database in the XDG data dir, mode 0600" test "$(stat -c %a "$HOME/.local/share/rolo/rolo.db")" = 600
expect_true "config written" grep -q '^\[defaults\]' "$HOME/.config/rolo/config.toml"

run init
expect_out_has "(exists, left as it was)"

XDG_DATA_HOME="$TMP/data" XDG_CONFIG_HOME="$TMP/conf" run init -q
expect_true "XDG_DATA_HOME is honoured" test -f "$TMP/data/rolo/rolo.db"
expect_true "XDG_CONFIG_HOME is honoured" test -f "$TMP/conf/rolo/config.toml"

ROLO_DB="$TMP/env.db" run add "Env Person" -q
expect_true "ROLO_DB is honoured" test -f "$TMP/env.db"
ROLO_DB="$TMP/env.db" run --db "$TMP/flag.db" add "Flag Person" -q
expect_true "--db beats ROLO_DB" test -f "$TMP/flag.db"
ROLO_DB="$TMP/env.db" run ls -q
expect_out "1"

finish
