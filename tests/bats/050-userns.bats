#!/usr/bin/env bats
#
# The per-user user namespace: unshare, the pause process, no subordinate ids.

load helpers

setup() {
    basic_setup
    skip_if_rootful "the user namespace is for rootless mode"
}

teardown() {
    basic_teardown
}

@test "unshare runs commands as root of the user namespace with the subuid map" {
    run_burrow unshare id -u
    is "$output" "0"
    run_burrow unshare cat /proc/self/uid_map
    is "${lines[0]}" " *0 +$(id -u) +1" "container root is the user"
    local start
    start=$(awk -F: -v u="$(id -un)" '$1 == u {print $2; exit}' /etc/subuid)
    is "${lines[1]}" " *1 +$start +[0-9]+" "then the /etc/subuid range"
    run_burrow 7 unshare sh -c 'exit 7'
    run_burrow 127 unshare /nonexistent/cmd
}

@test "a killed pause process is recreated by the next command" {
    run_burrow unshare true
    local pidfile
    pidfile="$(burrow_runroot)/pause.pid"
    local pid
    pid=$(cat "$pidfile")
    kill -9 "$pid"
    wait_until 10 sh -c "! kill -0 $pid 2>/dev/null"
    run_burrow unshare sh -c 'echo $PPID'
    local newpid
    newpid=$(cat "$pidfile")
    assert "$newpid" != "$pid" "a new pause process"
    kill -0 "$newpid" || die "the new pause process $newpid is not running"
    run_burrow unshare cat /proc/self/uid_map
    is "${lines[1]}" " *1 +[0-9]+ +[0-9]+" "with the subordinate range again"
    # and commands keep working against the same store
    ensure_test_image
    run_burrow unshare test -x "$(layer_diff_of $IMAGE)/bin/busybox"
}

@test "the first container after the pause process was killed starts (its copy may be unfinished)" {
    ensure_test_image
    local i pid
    for i in 1 2 3; do
        run_burrow unshare true
        pid=$(cat "$(burrow_runroot)/pause.pid")
        kill -9 "$pid"
        wait_until 10 sh -c "! kill -0 $pid 2>/dev/null"
        run_burrow run --rm --network none $IMAGE echo "started $i"
        is "$output" "started $i"
    done
}

@test "commands share one namespace (one pause process)" {
    run_burrow unshare readlink /proc/self/ns/user
    local ns1=$output
    run_burrow unshare readlink /proc/self/ns/user
    assert "$output" == "$ns1" "same namespace every time"
}

@test "no subordinate range: own id only, a warning with the usermod fix, 125 for images needing more" {
    local run=$BURROW_TEST_TMPDIR/run root=$BURROW_TEST_TMPDIR/root
    local empty=$BURROW_TEST_TMPDIR/empty
    : >"$empty"
    local BURROW_GLOBAL_OPTS=(--root "$root" --runroot "$run")
    BURROW_SUBUID_FILE=$empty BURROW_SUBGID_FILE=$empty run_burrow unshare cat /proc/self/uid_map
    assert "$output" =~ "WARN: no subordinate ids for user \"$(id -un)\"" "warns"
    assert "$output" =~ "sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 $(id -un)" "with the exact fix"
    assert "$output" =~ " *0 +$(id -u) +1" "maps the user's own id"
    # Only once: the namespace exists now.
    BURROW_SUBUID_FILE=$empty BURROW_SUBGID_FILE=$empty run_burrow unshare true
    is "$output" "" "the warning is not repeated"

    # The busybox image has a directory owned by uid 1000: it can't be stored faithfully.
    BURROW_SUBUID_FILE=$empty BURROW_SUBGID_FILE=$empty run_burrow 125 import "$(fixture_rootfs_tar)" nosub
    assert "$output" =~ "Error: layer .*home/user.*" "names the entry"
    assert "$output" =~ "/etc/subuid" "and the fix"
    run_burrow images -a --format '{{.ID}}'
    is "$output" "" "nothing was stored"
    kill -9 "$(cat "$run/pause.pid")" || true
}

@test "info reports id mappings and helpers" {
    run_burrow info --format '{{.Host.Security.Rootless}} {{.Store.GraphDriverName}}'
    is "$output" "true overlay"
    run_burrow info --format json
    assert "$output" =~ '"uidmap": \[' "json keeps podman's json keys"
    run_burrow info
    assert "$output" =~ "graphDriverName: overlay" "yaml-ish default"
    assert "$output" =~ "newuidmap:" "helpers listed"
    assert "$output" =~ "executable: /usr/bin/newuidmap" "newuidmap found"
    assert "$output" =~ "pasta:" "pasta listed"
    assert "$output" =~ "slirp4netns:" "slirp4netns listed"
    assert "$output" =~ "fuse-overlayfs:" "fuse-overlayfs listed"
    assert "$output" =~ "kernel: " "kernel"
}
