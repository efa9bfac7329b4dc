#!/usr/bin/env bats
#
# Per-container networking: pasta (the default) and slirp4netns, published ports,
# the other --network modes, /etc/hosts and /etc/resolv.conf options, and that no
# helper process or port outlives its container.

load helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    if [[ -n ${HOST_SERVER_PID:-} ]]; then kill "$HOST_SERVER_PID" 2>/dev/null || true; fi
    basic_teardown
}

# A TCP port on 127.0.0.1 nobody listens on (consecutive ones with an argument).
free_port() {
    python3 - "${1:-1}" <<'PY'
import socket, sys, random
n = int(sys.argv[1])
for _ in range(200):
    p = random.randint(20000, 60000 - n)
    ok = True
    for i in range(n):
        for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
            s = socket.socket(socket.AF_INET, kind)
            try:
                s.bind(("127.0.0.1", p + i))
            except OSError:
                ok = False
            finally:
                s.close()
    if ok:
        print(p)
        sys.exit(0)
sys.exit(1)
PY
}

# The pasta processes serving containers of this store (their pid file is in our runroot).
our_pastas() {
    pgrep -u "$(id -u)" -f "[p]asta .*--pid $(burrow_runroot)/" || true
}

# httpd in a container serving "hello from $1" on port ${2:-80}.
httpd_cmd() {
    echo "mkdir -p /w && echo hello from $1 > /w/index.html && exec httpd -f -p ${2:-80} -h /w"
}

# curl with a bounded wait for the server to come up.
fetch() {
    local url=$1 i
    for ((i = 0; i < 50; i++)); do
        if out=$(curl -s --max-time 2 "$url"); then
            echo "$out"
            return 0
        fi
        sleep 0.1
    done
    die "nothing answered at $url"
}

@test "default network is pasta: an address, a route, pasta's DNS forwarder" {
    run_burrow run --rm $IMAGE sh -c 'ip -4 addr show; ip route; cat /etc/resolv.conf'
    assert "$output" =~ "inet [0-9.]+/[0-9]+ .*global" "the container has a global IPv4 address"
    assert "$output" =~ "default via " "and a default route"
    assert "$output" =~ "nameserver 169.254.1.1" "resolv.conf names pasta's DNS forwarder"
    run_burrow create $IMAGE true
    run_burrow inspect --format '{{.HostConfig.NetworkMode}}' "$output"
    is "$output" "pasta"
    run_burrow create --network private $IMAGE true
    run_burrow inspect --format '{{.HostConfig.NetworkMode}}' "$output"
    is "$output" "pasta" "private is the default user-mode network"

    # containers.conf chooses the default, as in podman.
    mkdir -p "$BURROW_TEST_TMPDIR/cfg/containers"
    printf '[network]\ndefault_rootless_network_cmd = "slirp4netns"\n' >"$BURROW_TEST_TMPDIR/cfg/containers/containers.conf"
    XDG_CONFIG_HOME=$BURROW_TEST_TMPDIR/cfg run_burrow run --rm $IMAGE sh -c 'ip -4 addr show tap0 | grep -o "inet [0-9.]*"'
    is "$output" "inet 10.0.2.100" "slirp4netns from containers.conf"

    run_burrow info --format '{{.Host.Pasta.Executable}} {{.Host.Slirp4netns.Executable}} {{.Host.NetworkBackendInfo.DefaultRootlessNetworkCmd}} {{.Host.NetworkBackendInfo.TunDevice}}'
    is "$output" "/.*/pasta /.*/slirp4netns pasta true" "info lists the backends"
}

