# Every subcommand has a man page that renders cleanly and a line in the README.
. "$(dirname "$0")/lib.sh"

commands=$("$ROLO" --help | awk '/^Subcommands:/ {on=1; next} on && NF {print $1}')
expect_true "rolo --help lists subcommands" test -n "$commands"
for command in $commands; do
    page="$ROLO_SOURCE_DIR/man/rolo-$command.1"
    expect_true "man page for $command" test -f "$page"
    expect_true "README mentions rolo $command" grep -q "rolo $command" "$ROLO_SOURCE_DIR/README.md"
    expect_true "rolo.1 lists $command" grep -q "rolo-$command" "$ROLO_SOURCE_DIR/man/rolo.1"
    if command -v man >/dev/null; then
        warnings=$(MANWIDTH=80 man -l "$page" 2>&1 >/dev/null)
        expect_true "man page for $command renders without warnings" test -z "$warnings"
    fi
done
# A command's source names its man page for its usage rather than keeping a
# third copy of it (beside the CLI11 strings and the page), which drifts.
for source in "$ROLO_SOURCE_DIR"/apps/rolo/cmd_*.cpp; do
    command=$(basename "$source" .cpp)
    command=${command#cmd_}
    header=$(sed -n '/^\/\//!q; p' "$source")
    out=$header err=""  # shown when a check fails
    expect_true "cmd_$command.cpp's top comment points to rolo-$command(1)" grep -qF "Usage: rolo-$command(1)." <<<"$header"
    expect_true "cmd_$command.cpp's top comment lists no options" test -z "$(grep -e '--\|\[' <<<"$header")"
done
expect_true "README's test command is what CI runs" \
    grep -qF "$(tail -n 1 "$ROLO_SOURCE_DIR/.ci/run")" "$ROLO_SOURCE_DIR/README.md"

finish
