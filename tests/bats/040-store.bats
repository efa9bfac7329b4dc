#!/usr/bin/env bats
#
# The store: lock contention, crash recovery, --root/--runroot.

load helpers

MKTAR="$BATS_TEST_DIRNAME/../fixtures/mktar.py"

setup() {
    basic_setup
}

teardown() {
    if [[ -n ${HOLDER_PID:-} ]]; then
        kill -9 "$HOLDER_PID" 2>/dev/null || true
        wait "$HOLDER_PID" 2>/dev/null || true
    fi
    basic_teardown
}

@test "--root and --runroot put the store where asked" {
    local root=$BURROW_TEST_TMPDIR/root run=$BURROW_TEST_TMPDIR/run
    local BURROW_GLOBAL_OPTS=(--root "$root" --runroot "$run")
    run_burrow info --format '{{.Store.GraphRoot}} {{.Store.RunRoot}} {{.Store.GraphDriverName}}'
    is "$output" "$root $run overlay"
    run_burrow import "$(fixture_rootfs_tar)" rooted
    test -f "$root/burrow.db"
    run_burrow images --format '{{.Repository}}'
    is "$output" "localhost/rooted"
    run_burrow rmi rooted
    local BURROW_GLOBAL_OPTS=()
    run_burrow 1 image exists localhost/rooted
    # the runroot holds its own pause process; stop it
    if [[ -f $run/pause.pid ]]; then kill -9 "$(cat "$run/pause.pid")" || true; fi
}

@test "without XDG_RUNTIME_DIR the runtime dir is a private dir in /dev/shm; a shared one is refused" {
    [[ -z ${BURROW_OPTS:-} ]] || skip "the rootful run passes --runroot"
    [[ -w /dev/shm ]] || skip "no /dev/shm here"
    local dir=/dev/shm/burrow-run-$(id -u)
    [[ ! -e $dir ]] || skip "$dir exists already (another session of this user)"
    mkdir -m 0777 "$dir"
    chmod 0777 "$dir"
    XDG_RUNTIME_DIR= run_burrow 125 info
    is "$output" "Error: the runtime directory $dir is not a private directory of this user \(owner uid $(id -u), mode 777\)
remove it, or set XDG_RUNTIME_DIR \(or --runroot\) to a directory of your own"
    rmdir "$dir"
    XDG_RUNTIME_DIR= run_burrow info --format '{{.Store.RunRoot}}'
    is "$output" "$dir"
    is "$(stat -c '%a %u' "$dir")" "700 $(id -u)" "made private, by this user"
    if [[ -f $dir/pause.pid ]]; then kill -9 "$(cat "$dir/pause.pid")" || true; fi
    rm -rf "$dir"
}

@test "a held store lock: waits naming the holder, then times out" {
    ensure_test_image
    local fifo=$BURROW_TEST_TMPDIR/fifo
    mkfifo "$fifo"
    # `load` from stdin takes the lock and then blocks reading the fifo.
    "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" load <"$fifo" >"$BURROW_TEST_TMPDIR/holder.log" 2>&1 &
    HOLDER_PID=$!
    exec 7>"$fifo"
    # Wait (bounded) until the holder has written itself into the lock file.
    local lockfile
    lockfile="$(burrow_root)/store.lock"
    wait_until 10 grep -q "load" "$lockfile"

    local name
    name=$(unique_name locked)
    BURROW_LOCK_TIMEOUT=1 run_burrow 125 import "$(fixture_rootfs_tar)" "$name"
    assert "$output" =~ "waiting for store lock held by PID $HOLDER_PID \(.*burrow.* load\)" "names the holder"
    assert "$output" =~ "Error: timed out after 1s waiting for store lock held by PID $HOLDER_PID" "times out"
    run_burrow 1 image exists "$name"

    # Readers don't need the lock
    run_burrow images --format '{{.Repository}}:{{.Tag}}'
    assert "$output" =~ "$IMAGE"

    exec 7>&-
    kill -9 "$HOLDER_PID" 2>/dev/null || true
    wait "$HOLDER_PID" 2>/dev/null || true
    HOLDER_PID=
    # The lock dies with its holder.
    run_burrow import "$(fixture_rootfs_tar)" "$name"
    run_burrow image exists "$name"
}

@test "kill -9 during load leaves a store the next command repairs" {
    ensure_test_image
    local big=$BURROW_TEST_TMPDIR/big-layer.tar archive=$BURROW_TEST_TMPDIR/big.tar name
    name=$(unique_name big)
    python3 "$MKTAR" big-layer "$big" 512
    python3 "$MKTAR" docker-archive "$archive" "$big" --name "$name"
    rm -f "$big"
    local before
    run_burrow images -a --no-trunc --format '{{.ID}} {{.Repository}}:{{.Tag}}'
    before=$output

    local i killed=0
    for i in 1 2 3; do
        "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" load -i "$archive" >/dev/null 2>&1 &
        local pid=$!
        # Kill it once it has started writing a staging layer (bounded wait).
        local t
        for ((t = 0; t < 400; t++)); do
            staging_exists && break
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.05
        done
        if staging_exists; then
            kill -9 "$pid" 2>/dev/null || true
            killed=1
        fi
        wait "$pid" 2>/dev/null || true
        ((killed)) && break
        run_burrow rmi -f "docker.io/library/$name"
    done
    ((killed)) || skip "load finished before it could be killed"

    staging_exists || die "expected leftovers of the killed load"
    # No partial image is visible, even before a repair.
    run_burrow images -a --no-trunc --format '{{.ID}} {{.Repository}}:{{.Tag}}'
    is "$output" "$before" "the killed load left no image"
    # The next command that takes the lock repairs.
    run_burrow rmi -f nosuchimage
    assert_no_staging_left
    run_burrow load -i "$archive"
    is "$output" "Loaded image: docker.io/library/$name:latest" "loading again succeeds"
    run_burrow rmi "docker.io/library/$name"
}

@test "leftover layer dirs without records are removed under the lock" {
    ensure_test_image
    local layers
    layers="$(burrow_root)/layers"
    mkdir -p "$layers/.tmp-deadbeef-1/diff" "$layers/$(printf 'f%.0s' {1..64})/diff"
    run_burrow rmi -f nosuchimage
    run ls -A "$layers"
    assert "$output" !~ "tmp-deadbeef" "staging dir removed"
    assert "$output" !~ "ffffffff" "unrecorded layer removed"
    run_burrow image exists $IMAGE
    run_burrow unshare test -x "$(layer_diff_of $IMAGE)/bin/busybox"
}

@test "concurrent imports of the same tarball both succeed and share the layer" {
    local tarball a b
    tarball=$(fixture_rootfs_tar)
    a=$(unique_name ca)
    b=$(unique_name cb)
    "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" import "$tarball" "$a" >"$BURROW_TEST_TMPDIR/a.log" 2>&1 &
    local pa=$!
    "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" import "$tarball" "$b" >"$BURROW_TEST_TMPDIR/b.log" 2>&1 &
    local pb=$!
    wait $pa || die "import a failed: $(cat "$BURROW_TEST_TMPDIR/a.log")"
    wait $pb || die "import b failed: $(cat "$BURROW_TEST_TMPDIR/b.log")"
    run_burrow image inspect --format '{{.GraphDriver.Data.UpperDir}}' "$a"
    local da=$output
    run_burrow image inspect --format '{{.GraphDriver.Data.UpperDir}}' "$b"
    is "$output" "$da" "one layer directory serves both"
}
