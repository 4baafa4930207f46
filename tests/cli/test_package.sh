# The Debian package: cpack builds it from this build directory, dpkg -x
# unpacks it into a scratch root, and the rolo in that root runs end to end
# from PATH with the data beside it, as `apt install ./rolo_*.deb` would have it.
. "$(dirname "$0")/lib.sh"
: "${ROLO_BUILD_DIR:?set ROLO_BUILD_DIR to the build directory}"
if ! command -v dpkg-deb >/dev/null; then
    echo "SKIP: dpkg-deb is missing (Debian's dpkg), so there is no package to test"
    exit 77
fi

# cpack first brings the build up to date, so the version is the package's.
cpack -G DEB --config "$ROLO_BUILD_DIR/CPackConfig.cmake" -B "$TMP/pkg" >"$TMP/cpack.log" 2>&1 || cat "$TMP/cpack.log"
field() { dpkg-deb --field "$deb" "$1"; }
deb=$(echo "$TMP"/pkg/rolo_*.deb)
version=$(field Version)
expect_true "cpack builds rolo_VERSION_ARCH.deb: $deb" \
    test "$deb" = "$TMP/pkg/rolo_${version}_$(dpkg --print-architecture).deb"
expect_true "Section utils" test "$(field Section)" = utils
expect_true "Priority optional" test "$(field Priority)" = optional
expect_true "a Maintainer" test -n "$(field Maintainer)"
expect_true "Depends on the libraries rolo links" grep -q 'libc6.*libsqlite' <<<"$(field Depends)"
expect_true "Depends on libzip, which rolo loads to read an archive" grep -Eq '(^|, )libzip[0-9]+' <<<"$(field Depends)"
expect_true "a description of what rolo is for" grep -q 'people you know' <<<"$(field Description)"

root="$TMP/root"
dpkg -x "$deb" "$root"
for file in usr/bin/rolo usr/share/rolo/templates/checkin.toml usr/share/rolo/pitch-words.txt \
    usr/share/bash-completion/completions/rolo usr/share/fish/vendor_completions.d/rolo.fish \
    usr/share/zsh/vendor-completions/_rolo usr/share/doc/rolo/copyright usr/share/doc/rolo/changelog.gz; do
    expect_true "ships /$file" test -f "$root/$file"
done
for page in "$ROLO_SOURCE_DIR"/man/*.1; do
    expect_true "ships $(basename "$page") gzipped" gzip -t "$root/usr/share/man/man1/$(basename "$page").gz"
done
# Sanitizer builds name their source files in diagnostics; any other path of
# this machine's source or build tree (a data directory) is a defect.
build_paths=$(grep -aoE "($ROLO_SOURCE_DIR|$ROLO_BUILD_DIR)[^[:space:][:cntrl:]\"]*" "$root/usr/bin/rolo" |
    grep -vE '\.(cpp|hpp|h)$')
expect_true "no path of the build machine in the binary: $build_paths" test -z "$build_paths"

archive="$TMP/Basic_LinkedInDataExport_02-10-2026.zip"
zip_dir "$ROLO_SOURCE_DIR/tests/data/linkedin_archive" "$archive"

# From here on only the scratch root's rolo, found on PATH, with no hint where its data is.
host_path=$PATH
export PATH="$root/usr/bin:/usr/bin:/bin"
unset ROLO_DATA_DIR
ROLO=rolo
run --version
expect_out "$version"
run init
expect_rc 0
run add "Janet Mellor" --email janet@example.com --interests "sailing" --every 30d -q
expect_out 1
run log janet "coffee, talked about her new job" --kind coffee --on 2026-10-01
expect_rc 0
run ls
expect_out_has "Janet Mellor"
run due
expect_out_has "cadence"
# A mark in the unpacked template shows that draft reads the package's own data.
sed -i 's/Would you be up for a coffee/Would you, packaged, be up for a coffee/' "$root/usr/share/rolo/templates/checkin.toml"
run draft checkin janet
expect_rc 0
expect_out_has "I hope you have been well since our coffee in October."
expect_out_lacks "talked about her new job"
expect_out_has "Would you, packaged, be up for a coffee or a call in the next few weeks?"

# libzip is loaded only when an archive is read: the package's rolo finds it.
run import "$archive" --dry-run
expect_rc 0
expect_out_has "messages read"

if command -v man >/dev/null; then
    out=$(MANPATH="$root/usr/share/man" man rolo-draft 2>&1)
    expect_out_has "rolo-draft"
fi
out=$(complete_bash "$root/usr/share/bash-completion/completions/rolo" rolo sho)
expect_out "show"
if command -v fish >/dev/null; then
    out=$(fish -c "source '$root/usr/share/fish/vendor_completions.d/rolo.fish'; complete -C 'rolo sho'" 2>&1)
    expect_out "show"
fi
if command -v zsh >/dev/null; then
    expect_true "zsh autoloads the package's _rolo" \
        zsh_completes "$root/usr/share/zsh/vendor-completions" "rolo show Ja" 'Janet\ Mellor'
fi

if command -v lintian >/dev/null; then
    # Errors fail; the warnings left are explained in README.md's Install section.
    out=$(lintian --fail-on error "$deb" 2>&1)
    expect_true "lintian finds no error: $out" test $? = 0
fi

# dpkg itself, on a scratch root of its own (setting owners needs root): the
# package installs, and purging it leaves no file behind.
if [ "$(id -u)" = 0 ]; then
    installed="$TMP/installed"
    mkdir -p "$installed/var/lib/dpkg/info" "$installed/var/lib/dpkg/updates"
    : >"$installed/var/lib/dpkg/status"
    dpkg_root() { PATH=$host_path dpkg --root="$installed" --force-script-chrootless --log=/dev/null "$@" >/dev/null 2>&1; }
    dpkg_root --force-depends --install "$deb"
    expect_true "dpkg installs rolo" test -x "$installed/usr/bin/rolo"
    dpkg_root --purge rolo
    left=$(find "$installed" -path "$installed/var" -prune -o -type f -print)
    expect_true "dpkg --purge leaves no file: $left" test -z "$left"
fi
finish
