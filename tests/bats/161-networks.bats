#!/usr/bin/env bats
#
# issue 6, point 4: user-defined networks (network create/ls/inspect/rm/prune/exists/
# connect/disconnect), containers reaching each other by name on a network and not
# across networks, published ports of containers on a network.

load helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

# get_cmd HOST PORT: a shell command for a container fetching / over HTTP with busybox nc
# (busybox-static's wget crashes on name lookups through glibc's NSS).
get_cmd() {
    printf "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 3 %s %s" "$1" "$2"
}

# net_name: a fresh network name for this test.
net_name() {
    echo "net-$(random_string 8 | tr 'A-Z' 'a-z')"
}

@test "network: create, ls, inspect, exists, rm, prune" {
    local a b
    a=$(net_name)
    b=$(net_name)
    run_burrow network create --label app=web "$a"
    is "$output" "$a"
    run_burrow network create --subnet 192.168.77.0/24 --gateway 192.168.77.254 --ip-range 192.168.77.128/25 --internal --disable-dns "$b"
    run_burrow network inspect --format '{{.Name}} {{.Driver}} {{.NetworkInterface}} {{(index .Subnets 0).Subnet}} {{(index .Subnets 0).Gateway}} {{.Internal}} {{.DNSEnabled}}' "$a"
    assert "$output" =~ "^$a bridge podman[0-9]+ 10\.89\.[0-9]+\.0/24 10\.89\.[0-9]+\.1 false true$"
    run_burrow network inspect "$b"
    assert "$output" =~ '"subnet": "192.168.77.0/24"'
    assert "$output" =~ '"gateway": "192.168.77.254"'
    assert "$output" =~ '"start_ip": "192.168.77.128"'
    assert "$output" =~ '"end_ip": "192.168.77.254"'
    assert "$output" =~ '"internal": true'
    assert "$output" =~ '"dns_enabled": false'
    assert "$output" =~ '"ipv6_enabled": false'
    assert "$output" =~ '"id": "[0-9a-f]{64}"'
    run_burrow network ls
    is "${lines[0]}" "NETWORK ID +NAME +DRIVER"
    assert "$output" =~ "[0-9a-f]{12} +podman +bridge"
    assert "$output" =~ "[0-9a-f]{12} +$a +bridge"
    run_burrow network ls -q --filter label=app=web
    is "$output" "$a"
    run_burrow network ls --filter name="$b" --format '{{.Name}} {{.Driver}}'
    is "$output" "$b bridge"
    run_burrow network ls --no-trunc --filter name="$a" --format '{{.ID}}'
    assert "$output" =~ '^[0-9a-f]{64}$'
    local id=$output
    run_burrow network ls --filter id="${id:0:8}" -q
    is "$output" "$a"
    run_burrow network exists "$a"
    run_burrow network exists "${id:0:12}"
    run_burrow 1 network exists nosuchnetwork
    run_burrow network rm "$b"
    is "$output" "$b"
    run_burrow 1 network exists "$b"
    run_burrow 1 network rm "$b"
    is "$output" "Error: unable to find network with name or ID $b: network not found"
    # Without -f, prune asks first (on stderr) and a "no" keeps everything.
    run_burrow_stdin - network prune <<<"n"
    assert "$output" =~ "Are you sure you want to continue\? \[y/N\]"
    run_burrow network exists "$a"
    run_burrow_stdin - network prune <<<"y"
    assert "$output" =~ "$a"
    run_burrow network ls -q
    is "$output" "podman"
}

