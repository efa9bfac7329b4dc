#!/usr/bin/env bats
#
# issue 7: named volumes (volume create/ls/inspect/rm/prune/exists, -v NAME:/path),
# copy-up on first use, anonymous volumes (-v /path, the image's VOLUME), rm -v.

load helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

# volume_image NAME: $IMAGE plus /data/hello and VOLUME /data.
volume_image() {
    local tar=$BURROW_TEST_TMPDIR/vol.tar stage=$BURROW_TEST_TMPDIR/stage
    cp "$(fixture_rootfs_tar)" "$tar"
    mkdir -p "$stage/data/sub"
    echo hello >"$stage/data/hello"
    ln -s /etc/passwd "$stage/data/link"
    tar --append --file "$tar" --numeric-owner --owner=1000 --group=1000 --directory "$stage" data
    run_burrow import --change 'VOLUME /data' "$tar" "$1"
}

@test "volume: a named volume outlives its container and is created on first use" {
    local vol
    vol=data-$(random_string 8 | tr 'A-Z' 'a-z')
    run_burrow run --rm -v "$vol:/db" $IMAGE sh -c 'echo persisted > /db/f'
    run_burrow volume exists "$vol"
    run_burrow run --rm -v "$vol:/other:ro" $IMAGE cat /other/f
    is "$output" "persisted"
    run_burrow volume inspect --format '{{.Name}} {{.Driver}} {{.Mountpoint}}' "$vol"
    is "$output" "$vol local .*/volumes/$vol/_data"
    is "$(cat "$(_burrow_direct volume inspect --format '{{.Mountpoint}}' "$vol")/f")" "persisted" "content on the host"
}

@test "volume: create, ls, inspect, exists, rm, prune" {
    run_burrow volume create --label app=web --label tier=db v-one
    is "$output" "v-one"
    run_burrow 125 volume create v-one
    is "${lines[0]}" "Error: volume with name v-one already exists: volume already exists"
    run_burrow volume create --ignore v-one
    run_burrow volume create v-two
    run_burrow volume ls -q
    is "$output" "v-one
v-two"
    run_burrow volume ls --filter label=app=web --format '{{.Name}}'
    is "$output" "v-one"
    run_burrow volume ls
    is "${lines[0]}" "DRIVER +VOLUME NAME"
    run_burrow volume inspect v-one
    assert "$output" =~ '"Labels": \{' "labels"
    assert "$output" =~ '"app": "web"'
    assert "$output" =~ '"CreatedAt": "' "CreatedAt"
    assert "$output" =~ '"Options": \{\}' "Options"
    run_burrow 1 volume exists nosuchvolume
    run_burrow 1 volume rm nosuchvolume
    is "$output" "Error: no volume with name \"nosuchvolume\" found: no such volume"
    run_burrow 125 volume create --opt bogus=1 v-three
    is "$output" "Error: invalid mount option bogus for driver 'local': invalid argument"
    run_burrow volume rm v-one v-two
    is "$output" "v-one
v-two"
    run_burrow volume create v-four
    run_burrow create -v v-five:/x $IMAGE true
    run_burrow_stdin - volume prune <<<"no"
    assert "$output" =~ "Are you sure you want to continue\? \[y/N\]"
    run_burrow volume exists v-four
    run_burrow volume prune -f
    is "$output" "v-four"
    run_burrow volume exists v-five
}

@test "volume: one in use can't be removed without -f" {
    run_burrow create --name user-of-vol -v v-used:/x $IMAGE true
    local id=$output
    run_burrow 2 volume rm v-used
    is "$output" "Error: volume v-used is being used by the following container\(s\): $id: volume is being used"
    run_burrow volume rm -f v-used
    run_burrow 1 container exists user-of-vol
    run_burrow 1 volume exists v-used
}

@test "volume: copy-up of the image's content on first use; nocopy" {
    volume_image localhost/volimg:test
    run_burrow run --rm -v v-copy:/data localhost/volimg:test sh -c 'cat /data/hello; stat -c %u /data/hello; readlink /data/link'
    is "$output" "hello
1000
/etc/passwd"
    # Not copied again into a volume that has content.
    run_burrow run --rm -v v-copy:/data localhost/volimg:test sh -c 'rm /data/hello'
    run_burrow run --rm -v v-copy:/data localhost/volimg:test ls /data
    is "$output" "link
sub"
    run_burrow run --rm -v v-nocopy:/data:nocopy localhost/volimg:test ls -A /data
    is "$output" ""
}

