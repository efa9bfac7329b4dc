#!/usr/bin/env bash
#
# tests/run.sh - burrow's test command (the README's, and what .ci/run calls).
#
#   tests/run.sh [FILE...]
#
# 1. cargo build --release, then cargo test --release (same profile: built once).
# 2. The bats suite, tests/bats/[0-8]*.bats (or the FILEs given: a path, or a
#    name in tests/bats such as 001-basic or 001-basic.bats).
#    As root: installs the Debian packages the tests need (only missing ones),
#    prepares the unprivileged user $BURROW_TEST_USER (burrowtest) with sub-ids,
#    /dev/fuse, /dev/net/tun and a runtime dir, copies the binary and tests/ to
#    /var/tmp/burrow-test, wipes that user's burrow state, and runs the suite as
#    that user: rootless, as burrow is meant to be used. Then the rootful smoke
#    files tests/bats/9*-rootful*.bats run as root against a throw-away store.
#    As any other user: runs the suite as yourself, with your own store.
#
# Environment:
#   BURROW=PATH                the binary to test (default target/x86_64-unknown-linux-gnu/release/burrow)
#   BURROW_SKIP_BUILD=1        skip cargo build and cargo test
#   BURROW_BATS_FILTER=REGEX   only the bats tests whose name matches (--filter)
#   BATS_TEST_TIMEOUT=SECONDS  per-test timeout (default 120)
#   BURROW_TIMEOUT=SECONDS     per-command timeout in run_burrow (default 60)
#   BURROW_SUITE_TIMEOUT=SECS  cap on the bats run (default 1800; the rootful
#                              smoke run gets at most 600)
#   BURROW_TEST_USER=NAME      the unprivileged test user, as root (burrowtest;
#                              its processes are killed and its burrow state
#                              wiped before each run; binary and tests are
#                              copied to /var/tmp/burrow-test[-NAME])
#
# The last line is "N passed, M failed[, K skipped]" over the bats tests; the
# exit status is non-zero when cargo test or any bats test failed.

set -euo pipefail

ORIG_PWD=$PWD
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
STARTED=$SECONDS

BATS_DIR=$ROOT/tests/bats
TEST_USER=${BURROW_TEST_USER:-burrowtest}
STAGE=/var/tmp/burrow-test
if [[ $TEST_USER != burrowtest ]]; then STAGE=/var/tmp/burrow-test-$TEST_USER; fi
SUITE_TIMEOUT=${BURROW_SUITE_TIMEOUT:-1800}
export BATS_TEST_TIMEOUT=${BATS_TEST_TIMEOUT:-120}
APT_PACKAGES=(uidmap fuse-overlayfs slirp4netns passt bats busybox-static docker-registry
    skopeo podman umoci jq apache2-utils openssl python3 libseccomp-dev curl procps
    gcc libc6-dev runc strace nftables)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/burrow-tests.XXXXXX")
chmod 0755 "$WORK"
trap 'rm -rf "$WORK"' EXIT

log() { printf '==> %s\n' "$*"; }
warn() { printf '==> WARNING: %s\n' "$*" >&2; }
fatal() {
    printf '==> ERROR: %s\n' "$*" >&2
    exit 1
}

elapsed() {
    local s=$((SECONDS - STARTED))
    printf '%dm%02ds' $((s / 60)) $((s % 60))
}

###############################################################################
# Build and unit tests

CARGO_FAILED=0