@test "network: bad input is refused with podman's messages" {
    local a
    a=$(net_name)
    run_burrow network create --subnet 10.123.0.0/16 "$a"
    run_burrow 125 network create --subnet 10.123.4.0/24 "$a-2"
    is "$output" "Error: subnet 10.123.4.0/24 is already used on the host or by another config"
    run_burrow 125 network create --subnet 10.1.2/24 "$a-3"
    is "$output" "Error: invalid CIDR address: 10.1.2/24"
    run_burrow 125 network create --subnet 10.124.0.0/24 --gateway 10.125.0.1 "$a-3"
    is "$output" "Error: gateway 10.125.0.1 not in subnet 10.124.0.0/24"
    run_burrow 125 network create "$a"
    is "${lines[0]}" "Error: network name $a already used: network already exists"
    run_burrow 125 network create 'bad/name'
    assert "$output" =~ "network name bad/name invalid"
    run_burrow 125 network create --ipv6 "$a-4"
    assert "$output" =~ "IPv6"
    run_burrow 125 network create -d macvlan "$a-4"
    is "$output" "Error: unsupported driver macvlan: invalid argument"
    run_burrow network ls -q
    is "$output" "$a
podman" "nothing was created by the refused commands"
    run_burrow 125 run --rm --network nosuchnet $IMAGE true
    is "$output" "Error: unable to find network with name or ID nosuchnet: network not found"
    run_burrow 125 run --rm --network "$a:ip=10.99.0.5" $IMAGE true
    is "$output" "Error: requested static ip 10.99.0.5 not in any subnet on network $a"
    run_burrow 125 run --rm --network "$a:interface_name=a/b" $IMAGE true
    is "$output" "Error: interface name contains / or : or whitespace characters: invalid argument"
    run_burrow 125 network rm podman
    is "$output" "Error: default network podman cannot be removed"
}

@test "network: rm of a network in use needs -f, which removes its containers" {
    local a c
    a=$(net_name)
    c=$(unique_name)
    run_burrow network create "$a"
    run_burrow create --name "$c" --network "$a" $IMAGE true
    run_burrow 2 network rm "$a"
    is "$output" "Error: \"$a\" has associated containers with it. Use -f to forcibly delete containers and pods: network is being used"
    run_burrow network ls -q --filter dangling=false
    is "$output" "$a"
    run_burrow network ls -q --filter dangling=true --filter name="$a"
    is "$output" ""
    run_burrow network prune -f
    is "$output" "" "a network in use isn't pruned"
    run_burrow network rm -f "$a"
    is "$output" "$a"
    run_burrow 1 container exists "$c"
}

@test "network: containers reach each other by name and alias, not across networks" {
    skip_if_missing nft
    local a b srv cli
    a=$(net_name)
    b=$(net_name)
    srv=$(unique_name)
    run_burrow network create "$a"
    run_burrow network create "$b"
    run_burrow run -d --name "$srv" --network "$a:alias=web" $IMAGE \
        sh -c 'mkdir -p /www && echo hello-from-$(hostname) > /www/index.html && httpd -f -p 8080 -h /www'
    run_burrow exec "$srv" cat /etc/resolv.conf
    assert "$output" =~ "search dns.podman"
    assert "$output" =~ "nameserver 10\.89\.[0-9]+\.1"
    run_burrow run --rm --network "$a" $IMAGE sh -c "for i in 1 2 3 4 5 6 7 8 9 10; do $(get_cmd "$srv" 8080) | grep hello && exit 0; sleep 0.5; done; exit 1"
    assert "$output" =~ "hello-from-"
    run_burrow run --rm --network "$a" $IMAGE sh -c "$(get_cmd web.dns.podman 8080)"
    assert "$output" =~ "hello-from-"
    run_burrow run --rm --network "$a" $IMAGE nslookup web
    assert "$output" =~ "Name:.*web.dns.podman.*Address: 10\.89\."
    # Another network: the name doesn't resolve and the address can't be reached.
    run_burrow exec "$srv" sh -c "ip -4 -o addr show eth0"
    local ip
    ip=$(echo "$output" | sed -n 's/.*inet \([0-9.]*\)\/.*/\1/p')
    assert "$ip" =~ '^10\.89\.'
    run_burrow 1 run --rm --network "$b" $IMAGE nslookup "$srv"
    assert "$output" =~ "NXDOMAIN"
    run_burrow 1 run --rm --network "$b" $IMAGE sh -c "$(get_cmd "$ip" 8080) | grep hello"
    # ... and by address on the same network.
    run_burrow run --rm --network "$a" $IMAGE sh -c "$(get_cmd "$ip" 8080)"
    assert "$output" =~ "hello-from-"
}

