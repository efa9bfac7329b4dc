#!/usr/bin/env bats
#
# Layer extraction is a trust boundary: hostile tarballs must not create, follow or link
# anything outside the layer, and a refused one leaves the store as it was.

load helpers

MKTAR="$BATS_TEST_DIRNAME/../fixtures/mktar.py"

setup() {
    basic_setup
    SENTINEL=$BURROW_TEST_TMPDIR/sentinel
    mkdir -p "$SENTINEL"
    echo "precious" >"$SENTINEL/target"
}

teardown() {
    basic_teardown
}

sentinel_untouched() {
    run ls -A "$SENTINEL"
    is "$output" "target" "nothing new appeared in the sentinel directory"
    is "$(cat "$SENTINEL/target")" "precious" "the sentinel file is unchanged"
}

try_evil() {
    local kind=$1 expect=$2
    local tarball=$BURROW_TEST_TMPDIR/$kind.tar name
    name=$(unique_name evil)
    python3 "$MKTAR" evil "$kind" "$tarball" "$SENTINEL"
    run_burrow images -a --no-trunc --format '{{.ID}}'
    local before=$output
    run_burrow 125 import "$tarball" "$name"
    is "$output" "Error: layer .*: $expect" "$kind is refused, naming the entry"
    sentinel_untouched
    run_burrow images -a --no-trunc --format '{{.ID}}'
    is "$output" "$before" "$kind: no image was added"
    assert_no_staging_left
}

@test "extract: .. paths are refused" {
    try_evil dotdot '.*entry "\.\./.*'
    try_evil dotdot-inner '.*entry "a/\.\./.*'
}

@test "extract: paths through symlinks pointing out are refused" {
    try_evil abs-symlink '.*entry "evil/pwned".*symlink.*'
    try_evil rel-symlink '.*entry "evil/pwned".*symlink.*'
    try_evil symlink-chain '.*entry "b/pwned".*symlink.*'
}

@test "extract: hardlinks to outside are refused" {
    try_evil hardlink-out '.*entry "evil".*'
    try_evil hardlink-dotdot '.*entry "evil".*'
}

@test "extract: whiteouts through a symlink are refused" {
    try_evil whiteout-symlink '.*entry "evil/\.wh\.target".*symlink.*'
}

@test "extract: a file replacing a symlink does not write through it" {
    local tarball=$BURROW_TEST_TMPDIR/replace.tar name
    name=$(unique_name repl)
    python3 "$MKTAR" evil symlink-then-file "$tarball" "$SENTINEL"
    run_burrow import "$tarball" "$name"
    sentinel_untouched
    run_burrow unshare cat "$(layer_diff_of "$name")/evil"
    is "$output" "replaced" "the file replaced the symlink inside the layer"
}

@test "extract: ownership, modes, symlinks and hardlinks of the busybox image" {
    ensure_test_image
    local dir
    dir="$(layer_diff_of $IMAGE)"
    run_burrow unshare stat -c '%u:%g %a' "$dir/home/user" "$dir/tmp" "$dir/bin/busybox"
    is "${lines[0]}" "1000:1000 755" "home/user keeps uid 1000 through the user namespace"
    is "${lines[1]}" "0:0 1777" "tmp keeps its sticky bit"
    is "${lines[2]}" "0:0 755" "busybox is executable"
    run_burrow unshare readlink "$dir/bin/sh"
    is "$output" "busybox" "applet symlinks are kept"
    # Seen from the host, container uid 1000 is a subordinate id
    if is_rootless; then
        run stat -c '%u' "$dir/home/user"
        assert "$output" != "1000" "the host sees a subordinate uid, not uid 1000"
        assert "$output" != "$(id -u)" "not the user's own uid either"
    fi
}
