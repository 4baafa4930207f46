# rolo's version follows the checkout (cmake/RoloVersion.cmake, run at every
# build): tried on a scratch git repository.
. "$(dirname "$0")/lib.sh"
if ! command -v git >/dev/null; then
    echo "SKIP: git is missing"
    exit 77
fi
export GIT_CEILING_DIRECTORIES="$TMP" GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org \
    GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
repo="$TMP/repo"
mkdir -p "$repo" "$TMP/out"

version_of() {  # version_of SOURCE_DIR: the version a build of SOURCE_DIR reports
    cmake -DSOURCE_DIR="$1" -DOUTPUT_DIR="$TMP/out" -DPROJECT_VERSION=0.1.0 -DMAINTAINER="t <t@example.org>" \
        -P "$ROLO_SOURCE_DIR/cmake/RoloVersion.cmake" && cat "$TMP/out/version.txt"
}
commit() { git -C "$repo" commit -q --allow-empty -m "$1" && git -C "$repo" rev-parse --short=7 HEAD; }

expect_true "outside git: the project version" test "$(version_of "$TMP/out")" = 0.1.0
git -C "$repo" init -q
first=$(commit one)
expect_true "before any tag: before the project version" test "$(version_of "$repo")" = "0.1.0~1.g$first"
git -C "$repo" tag v0.2.0
expect_true "on a tag: the tag" test "$(version_of "$repo")" = 0.2.0
stamp=$(stat -c %y "$TMP/out/rolo_version.hpp")
version_of "$repo" >/dev/null
expect_true "an unchanged version leaves the header alone" test "$(stat -c %y "$TMP/out/rolo_version.hpp")" = "$stamp"
second=$(commit two)
expect_true "after a tag: commits and hash" test "$(version_of "$repo")" = "0.2.0+1.g$second"
echo text >"$repo/file" && git -C "$repo" add file
expect_true "a changed work tree is dirty" test "$(version_of "$repo")" = "0.2.0+1.g$second.dirty"
expect_true "the header defines it" grep -qF "#define ROLO_VERSION \"0.2.0+1.g$second.dirty\"" "$TMP/out/rolo_version.hpp"
expect_true "the changelog's entry has it" test "$(zcat "$TMP/out/changelog.gz" | head -1)" = \
    "rolo (0.2.0+1.g$second.dirty) unstable; urgency=medium"

finish
