#!/usr/bin/env bats
#
# issue 7: --userns=keep-id[:uid=,gid=], nomap, auto[:size=], --uidmap/--gidmap: a user
# namespace per container inside the per-user one; the image copied once per mapping.

load helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

# subids: how many ids the per-user namespace has beyond the user (its uid_map's 2nd line).
subids() {
    _burrow_direct unshare cat /proc/self/uid_map | awk 'NR == 2 { print $3 }'
}

@test "keep-id: the user's ids inside, files in a bind mount stay theirs (both sides)" {
    local d=$BURROW_TEST_TMPDIR/src uid gid n
    uid=$(id -u)
    gid=$(id -g)
    n=$(subids)
    mkdir -p "$d"
    echo mine >"$d/mine"
    run_burrow run --rm --userns=keep-id -v "$d:/src" $IMAGE sh -c \
        'id -u; id -g; touch /src/made; ls -ln /src/mine | awk "{print \$3\":\"\$4}"; stat -c %u:%g /bin/busybox; echo HOME=$HOME'
    assert "${lines[-5]}" == "$uid" "id -u inside is the user's uid"
    is "${lines[-4]}" "$gid" "id -g inside"
    is "${lines[-3]}" "$uid:$gid" "ls -ln inside: a host file of the user"
    is "${lines[-2]}" "0:0" "the image's root files are root's (not nobody)"
    is "${lines[-1]}" "HOME=/" "HOME is the working dir, as podman"
    is "$(stat -c %u:%g "$d/made")" "$uid:$gid" "stat on the host: the file the container made is the user's"
    run_burrow run --rm --userns=keep-id $IMAGE cat /proc/self/uid_map
    assert "$output" =~ "0 +1 +$uid" "ids below the user's come from the subordinate range"
    assert "$output" =~ "$uid +0 +1" "the user maps to itself"
    assert "$output" =~ "$((uid + 1)) +$((uid + 1)) +$((n - uid))" "the rest above"
}

@test "keep-id: /etc/passwd and /etc/group entries; exec joins the namespace" {
    local uid gid
    uid=$(id -u)
    gid=$(id -g)
    if ((uid == 1000)); then skip "the fixture image has its own entry for uid 1000"; fi
    run_burrow run -d --name kid --userns=keep-id $IMAGE sleep 100
    run_burrow exec kid sh -c "id -un; awk -F: '\$3 == $uid' /etc/passwd; awk -F: '\$3 == $gid' /etc/group"
    is "$output" "$(id -un)
$(id -un):\*:$uid:$gid:.*:/:/bin/sh
$(id -gn):x:$gid:$(id -un)"
    run_burrow exec kid id -u
    is "$output" "$uid" "exec runs as the user too"
    run_burrow exec -u 0 kid cat /proc/self/uid_map
    assert "$output" =~ "$uid +0 +1" "exec is in the container's user namespace"
    run_burrow inspect --format '{{.HostConfig.UsernsMode}} {{index .HostConfig.IDMappings.UidMap 1}}' kid
    is "$output" "keep-id $uid:0:1" "inspect shows the mode and the maps"
}

@test "keep-id:uid=,gid= maps the user to the given ids" {
    local d=$BURROW_TEST_TMPDIR/src
    mkdir -p "$d"
    run_burrow run --rm --userns=keep-id:uid=2000,gid=3000 -v "$d:/src" $IMAGE sh -c \
        'id -u; id -g; touch /src/f; head -2 /proc/self/uid_map'
    is "${lines[-4]}" "2000"
    is "${lines[-3]}" "3000"
    assert "${lines[-2]}" =~ "^ *0 +1 +2000$"
    assert "${lines[-1]}" =~ "^ *2000 +0 +1$"
    is "$(stat -c %u:%g "$d/f")" "$(id -u):$(id -g)" "the host sees the user's ids"
}