@test "volume: copy-up happens on the first mount only, even if the volume is emptied" {
    volume_image localhost/volimg:test
    run_burrow volume create v-once
    run_burrow volume inspect --format '{{.NeedsCopyUp}}' v-once
    is "$output" "true"
    run_burrow run --rm -v v-once:/data localhost/volimg:test sh -c 'cat /data/hello; rm -rf /data/* /data/.[!.]* 2>/dev/null; true'
    is "$output" "hello"
    run_burrow volume inspect --format '{{.NeedsCopyUp}}' v-once
    is "$output" "false" "the first mount used the copy-up up"
    # issue 7: podman copies up only into a fresh volume; an emptied one stays empty.
    run_burrow run --rm -v v-once:/data localhost/volimg:test ls -A /data
    is "$output" "" "not copied again into the emptied volume"
}

@test "volume: --opt type=tmpfs mounts a tmpfs with the o= options at every mount" {
    run_burrow volume create --opt type=tmpfs --opt device=tmpfs --opt o=size=2m,mode=0750,uid=1000 v-tmp
    run_burrow volume inspect --format '{{.Options.type}} {{.Options.o}}' v-tmp
    is "$output" "tmpfs size=2m,mode=0750,uid=1000"
    run_burrow run --rm -v v-tmp:/t $IMAGE sh -c 'stat -f -c %T /t; stat -c "%a %u" /t; df -k /t | awk "NR == 2 { print \$2 }"; echo x > /t/x'
    is "$output" "tmpfs
750 1000
2048"
    run_burrow run --rm -v v-tmp:/t $IMAGE ls -A /t
    is "$output" "" "a fresh tmpfs at every mount"
}

@test "volume: --opt o=uid=,gid= chowns a directory volume; bad options are refused" {
    run_burrow volume create --opt o=uid=1000,gid=1000 v-own
    run_burrow run --rm -u 1000 -v v-own:/d $IMAGE sh -c 'stat -c %u:%g /d; touch /d/mine'
    is "$output" "1000:1000"
    run_burrow 125 volume create --opt o=size=1m v-bad
    assert "$output" =~ 'Error: invalid volume option "size=1m" for a directory volume' "size needs tmpfs"
    run_burrow 125 volume create --opt o=uid=abc v-bad
    assert "$output" =~ "uid must be a number"
    run_burrow 125 volume create --opt type=ext4 --opt device=/dev/nonexistent v-bad
    assert "$output" =~ "can't be mounted without root privileges"
    run_burrow 1 volume exists v-bad
}

@test "volume: anonymous volumes from -v /path and the image's VOLUME; rm -v removes them" {
    volume_image localhost/volimg:test
    run_burrow create --name anon -v /cache localhost/volimg:test true
    run_burrow volume ls -q
    assert "${#lines[@]}" -eq 2 "one for /cache, one for the image's /data"
    run_burrow inspect --format '{{range .Mounts}}{{.Type}}:{{.Destination}} {{end}}' anon
    assert "$output" =~ "volume:/cache" "inspect shows the anonymous volume"
    assert "$output" =~ "volume:/data"
    run_burrow start -a anon
    run_burrow rm -v anon
    run_burrow volume ls -q
    is "$output" "" "rm -v removed the anonymous volumes"
    run_burrow run --rm -v v-named:/data localhost/volimg:test cat /data/hello
    is "$output" "hello"
    run_burrow volume ls -q
    is "$output" "v-named" "a named volume on the image's VOLUME path replaces the anonymous one"
}

@test "volume: bad names and .. in a destination stay inside the root" {
    run_burrow 125 run --rm -v 'bad@name:/x' $IMAGE true
    assert "$output" =~ "includes invalid characters for a local volume name"
    local sentinel=$BURROW_TEST_TMPDIR/sentinel
    mkdir -p "$sentinel"
    run_burrow run --rm -v "v-dots:/../../../..$sentinel/x" $IMAGE sh -c "ls -d $sentinel/x"
    is "$(ls -A "$sentinel")" "" "the sentinel host directory is untouched"
}

@test "volume: export and import as tar" {
    run_burrow run --rm -v v-exp:/d $IMAGE sh -c 'mkdir /d/sub && echo x > /d/sub/f && ln -s /etc/passwd /d/l'
    _burrow_direct volume export -o "$BURROW_TEST_TMPDIR/v.tar" v-exp
    is "$(tar -tf "$BURROW_TEST_TMPDIR/v.tar" | sort)" "l
sub/?
sub/f"
    run_burrow volume create v-imp
    run_burrow_stdin "$BURROW_TEST_TMPDIR/v.tar" volume import v-imp -
    run_burrow run --rm -v v-imp:/d $IMAGE sh -c 'cat /d/sub/f; readlink /d/l'
    is "$output" "x
/etc/passwd"
    run_burrow 125 volume export -o "$BURROW_TEST_TMPDIR/n.tar" nosuchvolume
    is "$output" "Error: no volume with name \"nosuchvolume\" found: no such volume"
}
