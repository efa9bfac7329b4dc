#!/usr/bin/env bash
# burrow's demo, offline: install what is needed, build, and as an unprivileged user
# import a busybox image (made here from Debian's busybox-static), list and inspect it,
# run containers in the foreground and in the background, show their logs.
#
# As root (a fresh machine): installs packages, creates the user `burrowdemo` with a
# subordinate id range, and runs the demo as that user. As a normal user: builds and runs
# the demo as you (the packages of tests/run.sh must be installed).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
USER_NAME=${BURROW_DEMO_USER:-burrowdemo}

if [[ $(id -u) == 0 && ${1:-} != --as-user ]]; then
    BURROW_TEST_USER=$USER_NAME bash "$ROOT/tests/run.sh" --setup-only
    stage=/var/tmp/burrow-test-$USER_NAME
    install -m 0755 "$ROOT/scripts/demo.sh" "$stage/demo.sh"
    uid=$(id -u "$USER_NAME")
    home=$(getent passwd "$USER_NAME" | cut -d: -f6)
    cd /tmp
    exec runuser -u "$USER_NAME" -- env -i HOME="$home" USER="$USER_NAME" LOGNAME="$USER_NAME" \
        PATH="$stage/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin" XDG_RUNTIME_DIR="/run/user/$uid" \
        bash "$stage/demo.sh" --as-user
fi

if ! command -v burrow >/dev/null; then
    (cd "$ROOT" && cargo build --release)
    PATH=$ROOT/target/x86_64-unknown-linux-gnu/release:$PATH
fi

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A FROM-scratch busybox rootfs: the static binary, its applets as links, a passwd file.
mkdir -p "$work/rootfs"/{bin,etc,tmp,root,home/user}
cp /bin/busybox "$work/rootfs/bin/busybox"
for applet in $(/bin/busybox --list); do
    [[ $applet == busybox ]] || ln -s busybox "$work/rootfs/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/home/user:/bin/sh\n' >"$work/rootfs/etc/passwd"
printf 'root:x:0:\nuser:x:1000:\n' >"$work/rootfs/etc/group"
chmod 1777 "$work/rootfs/tmp"
tar --numeric-owner --owner=0 --group=0 -C "$work/rootfs" -cf "$work/busybox.tar" .

burrow rm -f demo-web >/dev/null 2>&1 || true
step burrow import --change 'CMD ["/bin/sh"]' "$work/busybox.tar" localhost/demo/busybox:latest
step burrow images
step burrow image inspect --format '{{.Id}} {{.Os}}/{{.Architecture}} layers={{len .RootFS.Layers}} cmd={{.Config.Cmd}}' demo/busybox
step burrow run --rm demo/busybox sh -c 'echo "hello from $(hostname), I am $(id -un) in $(pwd)"'
step burrow run -d --name demo-web demo/busybox sh -c 'for i in 1 2 3; do echo "tick $i"; sleep 0.2; done; sleep 600'
sleep 1
step burrow ps
step burrow logs demo-web
step burrow exec demo-web sh -c 'echo "exec sees pid 1 as: $(cat /proc/1/cmdline | tr "\0" " ")"'
# A web server published on the host through pasta (the default network): curl reaches it.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
burrow rm -f demo-http >/dev/null 2>&1 || true
step burrow run -d --name demo-http -p "127.0.0.1:$port:80" demo/busybox \
    sh -c 'mkdir -p /w && echo "hello over the network from $(hostname)" >/w/index.html && exec httpd -f -p 80 -h /w'
step burrow port demo-http
page=
for _ in $(seq 50); do page=$(curl -s --max-time 2 "http://127.0.0.1:$port/index.html") && break; sleep 0.1; done
step echo "curl http://127.0.0.1:$port/ -> $page"
step burrow rm -f -t 0 demo-http
step burrow stop -t 0 demo-web
step burrow ps -a --format '{{.Names}}  {{.Status}}'
step burrow rm demo-web
step burrow info --format 'store: {{.Store.GraphRoot}} driver={{.Store.GraphDriverName}} rootless={{.Host.Security.Rootless}}'