@test "network: connect and disconnect a running container" {
    skip_if_missing nft
    local a b srv cli
    a=$(net_name)
    b=$(net_name)
    srv=$(unique_name)
    cli=$(unique_name)
    run_burrow network create "$a"
    run_burrow network create "$b"
    run_burrow run -d --name "$srv" --network "$a" $IMAGE \
        sh -c 'mkdir -p /www && echo served > /www/index.html && httpd -f -p 8080 -h /www'
    run_burrow run -d --name "$cli" --network "$b" $IMAGE sleep 300
    run_burrow 1 exec "$cli" sh -c "$(get_cmd "$srv" 8080) | grep served"
    run_burrow network connect --alias other "$a" "$cli"
    run_burrow exec "$cli" ip -4 -o addr show eth1
    assert "$output" =~ "inet 10\.89\."
    run_burrow exec "$cli" sh -c "$(get_cmd "$srv" 8080)"
    assert "$output" =~ "served"
    run_burrow exec "$srv" nslookup other.dns.podman
    assert "$output" =~ "10\.89\."
    run_burrow 125 network connect "$a" "$cli"
    assert "$output" =~ "already connected"
    run_burrow network disconnect "$a" "$cli"
    run_burrow '?' exec "$cli" ip link show eth1
    assert "$output" =~ "can't find device 'eth1'" "the interface is gone"
    run_burrow 1 exec "$cli" sh -c "$(get_cmd "$srv" 8080) | grep served"
    run_burrow 125 network disconnect "$a" "$cli"
    assert "$output" =~ "is not connected to network $a"
}

@test "network: a published port of a container on a user network" {
    skip_if_missing nft
    skip_if_missing curl
    local a c port
    a=$(net_name)
    c=$(unique_name)
    port=$((20000 + RANDOM % 20000))
    run_burrow network create "$a"
    run_burrow run -d --name "$c" --network "$a" -p "127.0.0.1:$port:80" $IMAGE \
        sh -c 'mkdir -p /www && echo published > /www/index.html && httpd -f -p 80 -h /www'
    wait_until 10 curl -sf "http://127.0.0.1:$port/"
    run curl -sf --max-time 5 "http://127.0.0.1:$port/"
    is "$output" "published"
    # The port is taken while the container runs: another container can't have it.
    run_burrow 125 run --rm --network "$a" -p "127.0.0.1:$port:80" $IMAGE true
    assert "$output" =~ "rootlessport listen tcp 127.0.0.1:$port: bind: address already in use"
    run_burrow rm -f -t 0 "$c"
    run curl -sf --max-time 2 "http://127.0.0.1:$port/"
    assert "$status" -ne 0 "the port is closed once the container is gone"
}

@test "network: a published UDP port of a container on a user network" {
    skip_if_missing nft
    local a c port
    build_udpecho
    a=$(net_name)
    c=$(unique_name)
    port=$((20000 + RANDOM % 20000))
    run_burrow network create "$a"
    run_burrow run -d --name "$c" --network "$a" -v "$UDPECHO:/udpecho:ro" -p "127.0.0.1:$port:9999/udp" $IMAGE /udpecho 9999
    run udp_ask "$port" net
    assert "$status" == 0 "the echo server on the user network answered"
    is "$output" "echo: net-[0-9]+"
    run_burrow rm -f -t 0 "$c"
}