@test "nomap: only the subordinate ids; the user is not mapped" {
    local d=$BURROW_TEST_TMPDIR/src n
    n=$(subids)
    mkdir -p "$d"
    chmod 0777 "$d"
    run_burrow run --rm --userns=nomap -v "$d:/src" $IMAGE sh -c \
        'id -u; cat /proc/self/uid_map; stat -c %u /bin/busybox; touch /src/f; stat -c %u /src'
    is "${lines[-4]}" "0"
    assert "${lines[-3]}" =~ "^ *0 +1 +$n$" "one line: container 0.. = the subordinate ids"
    is "${lines[-2]}" "0" "image files are root's"
    is "${lines[-1]}" "65534" "the user's own directory is nobody's inside"
    assert "$(stat -c %u "$d/f")" != "$(id -u)" "files root makes belong to a subordinate uid"
}

@test "auto: two containers get disjoint ranges; a removed container's range is reused" {
    run_burrow run -d --name au1 --userns=auto $IMAGE sleep 100
    run_burrow run -d --name au2 --userns=auto $IMAGE sleep 100
    run_burrow exec au1 cat /proc/self/uid_map
    local a=($output)
    run_burrow exec au2 cat /proc/self/uid_map
    local b=($output)
    is "${#a[@]} ${#b[@]}" "3 3" "one line each"
    is "${a[0]} ${b[0]}" "0 0"
    is "${a[2]}" "1024" "the default size (podman's minimum)"
    local a0=${a[1]} a1=$((a[1] + a[2])) b0=${b[1]} b1=$((b[1] + b[2]))
    ((a1 <= b0 || b1 <= a0)) || die "ranges overlap: [$a0,$a1) and [$b0,$b1)"
    ((a0 >= 1 && b0 >= 1)) || die "a range includes the user (id 0): $a0 $b0"
    run_burrow exec au2 stat -c %u /bin/busybox
    is "$output" "0" "image files are root's"
    run_burrow rm -f au1
    run_burrow run --rm --userns=auto $IMAGE cat /proc/self/uid_map
    assert "$output" =~ "^ *0 +$a0 +1024" "the freed range is handed out again"
    run_burrow run --rm --userns=auto:size=2000 $IMAGE cat /proc/self/uid_map
    assert "$output" =~ " 2000$" "size= is the range's size"
}

@test "--uidmap/--gidmap: podman's syntax, checked against the subordinate range" {
    run_burrow run --rm --uidmap 0:1:500 --gidmap 0:1:600 $IMAGE cat /proc/self/uid_map /proc/self/gid_map
    assert "${lines[-2]}" =~ "^ *0 +1 +500$"
    assert "${lines[-1]}" =~ "^ *0 +1 +600$"
    run_burrow run --rm --uidmap 0:100:1000 $IMAGE cat /proc/self/gid_map
    assert "${lines[-1]}" =~ "^ *0 +100 +1000$" "a --uidmap alone serves for gids too"
}

@test "userns: bad input is refused with podman's errors and leaves no container" {
    local n
    n=$(subids)
    run_burrow 125 run --rm --userns=bogus $IMAGE true
    is "$output" "Error: unrecognized namespace mode bogus passed"
    run_burrow 125 run --rm --uidmap "0:$((n - 10)):100" $IMAGE true
    assert "$output" =~ "^Error: --uidmap 0:$((n - 10)):100: .* are not available" "the range is named"
    assert "$output" =~ "/etc/subuid" "the error names /etc/subuid"
    run_burrow 125 run --rm --uidmap 0:1 $IMAGE true
    assert "$output" =~ "container_id:from_id:amount" "the format is shown"
    run_burrow 125 run --rm --userns=keep-id --uidmap 0:1:10 $IMAGE true
    assert "$output" =~ "mutually exclusive"
    run_burrow 125 run --rm --userns=keep-id:foo=1 $IMAGE true
    assert "$output" =~ 'unknown option specified: "foo"'
    run_burrow 125 create --name never --userns=keep-id:uid=$((n + 5)) $IMAGE true
    assert "$output" =~ "outside your namespace"
    run_burrow ps -a --format '{{.Names}}'
    is "$output" "" "no container was left behind"
}

