#!/bin/bash
# Measures youki's libcontainer (this directory's probe) against burrow's own runtime on
# one `true` container, rootless. The numbers are in docs/runtime.md.
#
# Run as the unprivileged user who owns the burrow store, with burrow, libcontainer-probe,
# make-bundle.py and hyperfine in PATH:
#
#   run.sh ROOTFS_TAR [WORK_DIR]
#
# ROOTFS_TAR is a busybox rootfs tarball (tests/bats/helpers.bash fixture_rootfs_tar makes
# one); it is imported into burrow as localhost/busybox:libct and extracted into
# WORK_DIR/rootfs for libcontainer (a plain directory; burrow mounts an overlay).
# ROUNDS (3) x RUNS (10) hyperfine runs of every command, interleaved by round, so load
# from other work falls on all of them alike; TIMED (30) runs for the in-process timings.
# WAIT_IDLE=1 first waits (at most 40 minutes) until the CPUs were >= 80 % idle for 5 s.
#
# libcontainer 0.7 always moves the container into a cgroup (`cgroupsPath`); on a cgroup v1
# machine without systemd a rootless user can't, so root must first hand it a subtree:
#   for c in cpu cpuacct cpuset memory devices freezer blkio pids; do
#     mkdir /sys/fs/cgroup/$c/$USER && chown -R $USER: /sys/fs/cgroup/$c/$USER; done
#   cat /sys/fs/cgroup/cpuset/cpuset.cpus > /sys/fs/cgroup/cpuset/$USER/cpuset.cpus
#   cat /sys/fs/cgroup/cpuset/cpuset.mems > /sys/fs/cgroup/cpuset/$USER/cpuset.mems
set -euo pipefail

tar_file=${1:?usage: run.sh ROOTFS_TAR [WORK_DIR]}
work=${2:-/var/tmp/libct-$(id -un)}
rounds=${ROUNDS:-3}
runs=${RUNS:-10}
timed=${TIMED:-30}
img=localhost/busybox:libct
seccomp=/usr/share/containers/seccomp.json
cg=/$(id -un)/probe

if [[ -d /sys/fs/cgroup/cpu && ! -w /sys/fs/cgroup/cpu/$(id -un) ]]; then
    echo "run.sh: cgroup v1 and /sys/fs/cgroup/cpu/$(id -un) is not writable: see the comment at the top" >&2
    exit 1
fi

if [[ ${WAIT_IDLE:-} == 1 ]]; then
    for ((i = 0; i < 80; i++)); do
        idle=$(vmstat 5 2 | tail -1 | awk '{print $15}')
        echo "idle: $idle %"
        ((idle >= 80)) && break
        sleep 25
    done
fi

mkdir -p "$work/state" "$work/rootfs"
[[ -e $work/rootfs/bin/busybox ]] || tar -C "$work/rootfs" -xf "$tar_file"
burrow image exists "$img" || burrow import "$tar_file" "$img" >/dev/null

# The spec burrow generates for `run --network none IMG true`, turned into four bundles.
burrow rm -f libct-spec >/dev/null 2>&1 || true
id=$(burrow create --network none --name libct-spec "$img" true)
ctr_dir=$HOME/.local/share/burrow/containers/$id
cp "$ctr_dir/config.json" "$work/burrow-config.json"
for mode in rootless shared; do
    make-bundle.py --cgroups-path "$cg" "$work/burrow-config.json" "$work/rootfs" "$work/b-$mode" $mode
    make-bundle.py --cgroups-path "$cg" --seccomp "$seccomp" \
        "$work/burrow-config.json" "$work/rootfs" "$work/b-$mode-seccomp" $mode
done
burrow rm -f libct-spec >/dev/null