@test "network: stop drops the container's DNS entry and interface" {
    skip_if_missing nft
    local a c
    a=$(net_name)
    c=$(unique_name)
    run_burrow network create "$a"
    run_burrow run -d --name "$c" --network "$a" $IMAGE sleep 300
    local dir
    dir=$(burrow_runroot)/networks/$a
    [[ -f $dir/$(_burrow_direct inspect --format '{{.Id}}' "$c") ]] || die "no DNS entry for the running container"
    run_burrow stop -t 0 "$c"
    run ls "$dir"
    assert "$output" !~ "[0-9a-f]{64}" "no DNS entry left after stop"
}

@test "network: inspect shows the container's networks; --internal has no way out" {
    local a i c
    a=$(net_name)
    i=$(net_name)
    c=$(unique_name)
    run_burrow network create --subnet 10.91.7.0/24 "$a"
    run_burrow network create --internal "$i"
    run_burrow run -d --name "$c" --network "$a:ip=10.91.7.42,alias=db" $IMAGE sleep 300
    run_burrow inspect --format "{{(index .NetworkSettings.Networks \"$a\").IPAddress}} {{(index .NetworkSettings.Networks \"$a\").Gateway}} {{(index .NetworkSettings.Networks \"$a\").IPPrefixLen}} {{(index .NetworkSettings.Networks \"$a\").Aliases}}" "$c"
    is "$output" "10.91.7.42 10.91.7.1 24 \[db\]"
    run_burrow exec "$c" ip route
    assert "$output" =~ "default via 10.91.7.1 dev eth0"
    run_burrow run --rm --network "$i" $IMAGE ip route
    assert "$output" !~ "default" "no default route on an internal network"
    run_burrow 125 run --rm --network "$a:ip=10.91.7.42" $IMAGE true
    assert "$output" =~ "requested ip address 10.91.7.42 is already allocated to another container"
}

@test "network: a killed monitor's entry is dropped and nothing is left running" {
    skip_if_missing pgrep
    local a c
    a=$(net_name)
    c=$(unique_name)
    run_burrow network create "$a"
    run_burrow run -d --name "$c" --network "$a" $IMAGE sleep 300
    local id=$output
    local dir
    dir=$(burrow_runroot)/networks/$a
    [[ -f $dir/$id ]] || die "no DNS entry for the running container"
    pgrep -u "$(id -u)" -f '[_]_rootless-netns' >/dev/null || die "no rootless network namespace keeper"
    kill -9 "$(cat "$(burrow_runroot)/ctr/$id/monitor.pid")"
    run_burrow inspect --format '{{.State.ExitCode}}' "$c"
    wait_until 10 sh -c "! test -e $dir/$id"
    run_burrow rm -f "$c"
    # The last container is gone: the keeper and its pasta stop.
    wait_until 10 sh -c "! pgrep -u $(id -u) -f [_]_rootless-netns"
    run pgrep -u "$(id -u)" -f "[p]asta.*$(burrow_runroot)/networks"
    assert "$status" -ne 0 "no pasta of the rootless namespace left"
}

@test "network: containers started at once get distinct addresses" {
    local a i
    local -a pids=()
    a=$(net_name)
    run_burrow network create "$a"
    # One start first: concurrent first starts of a fresh store race on compiling the
    # seccomp cache (a separate bug), which isn't what this test is about.
    run_burrow run --rm --network "$a" $IMAGE true
    for i in 1 2 3 4 5; do
        timeout 60 "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" run --rm --network "$a" $IMAGE \
            sh -c 'ip -4 -o addr show eth0' </dev/null >"$BURROW_TEST_TMPDIR/out$i" 2>&1 &
        pids+=($!)
    done
    for i in "${pids[@]}"; do
        wait "$i" || true
    done
    run sh -c "cat $BURROW_TEST_TMPDIR/out* | sed -n 's/.*inet \([0-9.]*\)\/.*/\1/p' | sort -u | wc -l"
    is "$output" "5" "five containers, five addresses: $(cat "$BURROW_TEST_TMPDIR"/out*)"
}