@test "userns: the image is copied once per mapping (announced), reused, removed with the image" {
    local img=localhost/userns-copy:$(random_string 6 | tr 'A-Z' 'a-z') root
    run_burrow import --change "ENV COPY_TEST=$RANDOM" "$(fixture_rootfs_tar)" "$img"
    run_burrow run --rm --userns=keep-id $img true
    assert "$output" =~ "Copying image $img \([0-9.]+ MB\)" "the first run says it copies, with the size"
    run_burrow run --rm --userns=keep-id $img true
    is "$output" "" "a later run with the same mapping reuses the copy silently"
    run_burrow run --rm --userns=nomap $img true
    assert "$output" =~ "Copying image" "another mapping gets its own copy"
    root=$(burrow_root)
    local before
    before=$(ls "$root/idmapped" | wc -l)
    run_burrow rmi $img
    is "$(ls "$root/idmapped" | wc -l)" "$((before - 2))" "rmi removed both copies"
}

@test "userns: cp into a keep-id container gives files to its root" {
    local d=$BURROW_TEST_TMPDIR
    echo data >"$d/f"
    run_burrow run -d --name kcp --userns=keep-id $IMAGE sleep 100
    run_burrow cp "$d/f" kcp:/tmp/f
    run_burrow exec kcp stat -c %u:%g /tmp/f
    is "$output" "0:0"

    # A tar on stdin: its owners are the container's ids (cp -a keeps them).
    mkdir -p "$d/t"
    echo x >"$d/t/owned"
    tar -C "$d/t" --owner=1234 --group=4321 -cf "$d/t.tar" owned
    run_burrow_stdin "$d/t.tar" cp -a - kcp:/tmp
    run_burrow exec kcp stat -c %u:%g /tmp/owned
    is "$output" "1234:4321" "tar owners are ids inside the container"
    run_burrow exec kcp id -u
    local me=$output
    echo y >"$d/t/mine"
    tar -C "$d/t" --owner="$me" --group="$(id -g)" -cf "$d/mine.tar" mine
    run_burrow_stdin "$d/mine.tar" cp -a - kcp:/tmp
    assert "$(stat -c %u "$(burrow_root)"/containers/*/upper/tmp/mine 2>/dev/null | head -1)" == "$(id -u)" \
        "the user's id inside is the user on the host"
}

@test "userns: commit, export and cp give back the owners the container saw" {
    local name=$(unique_name owners) img=localhost/owners-$(random_string 6)
    run_burrow run --name "$name" --userns=auto $IMAGE sh -c 'touch /by-root; touch /by-one; chown 1:2 /by-one'
    run_burrow commit -q "$name" "$img"
    run_burrow run --rm "$img" stat -c '%n %u %g' /by-root /by-one /bin/busybox
    is "$output" "/by-root 0 0
/by-one 1 2
/bin/busybox 0 0" "owners in the committed image"
    run_burrow export -o "$BURROW_TEST_TMPDIR/owners.tar" "$name"
    run tar --numeric-owner -tvf "$BURROW_TEST_TMPDIR/owners.tar" by-root by-one bin/busybox
    assert "$output" =~ "0/0 .* by-root" "exported owner of by-root"
    assert "$output" =~ "1/2 .* by-one" "exported owner of by-one"
    assert "$output" =~ "0/0 .* bin/busybox" "exported owner of an image file"
    _burrow_direct cp "$name:/by-one" - >"$BURROW_TEST_TMPDIR/cp.tar"
    run tar --numeric-owner -tvf "$BURROW_TEST_TMPDIR/cp.tar"
    assert "$output" =~ "1/2 .* by-one" "cp to a tar stream: the owner the container saw"
    run_burrow rm "$name"
    run_burrow rmi "$img"
}
