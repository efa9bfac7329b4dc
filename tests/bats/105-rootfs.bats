#!/usr/bin/env bats
#
# The container's root filesystem, three ways (issue 3, point 1): kernel overlay in the
# user namespace, fuse-overlayfs (--storage-opt mount_program=... or storage.conf) and a
# copy of the layers (--storage-driver vfs). Each must show the image as its layers say
# (whiteouts, opaque directories), let the container delete files of a lower layer, and
# leave the image intact.

load helpers

FUSE=/usr/bin/fuse-overlayfs

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

# layered_image: an image of three layers whose upper ones delete a file and replace a
# directory of the lower ones (a whiteout and an opaque directory).
layered_image() {
    LAYERED=localhost/rootfs-layers:latest
    run_burrow '?' image exists $LAYERED
    if ((status == 0)); then return 0; fi
    local ctx=$BURROW_TEST_TMPDIR/ctx
    mkdir -p "$ctx"
    cat >"$ctx/Containerfile" <<EOF
FROM $IMAGE
RUN mkdir -p /opq && echo lower > /opq/a && echo low > /etc/lowfile
RUN rm /etc/lowfile && rm -rf /opq && mkdir /opq && echo upper > /opq/b
EOF
    run_burrow build -t $LAYERED "$ctx"
}

# check_rootfs GLOBAL_OPTS...: the layered image reads right and a lower file can go.
check_rootfs() {
    layered_image
    run_burrow "$@" run --rm $LAYERED sh -c 'ls /opq; test -e /etc/lowfile || echo whiteout-ok'
    is "${lines[0]}" "b" "the opaque directory hides the lower layer's /opq/a"
    is "${lines[1]}" "whiteout-ok" "the whiteout hides /etc/lowfile"
    run_burrow "$@" run --rm $LAYERED sh -c 'rm /bin/ls /opq/b && test ! -e /bin/ls && test ! -e /opq/b && echo deleted'
    is "$output" "deleted" "files of lower layers can be deleted"
    run_burrow "$@" run --rm -u 1000 $LAYERED sh -c 'cat /opq/b && touch /home/user/mine && echo user-ok'
    is "$output" "upper
user-ok" "a non-root user of the container reads and writes its files"
    run_burrow "$@" run --rm $LAYERED sh -c 'test -e /bin/ls && cat /opq/b'
    is "$output" "upper" "the image is intact"
}

# fuse_daemon ID: the fuse-overlayfs serving that container, if any (the [/] keeps the
# pattern from matching a shell that runs this).
fuse_daemon() {
    pgrep -f "fuse-overlayfs .*[/]$1/merged"
}

# root_fstype GLOBAL_OPTS...: the filesystem type of the container's /.
root_fstype() {
    run_burrow "$@" run --rm $IMAGE sh -c 'grep " / " /proc/self/mounts | cut -d" " -f3'
}

@test "rootfs: kernel overlay shows whiteouts and opaque dirs and deletes lower files" {
    is_rootless || skip "the rootful store runs in 900-rootful"
    run_burrow info --format '{{.Store.GraphDriverName}} {{index .Store.GraphStatus "Rootfs Mount"}}'
    if [[ $output != "overlay overlay" ]]; then
        skip "this kernel can't mount overlay in a user namespace ($output)"
    fi
    root_fstype
    is "$output" "overlay"
    check_rootfs
}

@test "rootfs: fuse-overlayfs with --storage-opt mount_program" {
    skip_if_missing $FUSE
    [[ -c /dev/fuse && -w /dev/fuse ]] || skip "/dev/fuse is not usable here"
    local opt=(--storage-opt "mount_program=$FUSE")
    run_burrow "${opt[@]}" info --format '{{index .Store.GraphStatus "Rootfs Mount"}} {{index .Store.GraphStatus "Native Overlay Diff"}}'
    is "$output" "fuse-overlayfs false" "info says fuse-overlayfs is in use"
    run_burrow "${opt[@]}" info --format json
    assert "$output" =~ "\"overlay.mount_program\": \{" "graphOptions name the mount program"
    assert "$output" =~ "\"Executable\": \"$FUSE\"" "with its path"
    root_fstype "${opt[@]}"
    is "$output" "fuse.fuse-overlayfs" "the container's root is a fuse-overlayfs mount"
    check_rootfs "${opt[@]}"
}