build_and_unit_test() {
    if [[ ${BURROW_SKIP_BUILD:-0} == 1 ]]; then
        log "BURROW_SKIP_BUILD=1: skipping cargo build and cargo test"
        return 0
    fi
    if ! command -v cargo >/dev/null && [[ -x ${HOME:-/root}/.cargo/bin/cargo ]]; then
        PATH=${HOME:-/root}/.cargo/bin:$PATH
    fi
    command -v cargo >/dev/null || fatal "cargo not found (install Rust, or BURROW_SKIP_BUILD=1 BURROW=...)"

    log "cargo build --release"
    if ! cargo build --release; then
        fatal "cargo build --release failed ($(elapsed))"
    fi

    if ((SETUP_ONLY)); then
        return 0
    fi
    log "cargo test --release"
    local rc=0
    cargo test --release 2>&1 | tee "$WORK/cargo-test.log" || rc=$?
    local passed=0 failed=0 ignored=0 suites=0 line
    local re='^test result: [A-Za-z]+\. ([0-9]+) passed; ([0-9]+) failed; ([0-9]+) ignored'
    while IFS= read -r line; do
        if [[ $line =~ $re ]]; then
            passed=$((passed + BASH_REMATCH[1]))
            failed=$((failed + BASH_REMATCH[2]))
            ignored=$((ignored + BASH_REMATCH[3]))
            suites=$((suites + 1))
        fi
    done <"$WORK/cargo-test.log"
    log "cargo test: $passed passed; $failed failed; $ignored ignored (in $suites test suites)"
    if ((rc != 0)); then
        warn "cargo test failed (exit $rc)"
        CARGO_FAILED=1
    fi
}

###############################################################################
# Choosing bats files

ROOTLESS_FILES=() # names in tests/bats, run as the test user (or yourself)
ROOTFUL_FILES=()  # names in tests/bats, run as root when we are root

add_bats_file() {
    local path=$1 name
    name=$(basename -- "$path")
    [[ $(cd -- "$(dirname -- "$path")" && pwd -P) == "$BATS_DIR" ]] ||
        fatal "$path: only files in tests/bats can be run (they load tests/bats/helpers.bash)"
    if [[ $name == *rootful* ]]; then
        ROOTFUL_FILES+=("$name")
    else
        ROOTLESS_FILES+=("$name")
    fi
}

