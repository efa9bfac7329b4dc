#!/usr/bin/env bats
#
# create/start/stop/kill/restart/rm/wait/rename/prune and ps/inspect.

load helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

@test "run -d: the container outlives the command, stop -t 0 and rm" {
    local name
    name=$(unique_name d)
    run_burrow run -d --name "$name" $IMAGE sleep 1000
    is "$output" "[0-9a-f]{64}" "run -d prints the full id"
    local id=$output
    run_burrow ps --format '{{.ID}} {{.Names}} {{.Status}}'
    is "$output" "${id:0:12} $name Up .*" "running after the command returned"
    run_burrow inspect --format '{{.State.Status}} {{.State.Running}} {{.State.Pid}}' "$name"
    is "$output" "running true [1-9][0-9]*"
    local pid=${output##* }
    kill -0 "$pid" || die "container pid $pid is not running"

    run_burrow 2 rm "$name"
    is "$output" "Error: cannot remove container $id as it is running - running or paused containers cannot be removed without force: container state improper.*"

    run_burrow stop -t 0 "$name"
    is "$output" "$name"
    run_burrow inspect --format '{{.State.Status}} {{.State.ExitCode}}' "$name"
    is "$output" "exited 137"
    run_burrow ps -a --format '{{.Status}}' --filter name="$name"
    is "$output" "Exited \(137\) .* ago"
    run_burrow rm "$name"
    is "$output" "$name"
    run_burrow 1 container exists "$name"
}

@test "stop: the stop signal first, then SIGKILL after the timeout" {
    local name
    name=$(unique_name stop)
    run_burrow run -d --name "$name" $IMAGE sh -c 'trap "echo got TERM; exit 3" TERM; while :; do sleep 0.1; done'
    sleep 0.3
    run_burrow stop -t 5 "$name"
    run_burrow inspect --format '{{.State.ExitCode}}' "$name"
    is "$output" "3" "the trap ran"
    run_burrow logs "$name"
    is "$output" "got TERM"

    run_burrow run -d --name "$name-2" --stop-signal USR1 $IMAGE sleep 1000
    run_burrow stop -t 1 "$name-2"
    assert "$output" =~ "StopSignal (SIG)?USR1 failed to stop container $name-2 in 1 seconds, resorting to SIGKILL" "podman's warning"
    run_burrow inspect --format '{{.State.ExitCode}}' "$name-2"
    is "$output" "137"
}

@test "kill -s, start of a running container is a no-op, restart" {
    local name
    name=$(unique_name k)
    run_burrow run -d --name "$name" $IMAGE sh -c 'trap "exit 10" USR1; while :; do sleep 0.1; done'
    sleep 0.3
    run_burrow start "$name"
    is "$output" "$name" "start of a running container succeeds"
    run_burrow kill -s USR1 "$name"
    is "$output" "$name"
    run_burrow wait "$name"
    is "$output" "10"
    run_burrow 125 kill "$name"
    assert "$output" =~ "can only kill running containers" "kill of a stopped container"
    run_burrow 125 kill -s NOSUCHSIG "$name"
    assert "$output" =~ "invalid signal" "bad signal"

    run_burrow restart -t 0 "$name"
    run_burrow inspect --format '{{.State.Status}}' "$name"
    is "$output" "running" "restart starts it again"
    run_burrow rm -f "$name"
}

@test "create, start -a, wait, exit codes kept" {
    local name
    name=$(unique_name c)
    run_burrow create --name "$name" $IMAGE sh -c 'echo started; exit 5'
    run_burrow inspect --format '{{.State.Status}}' "$name"
    is "$output" "created"
    run_burrow ps -a --filter status=created --format '{{.Names}}'
    assert "$output" =~ "$name"
    run_burrow 5 start -a "$name"
    is "$output" "started" "start -a streams output and returns the exit code"
    run_burrow wait "$name"
    is "$output" "5"
    run_burrow start "$name"
    run_burrow wait --condition exited "$name"
    is "$output" "5"
    run_burrow 125 wait --condition bogus "$name"
}

@test "exec: exit codes, env, user, workdir; only on running containers" {
    local name
    name=$(unique_name ex)
    run_burrow run -d --name "$name" -e FROM_RUN=1 $IMAGE sleep 1000
    run_burrow exec "$name" sh -c 'echo $FROM_RUN; hostname'
    is "${lines[0]}" "1" "exec sees the container's env"
    run_burrow 7 exec "$name" sh -c 'exit 7'
    run_burrow exec -e X=y -w /tmp -u user "$name" sh -c 'echo $X; pwd; id -u'
    is "$output" "y
/tmp
1000"
    run_burrow 127 exec "$name" nosuchcommand
    assert "$output" =~ "not found" "127 for a missing command"
    run_burrow_stdin - exec -i "$name" cat <<<"piped"
    is "$output" "piped"
    run_burrow exec "$name" sh -c 'ls /proc | grep -c "^[0-9]"'
    assert "$output" -le 4 "exec shares the container's pid namespace (sleep, sh, ls, grep)"
    run_burrow stop -t 0 "$name"
    run_burrow 125 exec "$name" true
    is "$output" "Error: can only create exec sessions on running containers: container state improper"
}

@test "ps: -a, -q, -l, -n, --no-trunc, filters, --sort, --format" {
    local a b
    a=$(unique_name psa)
    b=$(unique_name psb)
    run_burrow 3 run --name "$a" -l team=x $IMAGE sh -c 'exit 3'
    run_burrow run -d --name "$b" $IMAGE sleep 1000
    run_burrow ps
    is "${lines[0]}" "CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES" "podman's header"
    assert "$output" =~ "$b" "running listed"
    assert "$output" !~ "$a" "exited not listed without -a"
    run_burrow ps -a --format '{{.Names}}' --filter "name=$a"
    is "$output" "$a"
    run_burrow ps -a --filter exited=3 --format '{{.Names}}'
    assert "$output" =~ "$a"
    run_burrow ps -a --filter label=team=x --format '{{.Names}}'
    is "$output" "$a"
    run_burrow ps -a --filter status=running --format '{{.Names}}'
    assert "$output" =~ "$b"
    assert "$output" !~ "$a"
    run_burrow ps -a --filter ancestor=$IMAGE --format '{{.Names}}'
    assert "$output" =~ "$a"
    run_burrow ps -q
    assert "$output" =~ "^[0-9a-f]{12}" "short ids"
    run_burrow ps -q --no-trunc
    assert "$output" =~ "^[0-9a-f]{64}" "full ids"
    run_burrow ps -l --format '{{.Names}}'
    is "$output" "$b" "latest"
    run_burrow ps -a -n 2 --format '{{.Names}}' --sort names
    assert "${#lines[@]}" == "2"
    run_burrow ps -a --format json --filter "name=$a"
    assert "$output" =~ '"Names": \[' "json keys"
    assert "$output" =~ '"ExitCode": 3'
    run_burrow 125 ps --filter nosuch=1
    run_burrow 125 ps --sort nosuch
    run_burrow rm -f "$b"
}

@test "inspect: podman's fields" {
    local name
    name=$(unique_name ins)
    run_burrow create --name "$name" -e A=b --restart on-failure:3 $IMAGE echo hi
    run_burrow container inspect "$name"
    local k
    for k in Id Created Path Args State Image ImageName Name RestartCount Config HostConfig Mounts GraphDriver; do
        assert "$output" =~ "\"$k\": " "has $k"
    done
    run_burrow inspect --format '{{.Path}} {{.Args}} {{.Name}} {{.State.Status}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}' "$name"
    is "$output" "echo \[hi\] $name created on-failure 3"
    run_burrow inspect --format '{{.Config.Env}}' "$name"
    assert "$output" =~ "A=b"
    run_burrow inspect --format '{{.ImageName}}' "$name"
    is "$output" "$IMAGE"
    run_burrow 125 container inspect nosuchcontainer
    is "$output" 'Error: no container with name or ID "nosuchcontainer" found: no such container'
}

@test "rename, container exists, prune, port, ambiguous id prefix" {
    local name
    name=$(unique_name ren)
    run_burrow create --name "$name" $IMAGE true
    run_burrow rename "$name" "$name-new"
    run_burrow container exists "$name-new"
    run_burrow 1 container exists "$name"
    run_burrow port "$name-new"
    is "$output" "" "no ports without networking"

    # Find two containers whose ids share a first hex digit (bounded).
    local ids=() i
    for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17; do
        run_burrow create $IMAGE true
        ids+=("$output")
    done
    local -A seen
    local prefix=""
    for i in "${ids[@]}"; do
        if [[ -n ${seen[${i:0:1}]:-} ]]; then prefix=${i:0:1}; break; fi
        seen[${i:0:1}]=1
    done
    [[ -n $prefix ]] || die "17 ids and no shared first digit"
    run_burrow 125 inspect "$prefix"
    assert "$output" =~ "more than one result for container \"$prefix\"" "ambiguous prefix"
    run_burrow container prune -f
    assert "${#lines[@]}" -ge 18 "prune removed the stopped containers"
    run_burrow ps -a -q
    is "$output" "" "none left"
}

@test "stop, kill, rm, exec and start of unknown containers" {
    run_burrow 125 stop nosuchcontainer
    is "$output" 'Error: no container with name or ID "nosuchcontainer" found: no such container'
    run_burrow 1 rm nosuchcontainer
    run_burrow rm -f nosuchcontainer
    run_burrow 125 exec nosuchcontainer true
    run_burrow 125 start nosuchcontainer
    run_burrow 125 logs nosuchcontainer
}

@test "--restart on-failure restarts up to the limit; --rm removes a detached container" {
    local name
    name=$(unique_name rs)
    run_burrow run -d --name "$name" --restart on-failure:2 $IMAGE sh -c 'echo run; exit 1'
    run_burrow wait "$name"
    is "$output" "1"
    run_burrow inspect --format '{{.RestartCount}}' "$name"
    is "$output" "2"
    run_burrow logs "$name"
    is "$output" "run
run
run"
    run_burrow 125 run --rm --restart always $IMAGE true

    run_burrow run -d --rm --name "$name-rm" $IMAGE true
    local t
    for ((t = 0; t < 100; t++)); do
        _burrow_direct container exists "$name-rm" || break
        sleep 0.1
    done
    run_burrow 1 container exists "$name-rm"
}

@test "rmi of an image a container uses: exit 2 with podman's message; -f removes the container too" {
    local img name
    img=localhost/$(unique_name inuse):latest
    name=$(unique_name user)
    run_burrow tag $IMAGE "$img"
    run_burrow untag $IMAGE "$IMAGE"
    run_burrow create --name "$name" "$img" true
    local cid=$output
    run_burrow 2 rmi "$img"
    is "$output" "Error: image used by $cid: image is in use by a container: consider listing external containers and force-removing image"
    run_burrow image exists "$img"
    run_burrow rmi -f "$img"
    assert "$output" =~ "Deleted: " "removed"
    run_burrow 1 container exists "$name"
}

@test "top, pause/unpause and diff" {
    local name
    name=$(unique_name tp)
    run_burrow run -d --name "$name" $IMAGE sh -c 'rm /etc/group; echo new > /tmp/added; exec sleep 1000'
    local t
    for ((t = 0; t < 50; t++)); do
        _burrow_direct top "$name" 2>/dev/null | grep -q "sleep 1000" && break
        sleep 0.1
    done
    run_burrow top "$name"
    is "${lines[0]}" "USER +PID +PPID +%CPU +ELAPSED +TTY +TIME +COMMAND" "podman's top header"
    is "${lines[1]}" "root +1 +0 +[0-9.]+ +[0-9.]+s +\? +[0-9]+s +sleep 1000" "pid 1 is the command"
    run_burrow top "$name" pid args
    is "${lines[1]}" "1 +sleep 1000"
    run_burrow 125 top "$name" nosuchdescriptor

    run_burrow pause "$name"
    run_burrow inspect --format '{{.State.Status}} {{.State.Paused}}' "$name"
    is "$output" "paused true"
    local pid
    pid=$(_burrow_direct inspect --format '{{.State.Pid}}' "$name")
    run grep State: "/proc/$pid/status"
    assert "$output" =~ "stopped" "the processes are stopped"
    run_burrow ps --format '{{.Status}}' --filter "name=$name"
    is "$output" "Paused"
    run_burrow 125 pause "$name"
    run_burrow unpause "$name"
    run_burrow inspect --format '{{.State.Status}}' "$name"
    is "$output" "running"
    run_burrow 125 unpause "$name"

    run_burrow diff "$name"
    assert "$output" =~ "D /etc/group" "deleted file"
    assert "$output" =~ "A /tmp/added" "added file"
    assert "$output" =~ "C /etc" "changed dir"
    run_burrow rm -f "$name"
}

@test "attach: streams output, passes stdin, returns the exit code" {
    local name
    name=$(unique_name at)
    run_burrow run -d -i --name "$name" $IMAGE sh -c 'read line; echo "got $line"; echo oops >&2; exit 4'
    run_burrow_stdin - 4 attach "$name" <<<"hello"
    assert "$output" =~ "got hello" "stdin reached the container and its output came back"
    assert "$output" =~ "oops" "stderr too"
    run_burrow 125 attach "$name"
    is "$output" "Error: you can only attach to running containers: container state improper"
    run_burrow rm -f "$name"
}