@test "rootfs: fuse-overlayfs from storage.conf; no daemon is left after stop, rm -f or a killed monitor" {
    skip_if_missing $FUSE
    [[ -c /dev/fuse && -w /dev/fuse ]] || skip "/dev/fuse is not usable here"
    local conf=$BURROW_TEST_TMPDIR/storage.conf
    printf '[storage]\ndriver = "overlay"\n\n[storage.options.overlay]\nmount_program = "%s"\n' $FUSE >"$conf"
    export CONTAINERS_STORAGE_CONF=$conf
    run_burrow info --format '{{.Store.ConfigFile}} {{index .Store.GraphStatus "Rootfs Mount"}}'
    is "$output" "$conf fuse-overlayfs" "info names the file and the backend"
    root_fstype
    is "$output" "fuse.fuse-overlayfs"
    # --storage-opt replaces the file's options: "" clears them.
    root_fstype --storage-opt ""
    assert "$output" != "fuse.fuse-overlayfs" "--storage-opt \"\" drops the file's mount_program"

    local name id
    name=$(unique_name fuse)
    run_burrow run -d --name "$name" $IMAGE sleep 1000
    id=$output
    run fuse_daemon "$id"
    assert "$status" == 0 "a fuse-overlayfs daemon serves the running container"
    run_burrow stop -t 0 "$name"
    run fuse_daemon "$id"
    assert "$status" == 1 "no daemon after stop: $output"
    run grep -c "$id" /proc/self/mountinfo
    is "$output" "0" "nothing mounted here"

    run_burrow start "$name"
    run fuse_daemon "$id"
    assert "$status" == 0 "start mounts it again"
    run_burrow rm -f "$name"
    run fuse_daemon "$id"
    assert "$status" == 1 "no daemon after rm -f: $output"

    run_burrow run -d --name "$name" $IMAGE sleep 1000
    id=$output
    kill -9 "$(monitor_pid_of "$id")"
    wait_until 10 sh -c "! pgrep -f 'fuse-overlayfs .*[/]$id/merged'"
    run_burrow ps -a --format '{{.Names}} {{.Status}}' --filter "name=$name"
    is "$output" "$name Exited \(-1\) .*" "reconciled as exited"
    run_burrow rm -f "$name"
    run fuse_daemon "$id"
    assert "$status" == 1 "no daemon after a killed monitor: $output"
}

@test "rootfs: --storage-driver vfs copies the layers" {
    run_burrow --storage-driver vfs info --format '{{.Store.GraphDriverName}} {{index .Store.GraphStatus "Rootfs Mount"}}'
    is "$output" "vfs vfs"
    root_fstype --storage-driver vfs
    assert "$output" != "overlay" "not an overlay"
    assert "$output" != "fuse.fuse-overlayfs" "not fuse-overlayfs either"
    check_rootfs --storage-driver vfs
    # A copy is the container's own: a change stays with it across restarts.
    local name
    name=$(unique_name vfs)
    run_burrow --storage-driver vfs create --name "$name" $IMAGE sh -c 'cat /kept 2>/dev/null; echo x > /kept; rm -f /bin/ls'
    run_burrow start -a "$name"
    is "$output" "" "first start: nothing kept yet"
    run_burrow start -a "$name"
    is "$output" "x" "second start sees the first one's file"
    run_burrow run --rm $IMAGE test -e /bin/ls
}

@test "rootfs: diff of a vfs copy lists what overlay's diff lists" {
    local script='rm /bin/ls; mkdir -p /new/sub; echo x > /new/sub/f; echo y >> /etc/passwd'
    local name
    name=$(unique_name diff)
    run_burrow run --name "$name-o" $IMAGE sh -c "$script"
    run_burrow diff "$name-o"
    local overlay=$output
    assert "$overlay" =~ "D /bin/ls" "overlay's diff shows the deletion"
    run_burrow --storage-driver vfs run --name "$name-v" $IMAGE sh -c "$script"
    run_burrow diff "$name-v"
    assert "$output" == "$overlay" "the same changes, not the whole copied root"

    # commit and export of the copy: the deletion is kept, the layer holds only the changes.
    run_burrow commit -q "$name-v" localhost/vfs-commit:latest
    run_burrow run --rm localhost/vfs-commit:latest sh -c 'test ! -e /bin/ls && cat /new/sub/f && tail -1 /etc/passwd'
    is "$output" "x
y" "the committed image has the copy's changes"
    run_burrow history --format '{{.Size}}' localhost/vfs-commit:latest
    local top=${lines[0]}
    assert "$top" !~ "MB" "the new layer is small ($top), not a whole root"
    "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" export "$name-v" | tar t >"$BURROW_TEST_TMPDIR/list"
    run grep -c '^bin/ls$' "$BURROW_TEST_TMPDIR/list"
    is "$output" "0" "export leaves the deleted file out"
    run grep -c '^new/sub/f$' "$BURROW_TEST_TMPDIR/list"
    is "$output" "1" "and has the new one"

    # build under vfs: a RUN step's deletion stays deleted.
    local ctx=$BURROW_TEST_TMPDIR/ctx
    mkdir -p "$ctx"
    printf 'FROM %s\nRUN rm /bin/ls && echo built > /built\n' "$IMAGE" >"$ctx/Containerfile"
    run_burrow --storage-driver vfs build -q -t localhost/vfs-build:latest "$ctx"
    run_burrow run --rm localhost/vfs-build:latest sh -c 'test ! -e /bin/ls && cat /built'
    is "$output" "built"
}

@test "rootfs: bad storage options fail with podman's messages" {
    run_burrow 125 --storage-opt mount_program=/nonexistent/fuse run --rm $IMAGE true
    is "$output" 'Error: overlay: can.t stat program "/nonexistent/fuse": stat /nonexistent/fuse: no such file or directory'
    run_burrow 125 --storage-opt nosuchoption=1 images
    is "$output" "Error: overlay: unknown option nosuchoption"
    local conf=$BURROW_TEST_TMPDIR/bad.conf
    printf '[storage\n' >"$conf"
    CONTAINERS_STORAGE_CONF=$conf run_burrow 125 images
    assert "$output" =~ "Error: $conf: " "a broken storage.conf is named"
}
