#!/usr/bin/env bats
#
# issue 7: bind mounts (-v /host:/ctr[:opts], --mount type=bind), tmpfs (--tmpfs,
# --mount type=tmpfs), --read-only, and mount targets that can never land outside
# the container's root.

load helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

@test "bind: read and write a host directory; files stay the user's" {
    local d=$BURROW_TEST_TMPDIR/src
    mkdir -p "$d"
    echo from-host >"$d/in"
    run_burrow run --rm -v "$d:/src" $IMAGE sh -c 'cat /src/in; echo from-ctr > /src/out'
    is "$output" "from-host"
    is "$(cat "$d/out")" "from-ctr"
    assert "$(stat -c %u "$d/out")" == "$(id -u)" "a file written by container root is the user's"
    run_burrow inspect --format '{{range .Mounts}}{{.Type}} {{.Source}} {{.Destination}} {{.RW}} {{.Propagation}}{{end}}' \
        "$(_burrow_direct create -v "$d:/src" $IMAGE true)"
    is "$output" "bind $d /src true rprivate"
}

@test "bind: :ro, --mount readonly, a file source, and a relative source" {
    local d=$BURROW_TEST_TMPDIR/ro
    mkdir -p "$d"
    echo data >"$d/f"
    run_burrow 1 run --rm -v "$d:/ro:ro" $IMAGE sh -c 'cat /ro/f; touch /ro/new'
    assert "$output" =~ "data" "readable"
    assert "$output" =~ "Read-only file system" "not writable"
    run_burrow 1 run --rm --mount "type=bind,src=$d,target=/ro,readonly" $IMAGE touch /ro/new
    assert "$output" =~ "Read-only file system"
    run_burrow run --rm -v "$d/f:/etc/myfile:ro" $IMAGE cat /etc/myfile
    is "$output" "data"
    cd "$BURROW_TEST_TMPDIR"
    run_burrow run --rm -v "./ro:/rel" $IMAGE cat /rel/f
    is "$output" "data"
    [[ ! -e $d/new ]] || die "the read-only mount was written"
}

@test "bind: nosuid,nodev,noexec options and propagation are applied" {
    local d=$BURROW_TEST_TMPDIR/opts
    mkdir -p "$d"
    run_burrow run --rm -v "$d:/o:noexec,nosuid,rslave,z" $IMAGE sh -c 'grep " /o " /proc/self/mountinfo'
    assert "$output" =~ "noexec" "noexec applied"
    assert "$output" =~ "nosuid" "nosuid applied"
}

@test "bind: :O overlays the host directory with a throw-away upper" {
    local d=$BURROW_TEST_TMPDIR/lower
    mkdir -p "$d"
    echo orig >"$d/f"
    run_burrow run --rm -v "$d:/o:O" $IMAGE sh -c 'echo changed > /o/f; echo new > /o/new; cat /o/f'
    is "$output" "changed"
    is "$(cat "$d/f")" "orig" "the host file is unchanged"
    [[ ! -e $d/new ]] || die "a file written in the overlay reached the host"
}

@test "bind: :U chowns the source to the container's user" {
    local d=$BURROW_TEST_TMPDIR/chown
    mkdir -p "$d"
    touch "$d/f"
    run_burrow run --rm -u 1000 -v "$d:/u:U" $IMAGE sh -c 'stat -c %u:%g /u /u/f; touch /u/mine'
    is "$output" "1000:1000
1000:1000"
    assert "$(stat -c %u "$d")" != "$(id -u)" "on the host the dir belongs to a subordinate uid"
    run_burrow unshare rm -rf "$d"
}

@test "bind: podman's errors for bad input" {
    run_burrow 125 run --rm -v /nonexistent-burrow-src:/x $IMAGE true
    is "$output" "Error: statfs /nonexistent-burrow-src: no such file or directory"
    run_burrow 125 run --rm --mount type=bind,src=/nonexistent-burrow-src,dst=/x $IMAGE true
    is "$output" "Error: statfs /nonexistent-burrow-src: no such file or directory"
    local d=$BURROW_TEST_TMPDIR/e
    mkdir -p "$d"
    run_burrow 125 run --rm -v "$d:/x:bogus" $IMAGE true
    is "$output" "Error: unknown mount option \"bogus\": invalid mount option"
    run_burrow 125 run --rm -v "$d:relative" $IMAGE true
    is "$output" "Error: invalid container path \"relative\", must be an absolute path"
    run_burrow 125 run --rm --mount "type=bind,src=$d,dst=/x,foo=bar" $IMAGE true
    is "$output" "Error: \"foo\": invalid mount option"
    run_burrow 125 run --rm -v "$d:/x" --tmpfs /x $IMAGE true
    is "$output" "Error: /x: duplicate mount destination"
    # A directory onto a file of the image: the kernel refuses.
    run_burrow 125 run --rm -v "$d:/etc/passwd" $IMAGE true
    assert "$output" =~ "/etc/passwd.*(Not a directory|ENOTDIR)"
}