choose_bats_files() {
    local arg f
    local -a found
    if (($# == 0)); then
        for f in "$BATS_DIR"/[0-8]*.bats; do
            [[ -e $f ]] && ROOTLESS_FILES+=("$(basename -- "$f")")
        done
        for f in "$BATS_DIR"/9*-rootful*.bats; do
            [[ -e $f ]] && ROOTFUL_FILES+=("$(basename -- "$f")")
        done
        return 0
    fi
    for arg in "$@"; do
        found=()
        if [[ $arg == /* && -f $arg ]]; then
            found=("$arg")
        elif [[ -f $ORIG_PWD/$arg ]]; then
            found=("$ORIG_PWD/$arg")
        elif [[ -f $ROOT/$arg ]]; then
            found=("$ROOT/$arg")
        elif [[ -f $BATS_DIR/$arg ]]; then
            found=("$BATS_DIR/$arg")
        elif [[ -f $BATS_DIR/$arg.bats ]]; then
            found=("$BATS_DIR/$arg.bats")
        else
            for f in "$BATS_DIR/$arg"*.bats; do
                [[ -e $f ]] && found+=("$f")
            done
        fi
        ((${#found[@]})) || fatal "no bats file matches '$arg' (looked in ., the repo and tests/bats)"
        for f in "${found[@]}"; do add_bats_file "$f"; done
    done
}

###############################################################################
# Running bats and counting its TAP

PASSED=0
FAILED=0
SKIPPED=0

# run_bats LABEL DIR LIMIT COMMAND...: run COMMAND (a bats invocation) in DIR
# for at most LIMIT seconds, its output in a file shown live, so a stray
# process that keeps the output open can never hang this script; then count
# the TAP results.
run_bats() {
    local label=$1 dir=$2 limit=$3
    shift 3
    local tap=$WORK/$label.tap
    : >"$tap"
    chmod 0644 "$tap"
    (cd -- "$dir" && exec timeout -k 30 "$limit" "$@") </dev/null >"$tap" 2>&1 &
    local pid=$!
    tail -n +1 -f --pid="$pid" "$tap" &
    local tail_pid=$!
    local rc=0
    wait "$pid" || rc=$?
    wait "$tail_pid" || true

    local passed=0 failed=0 skipped=0 planned=0 line
    while IFS= read -r line; do
        case $line in
            "not ok "*) failed=$((failed + 1)) ;;
            "ok "*" # skip"*) skipped=$((skipped + 1)) ;;
            "ok "*) passed=$((passed + 1)) ;;
            1..*) [[ ${line#1..} =~ ^[0-9]+$ ]] && planned=$((planned + ${line#1..})) ;;
        esac
    done <"$tap"
    local seen=$((passed + failed + skipped))
    if ((rc == 124 || rc == 137)); then
        warn "bats ($label) was stopped after ${limit}s (BURROW_SUITE_TIMEOUT)"
    fi
    if ((planned > seen)); then
        warn "bats ($label): $((planned - seen)) of $planned tests did not report; counted as failed"
        failed=$((failed + planned - seen))
    elif ((rc != 0 && failed == 0)); then
        warn "bats ($label) exited $rc without a failing test (bad file? missing bats?); counted as 1 failure"
        failed=$((failed + 1))
    fi
    log "bats ($label): $passed passed, $failed failed, $skipped skipped ($(elapsed) so far)"
    PASSED=$((PASSED + passed))
    FAILED=$((FAILED + failed))
    SKIPPED=$((SKIPPED + skipped))
}

bats_args() {
    BATS_ARGS=(--tap --timing)
    if [[ -n ${BURROW_BATS_FILTER:-} ]]; then
        BATS_ARGS+=(--filter "$BURROW_BATS_FILTER")
    fi
}

###############################################################################
# Root only: host preparation

apt_get() {
    local i
    for i in 1 2 3 4; do
        if DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=90 "$@"; then
            return 0
        fi
        warn "apt-get $1 failed (attempt $i of 4); retrying in 10s"
        sleep 10
    done
    return 1
}

install_packages() {
    local p
    local -a missing=()
    for p in "${APT_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' installed$'; then
            missing+=("$p")
        fi
    done
    if ((${#missing[@]} == 0)); then
        log "Debian packages: all present"
        return 0
    fi
    log "installing: ${missing[*]}"
    apt_get update -qq || warn "apt-get update failed"
    apt_get install -y -qq "${missing[@]}" || warn "apt-get install failed: some tests will fail or skip"
}

# Print a start for a 65536-id range that overlaps no range in /etc/subuid or
# /etc/subgid.
free_subid_start() {
    local -a starts=() ends=()
    local f name start count i candidate ok
    for f in /etc/subuid /etc/subgid; do
        [[ -r $f ]] || continue
        while IFS=: read -r name start count; do
            [[ $start =~ ^[0-9]+$ && $count =~ ^[0-9]+$ ]] || continue
            starts+=("$start")
            ends+=($((start + count)))
        done <"$f"
    done
    for ((candidate = 100000; candidate < 100000 + 65536 * 4096; candidate += 65536)); do
        ok=1
        for i in "${!starts[@]}"; do
            if ((candidate < ends[i] && starts[i] < candidate + 65536)); then
                ok=0
                break
            fi
        done
        if ((ok)); then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

prepare_test_user() {
    if ! id -u "$TEST_USER" >/dev/null 2>&1; then
        log "creating user $TEST_USER"
        useradd --create-home --home-dir "/home/$TEST_USER" --shell /bin/bash "$TEST_USER"
    fi
    TEST_UID=$(id -u "$TEST_USER")
    TEST_GID=$(id -g "$TEST_USER")
    TEST_HOME=$(getent passwd "$TEST_USER" | cut -d: -f6)
    if [[ ! -d $TEST_HOME ]]; then
        install -d -m 0755 -o "$TEST_UID" -g "$TEST_GID" "$TEST_HOME"
    fi

    local f start
    for f in /etc/subuid /etc/subgid; do
        [[ -e $f ]] || install -m 0644 /dev/null "$f"
        if ! grep -q -E "^($TEST_USER|$TEST_UID):" "$f"; then
            start=$(free_subid_start) || fatal "no free sub-id range for $TEST_USER"
            log "adding $TEST_USER:$start:65536 to $f"
            echo "$TEST_USER:$start:65536" >>"$f"
        fi
    done

    if [[ ! -e /dev/net/tun ]]; then
        if ! { mkdir -p /dev/net && mknod /dev/net/tun c 10 200; }; then
            warn "cannot create /dev/net/tun"
        fi
    fi
    if [[ ! -e /dev/fuse ]]; then
        mknod /dev/fuse c 10 229 || warn "cannot create /dev/fuse"
    fi
    chmod 0666 /dev/fuse /dev/net/tun 2>/dev/null || warn "cannot chmod /dev/fuse /dev/net/tun"

    TEST_RUNTIME_DIR=/run/user/$TEST_UID
    install -d -m 0755 /run/user
    install -d -m 0700 -o "$TEST_UID" -g "$TEST_GID" "$TEST_RUNTIME_DIR"
}

# PIDs of live processes (not zombies) running as the test user or as one of
# its sub-uids (container processes).
test_user_pids() {
    local -a ranges=("$TEST_UID" 1)
    local name start count
    while IFS=: read -r name start count; do
        if [[ ($name == "$TEST_USER" || $name == "$TEST_UID") && $start =~ ^[0-9]+$ && $count =~ ^[0-9]+$ ]]; then
            ranges+=("$start" "$count")
        fi
    done </etc/subuid
    ps -e -o pid=,ruid=,euid=,stat= | awk -v self=$$ -v r="${ranges[*]}" '
        BEGIN { n = split(r, a, " ") }
        $1 != self && $4 !~ /^Z/ {
            for (i = 1; i < n; i += 2)
                if (($2 >= a[i] && $2 < a[i] + a[i+1]) || ($3 >= a[i] && $3 < a[i] + a[i+1])) { print $1; break }
        }'
}

kill_test_user_processes() {
    local i
    local -a pids
    for ((i = 0; i < 20; i++)); do
        mapfile -t pids < <(test_user_pids)
        ((${#pids[@]})) || return 0
        if ((i == 0)); then
            log "killing ${#pids[@]} leftover processes of $TEST_USER:"
            ps -o pid=,user=,args= -p "$(IFS=,; echo "${pids[*]}")" | cut -c1-160 | sed 's/^/    /' || true
        fi
        kill -KILL "${pids[@]}" 2>/dev/null || true
        sleep 0.5
    done
    warn "processes of $TEST_USER still running: ${pids[*]}"
}

# Unmount anything left mounted under DIR (innermost first).
unmount_under() {
    local dir=$1 mnt
    [[ -e $dir ]] || return 0
    awk '{ print $5 }' /proc/self/mountinfo | sed 's/\\040/ /g' | sort -r |
        while IFS= read -r mnt; do
            if [[ $mnt == "$dir" || $mnt == "$dir"/* ]]; then
                umount -l "$mnt" 2>/dev/null || warn "cannot unmount $mnt"
            fi
        done
}

reset_test_user_state() {
    kill_test_user_processes
    local d
    for d in "$TEST_HOME/.local/share/burrow" "$TEST_HOME/.config/burrow" "$TEST_HOME/.cache/burrow" \
        "$TEST_RUNTIME_DIR/burrow" "/tmp/burrow-run-$TEST_UID"; do
        unmount_under "$d"
        if [[ -e $d || -L $d ]]; then
            rm -rf -- "$d" || warn "cannot remove $d"
        fi
    done
    # bats temp dirs of runs that were killed before they could clean up
    find /tmp -maxdepth 1 -name 'bats-run-*' -user "$TEST_UID" -exec rm -rf -- {} + 2>/dev/null ||
        warn "cannot remove old bats temp dirs of $TEST_USER in /tmp"
}

stage_binary_and_tests() {
    rm -rf -- "$STAGE"
    install -d -m 0755 "$STAGE" "$STAGE/bin"
    install -m 0755 "$BURROW_BIN" "$STAGE/bin/burrow"
    cp -R -- "$ROOT/tests" "$STAGE/tests"
    chmod -R a+rX,go-w "$STAGE/tests"
}

###############################################################################
# Main

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
    sed -n '3,/^$/s/^# \{0,1\}//p' "$ROOT/tests/run.sh"
    exit 0
fi

# --setup-only (used by scripts/demo.sh): install, build, create the user, stage the
# binary; run no test.
SETUP_ONLY=0
if [[ ${1:-} == --setup-only ]]; then
    SETUP_ONLY=1
    shift
fi
choose_bats_files "$@"
IS_ROOT=0
if [[ $(id -u) == 0 ]]; then IS_ROOT=1; fi

if ((IS_ROOT)); then
    install_packages
fi
command -v bats >/dev/null || fatal "bats is not installed (apt-get install bats)"

build_and_unit_test

BURROW_BIN=${BURROW:-$ROOT/target/x86_64-unknown-linux-gnu/release/burrow}
if [[ $BURROW_BIN != */* ]]; then
    BURROW_BIN=$(command -v "$BURROW_BIN") || fatal "BURROW=$BURROW: not found in PATH"
elif [[ $BURROW_BIN != /* ]]; then
    BURROW_BIN=$ORIG_PWD/$BURROW_BIN
fi
[[ -x $BURROW_BIN ]] || fatal "no burrow binary at $BURROW_BIN (build it, or set BURROW=...)"
log "testing $BURROW_BIN"

bats_args
if ((IS_ROOT)); then
    prepare_test_user
    stage_binary_and_tests
    reset_test_user_state
    if ((SETUP_ONLY)); then
        log "set up $TEST_USER with $STAGE/bin/burrow"
        exit 0
    fi
    if ((${#ROOTLESS_FILES[@]})); then
        log "bats as $TEST_USER (rootless): ${ROOTLESS_FILES[*]}"
        run_bats rootless "$STAGE/tests/bats" "$SUITE_TIMEOUT" \
            runuser -u "$TEST_USER" -- env -i \
            HOME="$TEST_HOME" USER="$TEST_USER" LOGNAME="$TEST_USER" SHELL=/bin/bash \
            PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin LANG=C.UTF-8 \
            XDG_RUNTIME_DIR="$TEST_RUNTIME_DIR" CI="${CI:-}" RUST_BACKTRACE=1 \
            BURROW="$STAGE/bin/burrow" BURROW_TEST_ROOTFUL=0 \
            BURROW_TIMEOUT="${BURROW_TIMEOUT:-60}" BATS_TEST_TIMEOUT="$BATS_TEST_TIMEOUT" \
            bats "${BATS_ARGS[@]}" "${ROOTLESS_FILES[@]}"
        kill_test_user_processes
    fi
    if ((${#ROOTFUL_FILES[@]})); then
        rootful=$WORK/rootful
        install -d -m 0700 "$rootful" "$rootful/home" "$rootful/runtime"
        log "bats as root (rootful, --root $rootful/root): ${ROOTFUL_FILES[*]}"
        run_bats rootful "$STAGE/tests/bats" $((SUITE_TIMEOUT < 600 ? SUITE_TIMEOUT : 600)) \
            env -i HOME="$rootful/home" USER=root LOGNAME=root SHELL=/bin/bash \
            PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin LANG=C.UTF-8 \
            XDG_RUNTIME_DIR="$rootful/runtime" CI="${CI:-}" RUST_BACKTRACE=1 \
            BURROW="$STAGE/bin/burrow" BURROW_TEST_ROOTFUL=1 \
            BURROW_OPTS="--root $rootful/root --runroot $rootful/run" \
            BURROW_TIMEOUT="${BURROW_TIMEOUT:-60}" BATS_TEST_TIMEOUT="$BATS_TEST_TIMEOUT" \
            bats "${BATS_ARGS[@]}" "${ROOTFUL_FILES[@]}"
    fi
else
    files=("${ROOTLESS_FILES[@]}" "${ROOTFUL_FILES[@]}")
    if ((${#files[@]})); then
        log "bats as $(id -un): ${files[*]}"
        run_bats bats "$BATS_DIR" "$SUITE_TIMEOUT" \
            env BURROW="$BURROW_BIN" BURROW_TEST_ROOTFUL=0 RUST_BACKTRACE=1 \
            BATS_TEST_TIMEOUT="$BATS_TEST_TIMEOUT" \
            bats "${BATS_ARGS[@]}" "${files[@]}"
    fi
fi

if ((CARGO_FAILED)); then
    log "cargo test FAILED (see above)"
fi
log "elapsed: $(elapsed)"
summary="$PASSED passed, $FAILED failed"
if ((SKIPPED)); then summary+=", $SKIPPED skipped"; fi
echo "$summary"
if ((CARGO_FAILED || FAILED)); then
    exit 1
fi
exit 0