@test "-p publishes a TCP port through pasta; port, ps and inspect show it" {
    local port name
    port=$(free_port)
    name=$(unique_name web)
    run_burrow run -d --name "$name" -p 127.0.0.1:$port:80 $IMAGE sh -c "$(httpd_cmd web)"
    run fetch "http://127.0.0.1:$port/index.html"
    is "$output" "hello from web"
    run_burrow port "$name"
    is "$output" "80/tcp -> 127.0.0.1:$port"
    run_burrow port "$name" 80
    is "$output" "127.0.0.1:$port"
    run_burrow 125 port "$name" 81
    is "$output" 'Error: failed to find published port "81"'
    run_burrow ps --format '{{.Ports}}' --filter name="$name"
    is "$output" "127.0.0.1:$port->80/tcp"
    run_burrow ps --filter name="$name"
    assert "$output" =~ "127.0.0.1:$port->80/tcp +$name"
    run_burrow inspect --format '{{json .NetworkSettings.Ports}}' "$name"
    assert "$output" == "{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"$port\"}]}"
}

@test "-p publishes a UDP port and a port range" {
    local port range name
    port=$(free_port)
    name=$(unique_name udp)
    build_udpecho
    run_burrow run -d --name "$name" -v "$UDPECHO:/udpecho:ro" -p 127.0.0.1:$port:9999/udp $IMAGE /udpecho 9999
    # UDP has no connection to wait for: ask until the echo server answers (bounded).
    run udp_ask "$port" datagram
    assert "$status" == 0 "the echo server answered through the published UDP port"
    is "$output" "echo: datagram-[0-9]+"
    run_burrow port "$name"
    is "$output" "9999/udp -> 127.0.0.1:$port"

    range=$(free_port 2)
    name=$(unique_name range)
    run_burrow run -d --name "$name" -p "127.0.0.1:$range-$((range + 1)):8000-8001" $IMAGE \
        sh -c "$(httpd_cmd one 8000 | sed 's/exec //') & mkdir -p /v && echo hello from two > /v/index.html && exec httpd -f -p 8001 -h /v"
    run fetch "http://127.0.0.1:$range/index.html"
    is "$output" "hello from one"
    run fetch "http://127.0.0.1:$((range + 1))/index.html"
    is "$output" "hello from two"
    run_burrow port "$name"
    is "$output" "8000/tcp -> 127.0.0.1:$range
8001/tcp -> 127.0.0.1:$((range + 1))"
}

