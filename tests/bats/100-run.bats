#!/usr/bin/env bats
#
# run: the container's command, its exit code, podman's errors, and the process setup
# (user, env, workdir, entrypoint/cmd rules, hostname, files in /etc).

load helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

@test "run: output and exit codes" {
    run_burrow run --rm $IMAGE echo hello world
    is "$output" "hello world"
    run_burrow 42 run --rm $IMAGE sh -c 'exit 42'
    run_burrow 137 run --rm $IMAGE sh -c 'sleep 100 & kill -9 $!; wait $!'
    run_burrow run --rm $IMAGE sh -c 'echo out; echo err >&2'
    assert "$output" =~ "out" "stdout"
    assert "$output" =~ "err" "stderr"
}

@test "run: command not found is 127, not executable is 126, unknown image is 125" {
    run_burrow 127 run --rm $IMAGE nosuchcommand
    is "$output" "Error: executable file \`nosuchcommand\` not found in \\\$PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found"
    run_burrow 127 run --rm $IMAGE /no/such/path
    assert "$output" =~ "Error: /no/such/path: no such file or directory" "absolute path"
    run_burrow 126 run --rm $IMAGE /etc/passwd
    assert "$output" =~ "Error: /etc/passwd: permission denied" "not executable"
    run_burrow 125 run --rm localhost/nosuchimage:x true
    is "$output" "Error: .*localhost/nosuchimage.*" "a missing image is pulled (and fails to be: no registry there)"
    run_burrow 125 run --rm --pull=never nosuchimage true
    is "$output" "Error: nosuchimage: image not known"
}

@test "run: a name already in use fails with podman's message; --replace replaces" {
    local name
    name=$(unique_name)
    run_burrow create --name "$name" $IMAGE true
    local id=$output
    run_burrow 125 create --name "$name" $IMAGE true
    assert "${lines[0]}" =~ "Error: creating container storage: the container name \"$name\" is already in use by $id. You have to remove that container to be able to reuse that name: that name is already in use"
    assert "$output" =~ "--replace" "hint names --replace"
    run_burrow run --replace --name "$name" $IMAGE echo replaced
    is "$output" "replaced"
    run_burrow 1 container exists "$id"
    run_burrow container exists "$name"
}

@test "run: -u resolves users in the image, unknown users fail" {
    run_burrow run --rm -u user $IMAGE id
    is "$output" "uid=1000\(user\) gid=1000\(user\)( groups=1000\(user\))?"
    run_burrow run --rm -u 1000:65534 $IMAGE sh -c 'id -u; id -g'
    is "$output" "1000
65534"
    run_burrow run --rm -u 4242 $IMAGE id -u
    is "$output" "4242"
    run_burrow run --rm -u user $IMAGE sh -c 'echo $HOME'
    is "$output" "/home/user"
    run_burrow 125 run --rm -u nosuchuser $IMAGE true
    is "$output" "Error: unable to find user nosuchuser: no matching entries in passwd file"
}

@test "run: environment from image, --env-file and -e, in that order" {
    local envfile=$BURROW_TEST_TMPDIR/env
    printf '# a comment\nFROM_FILE=file\nOVERRIDE=file\n\nHOSTVAR\n' >"$envfile"
    HOSTVAR=from-host run_burrow run --rm --env-file "$envfile" -e OVERRIDE=flag -e HOSTVAR $IMAGE env
    assert "$output" =~ "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" "default PATH"
    assert "$output" =~ "FROM_FILE=file" "env file"
    assert "$output" =~ "OVERRIDE=flag" "-e wins over the file"
    assert "$output" =~ "HOSTVAR=from-host" "-e KEY copies from the host"
    assert "$output" =~ "container=podman" "podman's container variable"
    assert "$output" =~ "HOME=/root" "HOME from passwd"

    printf 'GOOD=1\n=bad\n' >"$envfile"
    run_burrow 125 run --rm --env-file "$envfile" $IMAGE true
    assert "$output" =~ "Error: .*$envfile" "a bad env file is named"
    run_burrow 125 run --rm --env-file "$BURROW_TEST_TMPDIR/nosuchfile" $IMAGE true
    assert "$output" =~ "Error: open .*nosuchfile: No such file or directory" "a missing env file"
}

@test "run: entrypoint and cmd follow podman's rules" {
    local name
    name=$(unique_name ep)
    run_burrow import --change 'ENTRYPOINT ["/bin/echo","ep"]' --change 'CMD ["cmd"]' "$(fixture_rootfs_tar)" "$name"
    run_burrow run --rm "$name"
    is "$output" "ep cmd" "entrypoint + image cmd"
    run_burrow run --rm "$name" args here
    is "$output" "ep args here" "command words replace CMD"
    run_burrow run --rm --entrypoint /bin/echo "$name"
    is "$output" "" "--entrypoint clears the image CMD"
    run_burrow run --rm --entrypoint /bin/echo "$name" x
    is "$output" "x"
    run_burrow run --rm --entrypoint '' "$name" echo direct
    is "$output" "direct" "--entrypoint '' runs the command as is"
    run_burrow run --rm --entrypoint '["/bin/sh","-c"]' "$name" 'echo exec form'
    is "$output" "exec form"
}