@test "network: connect a created container, which starts on both networks" {
    local a b c
    a=$(net_name)
    b=$(net_name)
    c=$(unique_name)
    run_burrow network create "$a"
    run_burrow network create --subnet 10.92.3.0/24 "$b"
    run_burrow create --name "$c" --network "$a" $IMAGE sleep 300
    run_burrow network connect --ip 10.92.3.33 "$b" "$c"
    run_burrow inspect --format "{{(index .NetworkSettings.Networks \"$b\").IPAddress}}" "$c"
    is "$output" "10.92.3.33"
    run_burrow start "$c"
    run_burrow exec "$c" ip -4 -o addr show eth1
    assert "$output" =~ "inet 10.92.3.33/24"
    run_burrow 125 network connect "$b" nosuchcontainer
    run_burrow create --name "$c-p" $IMAGE true
    run_burrow 125 network connect "$a" "$c-p"
    assert "$output" =~ "can only be connected to networks when it was created with --network NAME"
}

@test "network: connect and disconnect edit /etc/hosts and resolv.conf as podman 4 does" {
    local a b n c d
    a=$(net_name)
    b=$(net_name)
    n=$(net_name)
    c=$(unique_name)
    d=$(unique_name)
    run_burrow network create --subnet 10.93.1.0/24 "$a"
    run_burrow network create --subnet 10.93.2.0/24 "$b"
    run_burrow network create --subnet 10.93.3.0/24 --disable-dns "$n"
    run_burrow run -d --name "$c" --network "$a:ip=10.93.1.5" $IMAGE sleep 300
    run_burrow exec "$c" cat /etc/hosts
    assert "$output" =~ "10\.93\.1\.5[[:space:]].*$c"
    run_burrow network connect --ip 10.93.2.5 "$b" "$c"
    run_burrow exec "$c" cat /etc/hosts
    assert "$output" =~ "10\.93\.1\.5[[:space:]].*$c" "the first network's entry stays"
    assert "$output" =~ "10\.93\.2\.5[[:space:]].*$c" "the new network's entry is added"
    # The new network's DNS responder goes first.
    run_burrow exec "$c" sh -c "grep ^nameserver /etc/resolv.conf | head -2 | tr '\n' ' '"
    is "$output" "nameserver 10.93.2.1 nameserver 10.93.1.1 "
    run_burrow network connect --ip 10.93.3.5 "$n" "$c"
    run_burrow exec "$c" cat /etc/hosts
    assert "$output" =~ "10\.93\.3\.5[[:space:]].*$c"
    run_burrow exec "$c" cat /etc/resolv.conf
    assert "$output" !~ "10\.93\.3\.1" "a network without DNS adds no nameserver"
    run_burrow network disconnect "$b" "$c"
    run_burrow exec "$c" cat /etc/hosts
    assert "$output" !~ "10\.93\.2\.5" "the entry of the disconnected network is gone"
    assert "$output" =~ "10\.93\.1\.5[[:space:]].*$c"
    run_burrow exec "$c" cat /etc/resolv.conf
    assert "$output" !~ "10\.93\.2\.1" "the disconnected network's nameserver is gone"
    assert "$output" =~ "nameserver 10\.93\.1\.1"
    # Names still resolve through the remaining network's responder.
    run_burrow exec "$c" nslookup "$c.dns.podman"
    assert "$output" =~ "Address: 10\.93\.1\.5"

    # A created container starts with the files of all its networks (podman writes them
    # at start).
    run_burrow create --name "$d" --network "$a" $IMAGE sleep 300
    run_burrow network connect --ip 10.93.2.9 "$b" "$d"
    run_burrow start "$d"
    run_burrow exec "$d" cat /etc/hosts
    assert "$output" =~ "10\.93\.2\.9[[:space:]].*$d"
    assert "$output" =~ "10\.93\.1\.[0-9]+[[:space:]].*$d"
    run_burrow exec "$d" cat /etc/resolv.conf
    assert "$output" =~ "nameserver 10\.93\.2\.1"
    assert "$output" =~ "nameserver 10\.93\.1\.1"
}