@test "tmpfs: --tmpfs and --mount type=tmpfs with size and mode" {
    run_burrow run --rm --tmpfs /scratch:size=1m,mode=0700 $IMAGE sh -c \
        'stat -c %a /scratch; grep " /scratch " /proc/self/mountinfo; dd if=/dev/zero of=/scratch/big bs=1k count=2048 2>&1; true'
    assert "${lines[0]}" == "700" "mode"
    assert "$output" =~ "tmpfs" "a tmpfs"
    assert "$output" =~ "noexec" "noexec by default, as podman"
    assert "$output" =~ "No space left on device" "size=1m is enforced"
    run_burrow run --rm --mount type=tmpfs,dst=/t,tmpfs-mode=1777 $IMAGE stat -c %a /t
    is "$output" "1777"
    run_burrow 125 run --rm --tmpfs /t:bogus $IMAGE true
    is "$output" "Error: unknown mount option \"bogus\": invalid mount option"
}

@test "--read-only: the root is read-only, the default tmpfs dirs and volumes are writable" {
    local d=$BURROW_TEST_TMPDIR/rw
    mkdir -p "$d"
    run_burrow 1 run --rm --read-only $IMAGE touch /etc/x
    assert "$output" =~ "Read-only file system"
    run_burrow run --rm --read-only -v "$d:/data" $IMAGE sh -c 'touch /tmp/a /var/tmp/b /run/c /data/d && echo ok'
    is "$output" "ok"
    run_burrow 1 run --rm --read-only --read-only-tmpfs=false $IMAGE touch /tmp/a
}

@test "tmpcopyup: tmpfs dirs start with the image's content (--read-only, --tmpfs, --mount); notmpcopyup keeps them empty" {
    local img=localhost/tmpcopyup:latest ctx=$BURROW_TEST_TMPDIR/ctx
    mkdir -p "$ctx"
    printf 'FROM %s\nRUN mkdir -p /var/tmp && echo t > /tmp/fromimage && echo v > /var/tmp/fromimage && mkdir -p /srv/sub && echo s > /srv/sub/f && chown -R 1000:1000 /srv/sub\n' \
        "$IMAGE" >"$ctx/Containerfile"
    run_burrow build -t $img "$ctx"
    run_burrow run --rm --read-only $img sh -c 'cat /tmp/fromimage /var/tmp/fromimage; echo new > /tmp/fromimage && echo written'
    is "$output" "t
v
written" "--read-only's tmpfs /tmp and /var/tmp hold the image's files, writable"
    run_burrow run --rm --tmpfs /srv $img sh -c 'grep -c " /srv tmpfs" /proc/self/mounts; cat /srv/sub/f; stat -c %u:%g /srv/sub/f'
    is "$output" "1
s
1000:1000" "--tmpfs copies up by default, owners kept"
    run_burrow run --rm --mount type=tmpfs,dst=/srv $img cat /srv/sub/f
    is "$output" "s" "--mount type=tmpfs too"
    run_burrow run --rm --tmpfs /srv:notmpcopyup $img ls -A /srv
    is "$output" "" "notmpcopyup: empty"
    run_burrow run --rm --mount type=tmpfs,dst=/srv,notmpcopyup $img ls -A /srv
    is "$output" "" "notmpcopyup with --mount: empty"
    run_burrow run --rm $img cat /tmp/fromimage
    is "$output" "t" "the image is unchanged"
}

@test "escape: a symlink on a shared volume can't move a mount target out of the root" {
    local sentinel=$BURROW_TEST_TMPDIR/sentinel src=$BURROW_TEST_TMPDIR/s
    mkdir -p "$sentinel" "$src"
    local vol
    vol=v-$(random_string 8 | tr 'A-Z' 'a-z')
    run_burrow run --rm -v "$vol:/shared" $IMAGE sh -c "ln -s $sentinel /shared/link; ln -s / /shared/root"
    run_burrow run --rm -v "$vol:/shared" -v "$src:/shared/link/sub" -v "$src:/shared/root/escaped" $IMAGE \
        sh -c "ls -d $sentinel/sub /escaped"
    assert "$output" =~ "$sentinel/sub" "the mount went inside the container's root"
    is "$(ls -A "$sentinel")" "" "the sentinel host directory is untouched"
    [[ ! -e /escaped ]] || die "/escaped was created on the host"
}

@test "--userns: host is the default; an invalid mode is podman's error" {
    run_burrow run --rm --userns=host $IMAGE cat /proc/self/uid_map
    assert "${lines[0]}" =~ "^ *0 +$(id -u) +1$" "host: the per-user namespace itself"
    run_burrow 125 run --rm --userns=bogus $IMAGE true
    is "$output" "Error: unrecognized namespace mode bogus passed"
    run_burrow 125 run --rm --userns=private $IMAGE true
    assert "$output" =~ "--userns=private is not supported" "modes not built say so"
}