@test "run: -w, --hostname, /etc/hostname and /etc/hosts" {
    run_burrow run --rm -w /tmp/new/dir $IMAGE pwd
    is "$output" "/tmp/new/dir" "a missing workdir is created"
    local name
    name=$(unique_name host)
    run_burrow run --name "$name" $IMAGE sh -c 'hostname; cat /etc/hostname; cat /etc/hosts'
    local id
    id=$(_burrow_direct inspect --format '{{.Id}}' "$name")
    is "${lines[0]}" "${id:0:12}" "default hostname is the short id"
    is "${lines[1]}" "${id:0:12}" "/etc/hostname"
    assert "$output" =~ "127.0.0.1[[:space:]]+localhost" "/etc/hosts has localhost"
    assert "$output" =~ "$name" "/etc/hosts has the container name"
    run_burrow run --rm --hostname myhost $IMAGE hostname
    is "$output" "myhost"
}

@test "run: deleting and changing files of the image layer works, the image stays intact" {
    run_burrow run --rm $IMAGE sh -c 'rm /bin/ls && test ! -e /bin/ls && echo gone > /etc/new && cat /etc/new'
    is "$output" "gone"
    run_burrow run --rm $IMAGE sh -c 'test -e /bin/ls && test ! -e /etc/new && echo intact'
    is "$output" "intact"
}

@test "run: --read-only root with tmpfs dirs" {
    run_burrow 1 run --rm --read-only $IMAGE touch /newfile
    assert "$output" =~ "Read-only file system" "root is read-only"
    run_burrow run --rm --read-only $IMAGE sh -c 'touch /tmp/x /var/tmp/y /run/z && echo ok'
    is "$output" "ok" "tmpfs on /tmp, /var/tmp, /run"
    run_burrow 1 run --rm --read-only --read-only-tmpfs=false $IMAGE touch /tmp/x
}

@test "run: --ulimit and resource flags (warned on cgroup v1 rootless)" {
    run_burrow run --rm --ulimit nofile=1024:2048 $IMAGE sh -c 'ulimit -n; ulimit -Hn'
    is "${lines[0]}" "1024"
    is "${lines[1]}" "2048"
    run_burrow 125 run --rm --ulimit nofile=abc $IMAGE true
    assert "$output" =~ "Error: .*nofile=abc" "bad ulimit named"
    if is_rootless && [[ ! -e /sys/fs/cgroup/cgroup.controllers ]]; then
        run_burrow run --rm -m 64m --cpus 1 --pids-limit 100 $IMAGE true
        assert "$output" =~ "Resource limits are not supported and ignored on cgroups V1 rootless systems" "podman's warning"
    fi
}

@test "run: -i passes stdin, -t gives a terminal" {
    run_burrow_stdin - run --rm -i $IMAGE cat <<<"from stdin"
    is "$output" "from stdin"
    run_burrow run --rm -t $IMAGE sh -c 'test -t 0 && echo tty'
    assert "$output" =~ "tty" "-t allocates a pseudo-terminal even without one on our stdin"
    run_burrow run --rm $IMAGE sh -c 'test -t 0 || echo notty'
    is "$output" "notty"
}

@test "run -it / start -a -i: the detach keys give the terminal back, the container runs on" {
    skip_if_missing python3
    local pty=$BATS_TEST_DIRNAME/../fixtures/pty-run.py name
    name=$(unique_name dk)
    # podman's default, ctrl-p ctrl-q; with --rm the container stays until it exits.
    run "$pty" READY '\x10\x11' "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" run -it --rm --name "$name" $IMAGE \
        sh -c 'echo READY; read l; echo got:$l; exit 7'
    is "${lines[-1]}" "rc=0" "detaching exits 0: $output"
    assert "$output" !~ "got:" "the keys did not reach the container"
    run_burrow inspect --format '{{.State.Status}}' "$name"
    is "$output" "running" "the container runs on"
    # Back in through attach: the exit code comes with it, and --rm is carried out.
    run "$pty" '' 'again\r' "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" attach "$name"
    assert "$output" =~ "got:again" "attach reaches the same shell"
    is "${lines[-1]}" "rc=7"
    wait_until 10 sh -c "! '$BURROW' ${BURROW_GLOBAL_OPTS[*]} container exists '$name'"

    # Other keys on start -a -i; "" disables detaching (the keys reach the container).
    run_burrow create -it --name "$name" $IMAGE sh -c 'echo READY; read l; echo got:$l; exit 7'
    run "$pty" READY '\x01x' "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" start -a -i --detach-keys ctrl-a,x "$name"
    is "${lines[-1]}" "rc=0" "detached with ctrl-a,x: $output"
    run_burrow stop -t 0 "$name"
    run "$pty" READY '\x10\x11hello\r' "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" start -a -i --detach-keys "" "$name"
    assert "$output" =~ "got:.*hello" "with --detach-keys \"\" the keys are input"
    is "${lines[-1]}" "rc=7" "and the command's exit code comes back"
    run_burrow 125 run --rm -it --detach-keys ctrl-xy $IMAGE true
    assert "$output" =~ "Error: invalid detach keys" "bad keys are refused"
}

@test "run: --init runs a reaper as pid 1" {
    run_burrow run --rm --init $IMAGE sh -c 'cat /proc/1/cmdline | tr "\0" " "; echo; echo $$'
    assert "${lines[0]}" =~ "burrow-init" "pid 1 is the init"
    assert "${lines[1]}" != "1" "the command is not pid 1"
}

@test "run: several containers started at once on an empty seccomp cache all start" {
    rm -rf "$(burrow_root)/cache"
    local i pids=()
    for i in 1 2 3 4; do
        timeout 60 "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" run --rm --network none $IMAGE true \
            >"$BURROW_TEST_TMPDIR/out$i" 2>&1 3>&- &
        pids+=($!)
    done
    for i in 0 1 2 3; do
        wait "${pids[$i]}" || die "start $((i + 1)) failed: $(cat "$BURROW_TEST_TMPDIR/out$((i + 1))")"
    done
}
