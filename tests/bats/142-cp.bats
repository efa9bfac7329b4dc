#!/usr/bin/env bats
#
# issue 7: cp between the host and a container, both ways, running and stopped; a
# symlink in the container (even one swapped during the copy) never reaches a host path.

load helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

@test "cp: files and directories into and out of a running container" {
    local d=$BURROW_TEST_TMPDIR
    mkdir -p "$d/tree/sub"
    echo one >"$d/tree/one"
    echo two >"$d/tree/sub/two"
    ln -s one "$d/tree/link"
    echo file >"$d/file"
    run_burrow run -d --name cp-run $IMAGE sleep 100
    run_burrow cp "$d/file" cp-run:/tmp/
    run_burrow cp "$d/file" cp-run:/tmp/renamed
    run_burrow cp "$d/tree" cp-run:/tmp
    run_burrow cp "$d/tree/." cp-run:/tmp/contents
    run_burrow exec cp-run sh -c 'cat /tmp/file /tmp/renamed /tmp/tree/one /tmp/tree/sub/two /tmp/contents/one; readlink /tmp/tree/link; stat -c %u /tmp/file'
    is "$output" "file
file
one
two
one
one
0"
    run_burrow exec cp-run sh -c 'mkdir -p /out/d && echo x > /out/d/x && ln -s /etc/passwd /out/d/pw'
    run_burrow cp cp-run:/out/d "$d/back"
    is "$(cat "$d/back/x")" "x"
    is "$(readlink "$d/back/pw")" "/etc/passwd" "a symlink is copied as a symlink"
    assert "$(stat -c %u "$d/back/x")" == "$(id -u)" "copies on the host are the user's"
    run_burrow cp cp-run:/etc/hostname "$d/hn"
    [[ -s $d/hn ]] || die "no file copied out"
}

@test "cp: a stopped container" {
    local d=$BURROW_TEST_TMPDIR
    echo data >"$d/f"
    run_burrow create --name cp-stopped $IMAGE cat /copied
    run_burrow cp "$d/f" cp-stopped:/copied
    run_burrow start -a cp-stopped
    is "$output" "data"
    run_burrow cp cp-stopped:/etc/passwd "$d/passwd"
    assert "$(head -1 "$d/passwd")" =~ "^root:" "copied out of a stopped container"
}

@test "cp: bad input" {
    local d=$BURROW_TEST_TMPDIR
    echo data >"$d/f"
    run_burrow run -d --name cp-bad --read-only $IMAGE sleep 100
    run_burrow 125 cp "$d/f" cp-bad:/no/such/dir/f
    is "$output" "Error: \"/no/such/dir\" could not be found on container cp-bad: no such file or directory"
    run_burrow 125 cp cp-bad:/no/such "$d/x"
    is "$output" "Error: \"/no/such\" could not be found on container cp-bad: no such file or directory"
    run_burrow 125 cp "$d/f" cp-bad:/etc/
    assert "$output" =~ "[Rr]ead-only file system" "the rootfs is read-only"
    run_burrow 125 cp "$d/nosuch" cp-bad:/tmp/
    is "$output" "Error: \"$d/nosuch\" could not be found on the host: no such file or directory"
    run_burrow 125 cp nosuchctr:/etc/passwd "$d/x"
    assert "$output" =~ "no container with name or ID \"nosuchctr\" found"
}

