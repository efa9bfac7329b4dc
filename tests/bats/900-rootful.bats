#!/usr/bin/env bats
#
# Rootful smoke test: burrow run by real root, against a throw-away store
# (--root/--runroot in the test's temp dir), never the machine's own.
# tests/run.sh runs this file as root; as any other user it skips.

load helpers

setup() {
    if is_rootless; then
        skip "rootful tests need uid 0"
    fi
    basic_setup
    # shellcheck disable=SC2034  # read by run_burrow
    BURROW_GLOBAL_OPTS=(--root "$BURROW_TEST_TMPDIR/root" --runroot "$BURROW_TEST_TMPDIR/run")
}

teardown() {
    if ! is_rootless; then
        basic_teardown
    fi
}

@test "rootful: import, images, image inspect, rmi" {
    local tarball
    tarball=$(fixture_rootfs_tar)

    run_burrow 1 image exists "$IMAGE"

    run_burrow import "$tarball" "$IMAGE"
    local imported=${lines[-1]}
    imported=${imported#sha256:}

    run_burrow image exists "$IMAGE"

    run_burrow images
    assert_line_matches "^localhost/busybox +test +[0-9a-f]{12} " "images lists $IMAGE"

    run_burrow images --format '{{.Repository}}:{{.Tag}}'
    is "$output" "$IMAGE" "images --format"

    run_burrow image inspect --format '{{.Id}}' "$IMAGE"
    is "$output" "[0-9a-f]{64}" "image inspect .Id"
    assert "$output" == "$imported" "import printed the image id"

    run_burrow rmi "$IMAGE"
    assert "$output" =~ "Untagged: $IMAGE" "rmi says what it untagged"
    run_burrow 1 image exists "$IMAGE"
    run_burrow images --format '{{.Repository}}:{{.Tag}}'
    is "$output" "" "no images left"

    # the throw-away store was used, nothing else
    [[ -d $BURROW_TEST_TMPDIR/root ]] || die "--root $BURROW_TEST_TMPDIR/root was not used"
}