probe="libcontainer-probe $work/state"
declare -A cmd=(
    [lc-rootless]="$probe $work/b-rootless"
    [lc-rootless-seccomp]="$probe $work/b-rootless-seccomp"
    [lc-shared]="burrow unshare -- $probe $work/b-shared"
    [lc-shared-seccomp]="burrow unshare -- $probe $work/b-shared-seccomp"
    [burrow-unconfined]="burrow run --rm --network none --security-opt seccomp=unconfined $img true"
    [burrow-run]="burrow run --rm --network none $img true"
    [unshare-true]="burrow unshare -- true"
)
names=(lc-rootless lc-rootless-seccomp lc-shared lc-shared-seccomp burrow-unconfined burrow-run unshare-true)

# 1. Whole commands, hyperfine, interleaved rounds.
args=()
for n in "${names[@]}"; do args+=(-n "$n" "${cmd[$n]}"); done
for ((r = 1; r <= rounds; r++)); do
    echo "round $r: load $(cut -d' ' -f1-3 /proc/loadavg)"
    hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/round-$r.json" "${args[@]}" >/dev/null
done
python3 - "$work" "$rounds" <<'EOF'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
times = {}
for r in range(1, rounds + 1):
    for res in json.load(open(f"{work}/round-{r}.json"))["results"]:
        times.setdefault(res["command"], []).extend(res["times"])
print(f"{'command':22} {'runs':>4} {'median ms':>9} {'min ms':>7}")
for name, t in times.items():
    print(f"{name:22} {len(t):4} {statistics.median(t) * 1000:9.1f} {min(t) * 1000:7.1f}")
EOF

# 2. The runtime alone, timed inside the processes, interleaved run by run:
#    libcontainer: create+start+wait (and delete) as the probe reports them;
#    burrow: the monitor from "read its config" to "container exited and was reaped"
#    (clone, rootfs, mounts, seccomp, exec, exit, reap; no CLI, store or monitor spawn),
#    and "with delete" to the CLI's "removed" (exit status to the CLI, --rm removal).
: >"$work/timed.txt"
timed_run() { # NAME ENV=VALUE: one run, stdout to /dev/null and stderr to a file as under
    # hyperfine (a pipe to a prefixing process would compete with the run for the CPUs)
    local argv
    read -ra argv <<<"${cmd[$1]}"
    env "$2" "${argv[@]}" >/dev/null 2>"$work/timed.one" || true
    sed "s/^/$1 /" "$work/timed.one" >>"$work/timed.txt"
}
for ((i = 0; i < timed; i++)); do
    timed_run lc-rootless PROBE_TIMING=1
    timed_run lc-shared PROBE_TIMING=1
    timed_run lc-shared-seccomp PROBE_TIMING=1
    timed_run burrow-unconfined BURROW_TRACE_TIMING=1
    timed_run burrow-run BURROW_TRACE_TIMING=1
done
python3 - "$work/timed.txt" <<'EOF'
import re, statistics, sys
probe, mon, cur = {}, {}, {}
for line in open(sys.argv[1]):
    name, rest = line.split(" ", 1)
    m = re.search(r"create (\d+) start (\d+) wait (\d+) delete (\d+) total (\d+)", rest)
    if m:
        c, s, w, d, t = map(int, m.groups())
        probe.setdefault(name, []).append(((c + s + w) / 1000, t / 1000))
        continue
    # burrow: [monitor SS.micros] what / [cli SS.micros] [ms] what (seconds modulo 100)
    m = re.match(r"\[(monitor|cli) (\d+\.\d+)\] (?:\[ *[\d.]+ ms\] )?(.*)", rest.strip())
    if not m:
        continue
    at, what = float(m.group(2)), m.group(3)
    if what == "read its config":
        cur[name] = [at, None]
    elif what == "container exited and was reaped" and name in cur:
        cur[name][1] = ((at - cur[name][0]) % 100) * 1000
    elif what == "removed" and name in cur and cur[name][1] is not None:
        start, run = cur.pop(name)
        mon.setdefault(name, []).append((run, ((at - start) % 100) * 1000))
print(f"{'runtime only':22} {'runs':>4} {'median ms':>9} {'with delete':>11}")
for name, v in list(probe.items()) + list(mon.items()):
    print(f"{name:22} {len(v):4} {statistics.median(a for a, _ in v):9.1f} {statistics.median(b for _, b in v):11.1f}")
EOF
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
