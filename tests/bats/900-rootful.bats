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

@test "rootful: run with the default network (pasta), none, and a published port" {
    run_burrow import "$(fixture_rootfs_tar)" "$IMAGE"
    run_burrow run --rm $IMAGE sh -c 'id -u; ip -4 addr show | grep -c "inet .*global"'
    is "$output" "0
1" "root inside, one global address from pasta"
    run_burrow run --rm --network none $IMAGE sh -c 'ls /sys/class/net'
    is "$output" "lo"
    local port name
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    name=$(unique_name rootweb)
    run_burrow run -d --name "$name" -p 127.0.0.1:$port:80 $IMAGE sh -c 'mkdir -p /w && echo rootful > /w/index.html && exec httpd -f -p 80 -h /w'
    local i out=
    for ((i = 0; i < 50; i++)); do
        out=$(curl -s --max-time 2 "http://127.0.0.1:$port/index.html") && break
        sleep 0.1
    done
    is "$out" "rootful" "the published port answers"
    run_burrow rm -f -t 0 "$name"
}
