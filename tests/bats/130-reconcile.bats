#!/usr/bin/env bats
#
# A killed monitor or CLI never leaves a wedged store: the next command reconciles.

load helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

@test "SIGKILL of the monitor: the container is recorded as exited (-1) and nothing is left" {
    local name
    name=$(unique_name mon)
    run_burrow run -d --name "$name" $IMAGE sleep 1000
    local id=$output
    run_burrow inspect --format '{{.State.Pid}}' "$name"
    local cpid=$output
    local mpid
    mpid=$(monitor_pid_of "$id")
    kill -9 "$mpid"
    wait_until 10 sh -c "! kill -0 $cpid 2>/dev/null"
    run_burrow ps -a --format '{{.Names}} {{.Status}}' --filter "name=$name"
    is "$output" "$name Exited \(-1\) .*" "exited with -1"
    run_burrow inspect --format '{{.State.ExitCode}}|{{.State.Error}}' "$name"
    is "$output" "-1\|the container's monitor \(pid $mpid\) was killed.*" "says why"
    run_burrow rm -f "$name"
    run_burrow 1 container exists "$name"
    # No overlay of the container is left mounted anywhere we can see.
    run grep -c "$id" /proc/self/mountinfo
    is "$output" "0"
}

@test "SIGKILL of a foreground run: the container keeps running under its monitor" {
    local name
    name=$(unique_name fg)
    "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" run --name "$name" $IMAGE sleep 1000 </dev/null >/dev/null 2>&1 &
    local cli=$!
    local t
    for ((t = 0; t < 100; t++)); do
        [[ $(_burrow_direct inspect --format '{{.State.Status}}' "$name" 2>/dev/null) == running ]] && break
        sleep 0.1
    done
    kill -9 "$cli"
    wait "$cli" 2>/dev/null || true
    run_burrow inspect --format '{{.State.Status}}' "$name"
    is "$output" "running" "the monitor, not the CLI, holds the container"
    run_burrow rm -f "$name"
}

@test "the runtime dir vanishing (a reboot) marks running containers exited" {
    local name root run
    root=$BURROW_TEST_TMPDIR/root
    run=$BURROW_TEST_TMPDIR/run
    local BURROW_GLOBAL_OPTS=(--root "$root" --runroot "$run")
    run_burrow import "$(fixture_rootfs_tar)" "$IMAGE"
    name=$(unique_name rb)
    run_burrow run -d --name "$name" $IMAGE sleep 1000
    local id=$output
    kill -9 "$(cat "$run/ctr/$id/monitor.pid")"
    rm -rf "$run/ctr"
    run_burrow ps -a --format '{{.Status}}'
    is "$output" "Exited \(-1\) .*"
    run_burrow rm "$name"
    kill -9 "$(cat "$run/pause.pid")" 2>/dev/null || true
}