@test "-P publishes exposed ports on random host ports; -p without a host port picks one" {
    local name hp
    name=$(unique_name pub)
    run_burrow run -d --name "$name" --expose 80 -P $IMAGE sh -c "$(httpd_cmd all)"
    run_burrow port "$name" 80/tcp
    is "$output" "0.0.0.0:[0-9]+"
    hp=${output##*:}
    run fetch "http://127.0.0.1:$hp/index.html"
    is "$output" "hello from all"

    name=$(unique_name rnd)
    run_burrow run -d --name "$name" -p 127.0.0.1::80 $IMAGE sh -c "$(httpd_cmd rnd)"
    run_burrow port "$name" 80
    is "$output" "127.0.0.1:[0-9]+"
    hp=${output##*:}
    [[ $hp -gt 0 ]] || die "no host port chosen"
    run fetch "http://127.0.0.1:$hp/index.html"
    is "$output" "hello from rnd"
}

@test "slirp4netns: its address and DNS, a published port" {
    local port name
    run_burrow run --rm --network slirp4netns $IMAGE sh -c 'ip -4 addr show tap0; cat /etc/resolv.conf; grep "$(hostname)" /etc/hosts'
    assert "$output" =~ "inet 10.0.2.100/24" "slirp4netns's guest address"
    assert "$output" =~ "nameserver 10.0.2.3" "slirp4netns's DNS"
    assert "$output" =~ "10.0.2.100	" "the container's name resolves to its address"
    port=$(free_port)
    name=$(unique_name slirp)
    run_burrow run -d --name "$name" --network slirp4netns -p 127.0.0.1:$port:80 $IMAGE sh -c "$(httpd_cmd slirp)"
    run fetch "http://127.0.0.1:$port/index.html"
    is "$output" "hello from slirp"
    run_burrow inspect --format '{{.HostConfig.NetworkMode}}' "$name"
    is "$output" "slirp4netns"
}

@test "the host's loopback: unreachable by default, reachable where the backend maps it" {
    local port gw
    port=$(free_port)
    mkdir -p "$BURROW_TEST_TMPDIR/www"
    echo "from the host" > "$BURROW_TEST_TMPDIR/www/index.html"
    python3 -m http.server --bind 127.0.0.1 --directory "$BURROW_TEST_TMPDIR/www" "$port" >/dev/null 2>&1 &
    HOST_SERVER_PID=$!
    run fetch "http://127.0.0.1:$port/index.html"
    is "$output" "from the host"

    # slirp4netns: 10.0.2.2 is the host's loopback only with allow_host_loopback=true (podman's default: false).
    run_burrow run --rm --network slirp4netns:allow_host_loopback=true $IMAGE timeout 5 wget -q -O- "http://10.0.2.2:$port/index.html"
    is "$output" "from the host"
    # (busybox's wget -T crashes when the connection fails: timeout(1) bounds it instead)
    run_burrow '?' run --rm --network slirp4netns $IMAGE sh -c "timeout 3 wget -q -O- http://10.0.2.2:$port/index.html; exit \$?"
    assert "$status" != 0 "the host's loopback is not reachable by default"
    # pasta: the gateway address is mapped to the host with --map-gw (podman passes --no-map-gw).
    run_burrow run --rm --network pasta:--map-gw $IMAGE sh -c "timeout 5 wget -q -O- http://\$(ip route | awk '/^default/ {print \$3}'):$port/index.html"
    is "$output" "from the host"
    # (not as pid 1, which the kernel shields from timeout's SIGTERM)
    run_burrow '?' run --rm $IMAGE sh -c "timeout 3 wget -q -O- http://\$(ip route | awk '/^default/ {print \$3}'):$port/index.html; exit \$?"
    assert "$status" != 0 "without --map-gw the gateway is not the host"
    run_burrow run --rm --network pasta:--map-gw $IMAGE grep host.containers.internal /etc/hosts
    assert "$output" =~ "host.containers.internal" "/etc/hosts names the host"
}

@test "a long runtime dir: slirp4netns's API socket and the attach socket still work" {
    # sockaddr_un holds 107 bytes: RUNROOT/ctr/<64 hex>/slirp4netns.sock must not be bound by path.
    local run=$BURROW_TEST_TMPDIR/run-$(printf 'x%.0s' {1..60}) port name
    local BURROW_GLOBAL_OPTS=(--runroot "$run")
    port=$(free_port)
    run_burrow run --rm --network slirp4netns -p 127.0.0.1:$port:80 $IMAGE true
    name=$(unique_name longrun)
    run_burrow run -d --name "$name" $IMAGE sh -c 'sleep 1; echo attached-fine'
    run_burrow attach --no-stdin "$name"
    is "$output" "attached-fine"
    run_burrow rm -f "$name"
    if [[ -f $run/pause.pid ]]; then kill -9 "$(cat "$run/pause.pid")" || true; fi
}

@test "--network none and host" {
    run_burrow run --rm --network none $IMAGE sh -c 'ls /sys/class/net; ip link show lo'
    is "${lines[0]}" "lo" "only loopback"
    assert "${lines[1]}" =~ "<LOOPBACK,UP" "and it is up"
    run_burrow run --rm --network host $IMAGE sh -c 'hostname; ls /sys/class/net | sort | tr "\n" " "'
    assert "${lines[0]}" == "$(hostname)" "the host's hostname"
    assert "${lines[1]}" == "$(ls /sys/class/net | sort | tr '\n' ' ')" "the host's interfaces"
}

@test "--network container: shares the other container's namespace; ns: joins a path" {
    local web port pid
    web=$(unique_name web)
    port=$(free_port)
    run_burrow run -d --name "$web" -p 127.0.0.1:$port:80 $IMAGE sh -c "$(httpd_cmd shared)"
    run fetch "http://127.0.0.1:$port/index.html"
    run_burrow run --rm --network "container:$web" $IMAGE wget -q -O- http://127.0.0.1:80/index.html
    is "$output" "hello from shared" "localhost is the other container's"
    # Its /etc/hosts and resolv.conf are the other container's files, as in podman.
    run_burrow exec "$web" sh -c 'echo "10.9.8.7 added-later" >> /etc/hosts'
    run_burrow run --rm --network "container:$web" $IMAGE grep added-later /etc/hosts
    is "$output" "10.9.8.7 added-later" "an edit in one shows in the other"
    run_burrow create --network "container:$web" $IMAGE true
    local joined=$output hosts
    run_burrow inspect --format '{{.HostsPath}} {{.ResolvConfPath}}' "$web"
    hosts=$output
    run_burrow inspect --format '{{.HostsPath}} {{.ResolvConfPath}}' "$joined"
    is "$output" "$hosts" "inspect names the shared files"
    run_burrow rm "$joined"
    run_burrow inspect --format '{{.State.Pid}}' "$web"
    pid=$output
    run_burrow run --rm --network "ns:/proc/$pid/ns/net" $IMAGE wget -q -O- http://127.0.0.1:80/index.html
    is "$output" "hello from shared" "ns: joins the namespace at that path"

    run_burrow stop -t 0 "$web"
    run_burrow 125 run --rm --network "container:$web" $IMAGE true
    is "$output" "Error: cannot join the network namespace of container [0-9a-f]{64}: the container is not running"
    run_burrow 125 run --rm --network container:nosuchctr $IMAGE true
    is "$output" 'Error: no container with name or ID "nosuchctr" found: no such container'
}

@test "--hostname, --add-host, --dns, --dns-search, --dns-option, --no-hosts" {
    local name
    name=$(unique_name h)
    run_burrow run --rm --name "$name" --hostname box --add-host db.local:10.1.2.3 \
        --dns 10.9.9.9 --dns-search example.org --dns-option ndots:3 $IMAGE sh -c 'cat /etc/hosts; echo ---; cat /etc/resolv.conf'
    assert "$output" =~ "10.1.2.3	db.local" "--add-host"
    assert "$output" =~ "	box $name" "hostname and name"
    assert "$output" =~ "host.containers.internal" "the host's name"
    assert "$output" =~ "search example.org" "--dns-search"
    assert "$output" =~ "nameserver 10.9.9.9" "--dns"
    assert "$output" =~ "options .*ndots:3" "--dns-option"
    assert "$output" !~ "169.254.1.1" "--dns replaces the default servers"
    run_burrow run --rm --no-hosts $IMAGE sh -c 'cat /etc/hosts 2>&1 || echo no hosts file'
    assert "$output" !~ "localhost.localdomain" "no /etc/hosts from burrow"
    run_burrow 125 run --rm --add-host nocolon $IMAGE true
    is "$output" 'Error: invalid value for --add-host "nocolon": use HOST:IP'
    run_burrow 125 run --rm --dns notanip $IMAGE true
    is "$output" "Error: notanip is not an ip address"
}

@test "the network helper is gone after stop, rm -f and a killed monitor" {
    local name id mpid
    name=$(unique_name gone)
    run_burrow run -d --name "$name" $IMAGE sleep 1000
    id=$output
    run our_pastas
    assert "$output" != "" "pasta runs for the container"
    run_burrow stop -t 0 "$name"
    wait_until 5 bash -c "! pgrep -f '[p]asta .*$id'"
    run_burrow start "$name"
    wait_until 5 pgrep -f "[p]asta .*$id"
    run_burrow rm -f "$name"
    wait_until 5 bash -c "! pgrep -f '[p]asta .*$id'"

    run_burrow run -d --name "$name" $IMAGE sleep 1000
    id=$output
    mpid=$(cat "$(burrow_runroot)/ctr/$id/monitor.pid")
    kill -9 "$mpid"
    run_burrow ps -a --filter name="$name" --format '{{.Status}}'
    wait_until 5 bash -c "! pgrep -f '[p]asta .*$id'"
    run_burrow rm -f "$name"
}

@test "20 containers with published ports: started and removed, no port or process left" {
    local i base names=()
    base=$(free_port 20)
    for ((i = 0; i < 20; i++)); do
        names+=("$(unique_name p$i)")
        run_burrow run -d --name "${names[$i]}" -p 127.0.0.1:$((base + i)):80 $IMAGE sleep 1000
    done
    run our_pastas
    assert "$(echo "$output" | wc -l)" == 20 "one pasta per container"
    run_burrow rm -f -t 0 "${names[@]}"
    wait_until 10 bash -c "[[ -z \$(pgrep -u $(id -u) -f '[p]asta .*--pid $(burrow_runroot)/') ]]"
    # Every port is free again.
    for ((i = 0; i < 20; i++)); do
        python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', $((base + i))))" ||
            die "port $((base + i)) is still bound"
    done
}

@test "bad input: a port in use, an invalid -p, an unknown network, a missing helper" {
    local port name
    port=$(free_port)
    name=$(unique_name busy)
    run_burrow run -d --name "$name" -p 127.0.0.1:$port:80 $IMAGE sleep 1000
    run_burrow 125 run --rm -p 127.0.0.1:$port:80 $IMAGE true
    is "$output" "Error: rootlessport listen tcp 127.0.0.1:$port: bind: address already in use"
    run_burrow 125 run --rm -p 127.0.0.1:$port:80/udp --network slirp4netns -p 127.0.0.1:$port:81 $IMAGE true
    is "$output" "Error: rootlessport listen tcp 127.0.0.1:$port: bind: address already in use"

    run_burrow 125 run --rm -p 70000 $IMAGE true
    is "$output" "Error: container port numbers must be between 1 and 65535 \(inclusive\), got 70000"
    run_burrow 125 run --rm -p 80/sctpx $IMAGE true
    is "$output" 'Error: unrecognized protocol "sctpx" in port mapping "80/sctpx" \(tcp and udp are supported\)'
    run_burrow 125 run --rm -p 1.2.3:80:80 $IMAGE true
    is "$output" 'Error: invalid IP address "1.2.3" in port mapping "1.2.3:80:80"'

    run_burrow 125 run --rm --network nosuchnet $IMAGE true
    is "$output" "Error: unable to find network with name or ID nosuchnet: network not found"
    run_burrow 125 run --rm --network slirp4netns:bogus=1 $IMAGE true
    is "$output" 'Error: unknown option for slirp4netns: "bogus=1"'
    # pasta itself refusing its options: its message, whether it fails before or after the
    # container was released early (no published port) or while ports are bound.
    run_burrow 125 run --rm --network pasta:--bogus-option $IMAGE true
    is "$output" "Error: pasta failed with exit code 1: .*unrecognized option '--bogus-option'"
    run_burrow 125 run --rm --network pasta:-a,300.1.1.1 -p 127.0.0.1:$(free_port):80 $IMAGE true
    is "$output" "Error: pasta failed with exit code 1: Invalid address: 300.1.1.1"

    # Without pasta and slirp4netns in PATH.
    mkdir -p "$BURROW_TEST_TMPDIR/emptybin"
    printf '#!/bin/sh\nPATH=%s exec %s "$@"\n' "$BURROW_TEST_TMPDIR/emptybin" "$BURROW" > "$BURROW_TEST_TMPDIR/burrow-nopath"
    chmod +x "$BURROW_TEST_TMPDIR/burrow-nopath"
    BURROW=$BURROW_TEST_TMPDIR/burrow-nopath run_burrow 125 run --rm $IMAGE true
    is "$output" 'Error: could not find pasta, the network namespace can.t be configured: exec: "pasta": executable file not found in \$PATH \(install the passt package, or choose another mode with --network\)'
    BURROW=$BURROW_TEST_TMPDIR/burrow-nopath run_burrow 125 run --rm --network slirp4netns $IMAGE true
    assert "$output" =~ 'could not find slirp4netns' "slirp4netns missing"
    run_burrow ps -a --format '{{.Names}}'
    is "$output" "$name" "nothing is left but the busy container"
}