@test "cp: symlinks in the container never lead to host paths (escape)" {
    local sentinel=$BURROW_TEST_TMPDIR/sentinel d=$BURROW_TEST_TMPDIR
    mkdir -p "$sentinel"
    echo secret >"$sentinel/keep"
    echo payload >"$d/payload"
    run_burrow run -d --name cp-esc $IMAGE sh -c "mkdir -p $sentinel; ln -s $sentinel /tmp/evil; ln -s / /tmp/root; ln -s $sentinel/keep /tmp/keeplink; sleep 100"
    run_burrow exec cp-esc sh -c "while [ ! -L /tmp/keeplink ]; do sleep 0.1; done"
    # Writing through a symlink to a host path lands inside the container.
    run_burrow cp "$d/payload" cp-esc:/tmp/evil/payload
    run_burrow cp "$d/payload" cp-esc:/tmp/root/tmp/evil/p2
    is "$(ls "$sentinel")" "keep" "the sentinel host directory is untouched"
    run_burrow exec cp-esc ls $sentinel
    assert "$output" =~ "payload" "created inside the container's root"
    # Reading: a symlink pointing at a host file is copied as a symlink, not its target.
    run_burrow cp cp-esc:/tmp/keeplink "$d/out"
    [[ -L $d/out ]] || die "the symlink was followed"
    # A symlink swapped in while copies run never writes into the sentinel.
    run_burrow exec -d cp-esc sh -c "while true; do mkdir -p /tmp/swap; rm -rf /tmp/swap; ln -s $sentinel /tmp/swap; rm -f /tmp/swap; done"
    local i
    for i in 1 2 3 4 5 6 7 8 9 10; do
        run_burrow '?' cp "$d/payload" cp-esc:/tmp/swap/x$i
    done
    is "$(ls "$sentinel")" "keep" "the sentinel host directory is untouched after the swaps"
    is "$(cat "$sentinel/keep")" "secret"
}

@test "cp: --overwrite lets a directory replace a file and the reverse" {
    local d=$BURROW_TEST_TMPDIR
    mkdir -p "$d/thing" "$d/out/cfile/sub"
    echo inside >"$d/thing/f"
    echo file >"$d/name"
    run_burrow run -d --name cp-ow $IMAGE sh -c 'echo x > /tmp/thing; mkdir -p /tmp/dir/name; echo keep > /tmp/dir/name/k; echo c > /tmp/cfile; sleep 100'
    wait_until 10 _burrow_direct exec cp-ow test -f /tmp/cfile
    run_burrow 125 cp "$d/thing" cp-ow:/tmp/thing
    assert "$output" =~ "not a directory" "a directory doesn't replace a file by default"
    assert "$output" =~ "--overwrite" "the hint names the flag"
    run_burrow 125 cp "$d/name" cp-ow:/tmp/dir/
    assert "$output" =~ "is a directory" "a file doesn't replace a directory by default"
    run_burrow exec cp-ow sh -c 'cat /tmp/thing; cat /tmp/dir/name/k'
    is "$output" "x
keep" "nothing changed"
    run_burrow cp --overwrite "$d/thing" cp-ow:/tmp/thing
    run_burrow cp --overwrite "$d/name" cp-ow:/tmp/dir/
    run_burrow exec cp-ow sh -c 'cat /tmp/thing/f; cat /tmp/dir/name'
    is "$output" "inside
file"
    # And out of the container: a file replaces a host directory.
    run_burrow 125 cp cp-ow:/tmp/cfile "$d/out/"
    [[ -d $d/out/cfile/sub ]] || die "the host directory was changed without --overwrite"
    run_burrow cp --overwrite cp-ow:/tmp/cfile "$d/out/"
    is "$(cat "$d/out/cfile")" "c" "the directory made way for the file"
}

@test "cp: a tar archive from stdin and to stdout" {
    local d=$BURROW_TEST_TMPDIR
    mkdir -p "$d/t/sub"
    echo a >"$d/t/sub/a"
    tar -C "$d/t" -cf "$d/in.tar" sub
    run_burrow run -d --name cp-tar $IMAGE sleep 100
    run_burrow_stdin "$d/in.tar" cp - cp-tar:/tmp
    run_burrow exec cp-tar cat /tmp/sub/a
    is "$output" "a"
    _burrow_direct cp cp-tar:/tmp/sub - >"$d/out.tar"
    is "$(tar -tf "$d/out.tar")" "sub/?
sub/a"
    run_burrow_stdin "$d/in.tar" 125 cp - cp-tar:/no/such/dir
    is "$output" "Error: \"/no/such/dir\" could not be found on container cp-tar: no such file or directory"
}
