# -*- bash -*-
#
# Shared helpers for burrow's system tests (tests/bats/*.bats).
#
# In a test file:
#     load helpers
#     setup()    { basic_setup; }
#     teardown() { basic_teardown; }
#
# Environment:
#   BURROW            the binary under test (default: `burrow` from PATH)
#   BURROW_OPTS       global options put before every verb, split on whitespace
#                     (e.g. "--root /tmp/r --runroot /tmp/rr")
#   BURROW_TIMEOUT    seconds one burrow command may take (default 60)
#   BURROW_FIXTURES   directory to cache fixtures in across runs (default: the
#                     bats suite tmpdir, i.e. rebuilt once per run)
#   BURROW_BUSYBOX    the static busybox to build the rootfs from (/bin/busybox)
#
# Nothing here needs root, and every wait is bounded.

BURROW=${BURROW:-burrow}
BURROW_TIMEOUT=${BURROW_TIMEOUT:-60}
IMAGE=${BURROW_TEST_IMAGE:-localhost/busybox:test}

# Options put before every verb by run_burrow. A test may set the array itself
# (e.g. rootful tests pointing --root at a temp dir).
if [[ -z ${BURROW_GLOBAL_OPTS+set} ]]; then
    read -r -a BURROW_GLOBAL_OPTS <<<"${BURROW_OPTS:-}"
fi

# Deterministic mtime for fixture tarballs, so layer digests never change.
_FIXTURE_MTIME=1700000000

###############################################################################
# Failing, asserting

# die MESSAGE...: fail the current test with a framed message.
die() {
    {
        echo "#/------------------------------------------------------------------"
        echo "#| FAIL: $*"
        echo "#\\------------------------------------------------------------------"
    } >&2
    exit 1
}

# Print one labelled value; continuation lines of a multi-line value are
# indented so the frame stays readable.
_show_value() {
    local label=$1 value=$2 first=1 line
    if [[ -z $value ]]; then
        printf '#| %s%s\n' "$label" "[empty]"
        return 0
    fi
    while IFS= read -r line; do
        if ((first)); then
            printf '#| %s%s\n' "$label" "$line"
            first=0
        else
            printf '#| %*s%s\n' "${#label}" "" "$line"
        fi
    done <<<"$value"
}

_fail_compare() {
    local msg=$1 op=$2 expected=$3 actual=$4
    {
        echo "#/------------------------------------------------------------------"
        echo "#| FAIL: ${msg:-assertion failed}"
        _show_value "expected: $op " "$expected"
        _show_value "  actual:    " "$actual"
        echo "#\\------------------------------------------------------------------"
    } >&2
    exit 1
}

# assert ACTUAL OP EXPECTED [MESSAGE]    (or: assert ACTUAL EXPECTED, meaning ==)
#   ==, =   string equality         !=  inequality
#   =~      unanchored ERE match    !~  no ERE match
#   -eq -ne -lt -le -gt -ge         integer comparison
assert() {
    local actual=$1 op expected msg
    if (($# == 2)); then
        op='=='
        expected=$2
        msg=''
    elif (($# == 3 || $# == 4)); then
        op=$2
        expected=$3
        msg=${4:-}
    else
        die "assert: usage: assert ACTUAL OP EXPECTED [MESSAGE] (got $# args)"
    fi
    case $op in
        == | =)
            if [[ $actual == "$expected" ]]; then return 0; fi ;;
        !=)
            if [[ $actual != "$expected" ]]; then return 0; fi ;;
        =~)
            if [[ $actual =~ $expected ]]; then return 0; fi ;;
        !~)
            if ! [[ $actual =~ $expected ]]; then return 0; fi ;;
        -eq | -ne | -lt | -le | -gt | -ge)
            if ! [[ $actual =~ ^-?[0-9]+$ && $expected =~ ^-?[0-9]+$ ]]; then
                _fail_compare "${msg:+$msg: }not an integer" "$op" "$expected" "$actual"
            fi
            local result
            case $op in
                -eq) result=$((actual == expected)) ;;
                -ne) result=$((actual != expected)) ;;
                -lt) result=$((actual < expected)) ;;
                -le) result=$((actual <= expected)) ;;
                -gt) result=$((actual > expected)) ;;
                -ge) result=$((actual >= expected)) ;;
            esac
            if ((result)); then return 0; fi ;;
        *)
            die "assert: unknown operator '$op' (use == != =~ !~ -eq -ne -lt -le -gt -ge)" ;;
    esac
    _fail_compare "$msg" "$op" "$expected" "$actual"
}

# is ACTUAL EXPECTED_REGEX [DESCRIPTION]: ACTUAL must match the extended regex
# as a whole (anchored at both ends; `.` also matches newlines). An empty
# EXPECTED_REGEX means ACTUAL must be empty.
is() {
    local actual=$1 expect=$2 desc=${3:-}
    if [[ -z $expect ]]; then
        if [[ -z $actual ]]; then return 0; fi
        _fail_compare "${desc:-output}" "(empty)" "" "$actual"
    fi
    if [[ $actual =~ ^($expect)$ ]]; then
        return 0
    fi
    _fail_compare "${desc:-output}" "=~" "^($expect)\$" "$actual"
}

# assert_line_matches REGEX [MESSAGE]: some line of $lines matches REGEX
# (unanchored ERE; anchor it yourself with ^ and $).
assert_line_matches() {
    local want=$1 msg=${2:-} line
    for line in "${lines[@]}"; do
        if [[ $line =~ $want ]]; then return 0; fi
    done
    _fail_compare "${msg:+$msg: }no line matches" "=~" "$want" "$output"
}

###############################################################################
# Running burrow

# Quote an argument for the log only when it needs it (keeps {{.Id}} readable).
_log_quote() {
    if [[ $1 =~ ^[][A-Za-z0-9_./:=@%+,{}^-]+$ ]]; then
        printf '%s' "$1"
    else
        printf "'%s'" "${1//\'/\'\\\'\'}"
    fi
}

# _run_burrow_impl STDIN [EXPECTED_RC] ARGS...   (STDIN: a file, or - to inherit)
_run_burrow_impl() {
    local input=$1
    shift
    local expected_rc=0
    case ${1-} in
        '?')
            expected_rc='?'
            shift ;;
        [0-9] | [0-9][0-9] | [0-9][0-9][0-9])
            if ((10#$1 <= 255)); then
                expected_rc=$((10#$1))
                shift
            fi ;;
    esac

    local -a cmd=("$BURROW" "${BURROW_GLOBAL_OPTS[@]}" "$@")
    local shown='$ burrow' arg
    for arg in "${cmd[@]:1}"; do
        shown+=" $(_log_quote "$arg")"
    done
    printf '%s\n' "$shown"

    # Output goes to a file, not a pipe: a process that outlives burrow (a
    # container monitor) and keeps the descriptor can't hang the test this way.
    # fd 3 is bats' TAP channel: never let it leak into anything burrow starts.
    local outdir=${BATS_TEST_TMPDIR:-${BATS_FILE_TMPDIR:-${TMPDIR:-/tmp}}}
    local outfile
    outfile=$(mktemp "$outdir/burrow-out.XXXXXX") || die "mktemp in $outdir failed"
    local rc=0 started=$SECONDS
    if [[ $input == - ]]; then
        timeout -k 10 "$BURROW_TIMEOUT" "${cmd[@]}" >"$outfile" 2>&1 3>&- || rc=$?
    else
        timeout -k 10 "$BURROW_TIMEOUT" "${cmd[@]}" <"$input" >"$outfile" 2>&1 3>&- || rc=$?
    fi
    local elapsed=$((SECONDS - started))
    output=$(<"$outfile")
    rm -f "$outfile"
    status=$rc
    lines=()
    if [[ -n $output ]]; then
        # Like bats' `run`: one element per non-empty line.
        IFS=$'\n' read -r -d '' -a lines <<<"$output" || true
        printf '%s\n' "$output"
    fi

    if ((rc == 124 || rc == 137)) && ((elapsed >= BURROW_TIMEOUT)); then
        die "command timed out after ${BURROW_TIMEOUT}s (rc=$rc; BURROW_TIMEOUT): ${shown#\$ }"
    fi
    if [[ $output =~ thread\ \'[^\']*\'\ panicked\ at ]]; then
        die "burrow panicked: ${shown#\$ }"
    fi
    if [[ $expected_rc == '?' ]]; then
        if ((rc != 0)); then echo "[ rc=$rc ]"; fi
    elif ((rc != expected_rc)); then
        echo "[ rc=$rc (** EXPECTED $expected_rc **) ]"
        die "exit code is $rc; expected $expected_rc: ${shown#\$ }"
    elif ((rc != 0)); then
        echo "[ rc=$rc (expected) ]"
    fi
    return 0
}

# run_burrow [EXPECTED_RC] ARGS...
#   Runs `$BURROW $BURROW_GLOBAL_OPTS ARGS` with stdin from /dev/null and a
#   timeout of $BURROW_TIMEOUT seconds. Sets $output (stdout+stderr, trailing
#   newlines stripped), $status and $lines (non-empty lines). EXPECTED_RC is a
#   leading 0-255 (default 0) or '?' for any; a different exit code, a timeout
#   or a Rust panic fails the test.
run_burrow() {
    _run_burrow_impl /dev/null "$@"
}

# run_burrow_stdin FILE [EXPECTED_RC] ARGS...
#   Like run_burrow with stdin from FILE; FILE `-` passes the caller's stdin on:
#       run_burrow_stdin - run -i $IMAGE cat <<<"hello"
run_burrow_stdin() {
    local input=${1:?usage: run_burrow_stdin FILE|- [EXPECTED_RC] ARGS...}
    shift
    if [[ $input != - && ! -r $input ]]; then
        die "run_burrow_stdin: cannot read $input"
    fi
    _run_burrow_impl "$input" "$@"
}

###############################################################################
# Names, environment checks, waiting

# random_string [N]: N (default 10) random lower-case letters and digits.
random_string() {
    local n=${1:-10} chars=abcdefghijklmnopqrstuvwxyz0123456789 s='' b
    for b in $(od -An -v -tu1 -N"$n" /dev/urandom); do
        s+=${chars:b % 36:1}
    done
    printf '%s\n' "$s"
}

# unique_name [PREFIX]: a name no other test uses, e.g. t-k3x9a0qz.
unique_name() {
    printf '%s-%s\n' "${1:-t}" "$(random_string 8)"
}

is_rootless() {
    [[ $(id -u) -ne 0 ]]
}

skip_if_rootless() {
    if is_rootless; then skip "${1:-not supported rootless}"; fi
}

skip_if_rootful() {
    if ! is_rootless; then skip "${1:-not supported as root}"; fi
}

# skip_if_missing CMD...: skip unless every CMD is on PATH.
skip_if_missing() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 || skip "$c is not installed"
    done
}

# wait_until TIMEOUT_SECONDS COMMAND...: run COMMAND every 0.2s until it
# succeeds; fails the test after TIMEOUT_SECONDS (at most 5 tries a second).
wait_until() {
    local limit=${1:?usage: wait_until SECONDS COMMAND...}
    shift
    local tries=$((limit * 5)) i
    local deadline=$((SECONDS + limit))
    for ((i = 0; i < tries && SECONDS < deadline; i++)); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.2
    done
    die "timed out after ${limit}s waiting for: $*"
}

# wait_for_output REGEX CONTAINER [TIMEOUT_SECONDS=15]: wait until the
# container's logs match REGEX.
wait_for_output() {
    local want=${1:?usage: wait_for_output REGEX CONTAINER [TIMEOUT]} ctr=${2:?} limit=${3:-15}
    local deadline=$((SECONDS + limit)) i
    for ((i = 0; i < limit * 4 + 1 && SECONDS <= deadline; i++)); do
        run_burrow '?' logs "$ctr"
        if [[ $output =~ $want ]]; then return 0; fi
        sleep 0.25
    done
    die "timed out after ${limit}s waiting for /$want/ in the logs of $ctr"
}

# build_udpecho: sets UDPECHO to tests/fixtures/udpecho.c built statically (busybox has no
# UDP server); skips the test when there is no compiler or static libc.
build_udpecho() {
    skip_if_missing gcc
    UDPECHO=$BURROW_TEST_TMPDIR/udpecho
    gcc -static -O2 -o "$UDPECHO" "$BATS_TEST_DIRNAME/../fixtures/udpecho.c" 2>&1 || skip "no static libc to build udpecho"
}

# udp_ask PORT TAG: sends "TAG-N" to 127.0.0.1:PORT until the echo server answers (30 tries
# of 0.3 s); prints the answer, fails when none came.
udp_ask() {
    python3 - "$1" "$2" <<'PY'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(0.3)
for i in range(30):
    s.sendto(b"%s-%d" % (sys.argv[2].encode(), i), ("127.0.0.1", int(sys.argv[1])))
    try:
        print(s.recv(100).decode())
        sys.exit(0)
    except socket.timeout:
        pass
sys.exit(1)
PY
}

###############################################################################
# setup / teardown

basic_setup() {
    if [[ $BURROW == */* ]]; then
        [[ -x $BURROW ]] || die "BURROW=$BURROW is not an executable file"
    else
        command -v "$BURROW" >/dev/null || die "BURROW=$BURROW: not found in PATH"
    fi
    # Per-test scratch directory, removed by bats.
    # shellcheck disable=SC2034  # for the tests
    BURROW_TEST_TMPDIR=${BATS_TEST_TMPDIR:-$(mktemp -d)}
}

# Remove whatever a test left behind, so tests never depend on each other:
# containers, pods, volumes, networks, and images other than $IMAGE.
basic_teardown() {
    local BURROW_TIMEOUT=${BURROW_TEARDOWN_TIMEOUT:-30}
    echo "# teardown"
    run_burrow '?' pod rm --all --force --time 0
    run_burrow '?' rm --all --force --time 0
    run_burrow '?' volume rm --all --force
    run_burrow '?' network prune --force
    run_burrow '?' images --all --format '{{.ID}} {{.Repository}}:{{.Tag}}'
    if ((status == 0)); then
        local line id name
        local -a remove=()
        for line in "${lines[@]}"; do
            read -r id name <<<"$line"
            [[ $id =~ ^[0-9a-f]{12,64}$ && $name != "$IMAGE" ]] || continue
            if [[ $name == *'<none>'* || -z $name ]]; then
                remove+=("$id")
            else
                remove+=("$name")
            fi
        done
        if ((${#remove[@]})); then
            run_burrow '?' rmi --force "${remove[@]}"
        fi
    fi
}

###############################################################################
# Fixtures, built offline and cached for the run (or in $BURROW_FIXTURES)

_fixture_dir() {
    local d=${BURROW_FIXTURES:-${BATS_SUITE_TMPDIR:-${BATS_RUN_TMPDIR:-${TMPDIR:-/tmp}}}/fixtures}
    mkdir -p "$d" || die "cannot create fixture dir $d"
    printf '%s\n' "$d"
}

# Functions that may `skip` must run in the test's own shell: `skip` inside
# $(...) would only leave the subshell.
_fixture_guard_subshell() {
    if ((BASH_SUBSHELL > 0)); then
        die "$1 must not run in \$(...): call it directly, it sets \$FIXTURE_ARCHIVE"
    fi
}

# fixture_rootfs_tar: print the path of a busybox rootfs tarball (built once).
#   bin/busybox from Debian's busybox-static, a relative symlink per applet,
#   /etc/passwd and /etc/group with root, user (1000) and nobody, /tmp 1777;
#   every entry owned 0:0 except /home/user (1000:1000); fixed mtimes and
#   order, so the tarball (and the layer digest) is the same on every run.
fixture_rootfs_tar() {
    local dir
    dir=$(_fixture_dir) || exit 1
    local tarball=$dir/busybox-rootfs.tar
    if [[ -s $tarball ]]; then
        printf '%s\n' "$tarball"
        return 0
    fi
    local bb=${BURROW_BUSYBOX:-/bin/busybox}
    [[ -x $bb ]] || die "no busybox at $bb (install busybox-static)"
    if command -v ldd >/dev/null && ldd "$bb" >/dev/null 2>&1; then
        die "$bb is dynamically linked: install busybox-static"
    fi

    local stage
    stage=$(mktemp -d "$dir/.rootfs.XXXXXX") || die "mktemp in $dir failed"
    mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,home/user,proc,sys,dev,var} ||
        die "cannot create the rootfs skeleton in $stage"
    cp "$bb" "$stage/bin/busybox" || die "cannot copy $bb"

    local -a applets
    if "$bb" --list-full >/dev/null 2>&1; then
        mapfile -t applets < <("$bb" --list-full)
    else
        mapfile -t applets < <("$bb" --list | sed 's|^|bin/|')
    fi
    ((${#applets[@]} > 50)) || die "$bb lists only ${#applets[@]} applets"
    local path parent target depth i
    for path in "${applets[@]}"; do
        [[ -n $path && $path != bin/busybox ]] || continue
        [[ -e $stage/$path || -L $stage/$path ]] && continue
        parent=${path%/*}
        if [[ $parent == "$path" ]]; then
            target=bin/busybox
        elif [[ $parent == bin ]]; then
            target=busybox
        else
            mkdir -p "$stage/$parent"
            depth=${path//[!\/]/}
            target=''
            for ((i = 0; i < ${#depth}; i++)); do target+=../; done
            target+=bin/busybox
        fi
        ln -s "$target" "$stage/$path" || die "cannot link $path"
    done

    cat >"$stage/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
user:x:1000:1000:user:/home/user:/bin/sh
nobody:x:65534:65534:nobody:/:/bin/sh
EOF
    cat >"$stage/etc/group" <<'EOF'
root:x:0:
user:x:1000:
nobody:x:65534:
EOF
    # Modes must not depend on the caller's umask.
    chmod -R u=rwX,go=rX "$stage" || die "chmod $stage failed"
    chmod 0755 "$stage/bin/busybox"
    chmod 1777 "$stage/tmp"
    chmod 0700 "$stage/root"

    local tmp=$stage.tar
    local -a common=(--format=gnu --numeric-owner --mtime="@$_FIXTURE_MTIME" --directory "$stage")
    tar --create --file "$tmp" "${common[@]}" --sort=name --owner=0 --group=0 \
        --anchored --exclude=home/user \
        bin dev etc home proc root sbin sys tmp usr var ||
        die "tar of the rootfs failed"
    tar --append --file "$tmp" "${common[@]}" --owner=1000 --group=1000 \
        --no-recursion home/user ||
        die "tar --append of home/user failed"
    rm -rf "$stage"
    mv -f "$tmp" "$tarball" || die "cannot move $tmp to $tarball"
    printf '%s\n' "$tarball"
}

# ensure_test_image: make sure $IMAGE exists in burrow's store (imports the
# rootfs fixture when it doesn't). Overwrites $output/$status/$lines.
ensure_test_image() {
    run_burrow '?' image exists "$IMAGE"
    if ((status == 0)); then return 0; fi
    local tarball
    tarball=$(fixture_rootfs_tar) || die "could not build the rootfs fixture"
    run_burrow import "$tarball" "$IMAGE"
}

# Run the real podman as the current user, isolated in directory $1: its own
# store (vfs), runtime dir and empty configuration, so the user's own podman
# setup is neither read nor touched. Returns podman's exit code.
_podman_isolated() {
    local pd=$1
    shift
    if ! { mkdir -p "$pd/xdg" "$pd/config" "$pd/tmp" && chmod 0700 "$pd/xdg"; }; then
        echo "cannot prepare $pd" >&2
        return 1
    fi
    [[ -e $pd/containers.conf ]] || : >"$pd/containers.conf"
    [[ -e $pd/registries.conf ]] || : >"$pd/registries.conf"
    [[ -e $pd/storage.conf ]] || printf '[storage]\ndriver = "vfs"\ngraphroot = "%s"\nrunroot = "%s"\n' \
        "$pd/root" "$pd/run" >"$pd/storage.conf"
    local -a cmd=(podman --root "$pd/root" --runroot "$pd/run" --tmpdir "$pd/tmp"
        --storage-driver vfs --events-backend file --cgroup-manager cgroupfs "$@")
    echo "\$ ${cmd[*]}"
    local rc=0 out
    out=$(env XDG_RUNTIME_DIR="$pd/xdg" XDG_CONFIG_HOME="$pd/config" XDG_DATA_HOME="$pd/data" \
        CONTAINERS_CONF="$pd/containers.conf" CONTAINERS_STORAGE_CONF="$pd/storage.conf" \
        CONTAINERS_REGISTRIES_CONF="$pd/registries.conf" TMPDIR="$pd/tmp" \
        timeout -k 10 120 "${cmd[@]}" </dev/null 2>&1 3>&-) || rc=$?
    [[ -z $out ]] || printf '%s\n' "$out"
    return "$rc"
}

# Remove an isolated podman dir: its store holds files owned by sub-uids, so
# delete it inside podman's user namespace, then stop the pause process that
# podman left behind (by its pid file).
_podman_isolated_cleanup() {
    local pd=$1 pidfile pid
    if [[ -d $pd/root ]] && is_rootless; then
        _podman_isolated "$pd" unshare rm -rf "$pd/root" "$pd/run" >/dev/null 2>&1 ||
            echo "# warning: could not remove $pd/root in podman's user namespace" >&2
    fi
    while IFS= read -r pidfile; do
        pid=$(<"$pidfile")
        if [[ $pid =~ ^[0-9]+$ ]]; then kill "$pid" 2>/dev/null || true; fi
    done < <(find "$pd" -name pause.pid 2>/dev/null)
    rm -rf "$pd" 2>/dev/null || echo "# warning: could not remove $pd" >&2
}

# podman_fixture_archive docker-archive|oci-archive|oci-archive-uncompressed
#   Sets FIXTURE_ARCHIVE to an archive of $IMAGE (the busybox rootfs) written
#   by the real podman's `save --format FORMAT` (oci-archive: gzip layers;
#   oci-archive-uncompressed: `save --uncompressed`, plain tar layers).
#   Skips when podman is missing. Call it directly, not in $(...).
podman_fixture_archive() {
    local format=${1:?usage: podman_fixture_archive docker-archive|oci-archive|oci-archive-uncompressed}
    _fixture_guard_subshell podman_fixture_archive
    local -a save=(save --format "$format")
    case $format in
        docker-archive | oci-archive) ;;
        oci-archive-uncompressed) save=(save --format oci-archive --uncompressed) ;;
        *) die "podman_fixture_archive: unknown format '$format'" ;;
    esac
    skip_if_missing podman
    local dir
    dir=$(_fixture_dir) || exit 1
    FIXTURE_ARCHIVE=$dir/podman-$format.tar
    if [[ -s $FIXTURE_ARCHIVE ]]; then return 0; fi
    local rootfs pd
    rootfs=$(fixture_rootfs_tar) || die "could not build the rootfs fixture"
    # Short path: podman refuses a runroot longer than 50 characters.
    pd=$(mktemp -d /tmp/burrow-podman.XXXXXX) || die "mktemp in /tmp failed"
    if ! _podman_isolated "$pd" import "$rootfs" "$IMAGE" ||
        ! _podman_isolated "$pd" "${save[@]}" -o "$pd/out.tar" "$IMAGE" ||
        ! mv -f "$pd/out.tar" "$FIXTURE_ARCHIVE"; then
        _podman_isolated_cleanup "$pd"
        die "podman could not make the $format fixture (see above)"
    fi
    _podman_isolated_cleanup "$pd"
}

# skopeo_fixture_archive FORMAT
#   Sets FIXTURE_ARCHIVE to a copy of $IMAGE made by `skopeo copy` from one of
#   podman's archives, tagged $IMAGE. FORMAT is one of
#     docker-archive                 (layers always uncompressed)
#     oci-archive, oci               (an archive, or an OCI layout directory;
#                                     skopeo gzips the layers by default)
#     oci-archive-gzip, oci-gzip, oci-archive-zstd, oci-zstd
#     oci-archive-uncompressed, oci-uncompressed   (plain tar layers, media
#                                     type ...layer.v1.tar)
#   Skips when podman or skopeo is missing. Call it directly, not in $(...).
skopeo_fixture_archive() {
    local format=${1:?usage: skopeo_fixture_archive FORMAT}
    _fixture_guard_subshell skopeo_fixture_archive
    local transport=$format source_format=docker-archive
    local -a compress=()
    case $format in
        *-gzip)
            transport=${format%-gzip}
            compress=(--dest-compress --dest-compress-format gzip) ;;
        *-zstd)
            transport=${format%-zstd}
            compress=(--dest-compress --dest-compress-format zstd) ;;
        *-uncompressed)
            # From a docker-archive, skopeo 1.9 would label plain tar layers
            # tar+gzip; from podman's uncompressed OCI archive it keeps them right.
            transport=${format%-uncompressed}
            source_format=oci-archive-uncompressed
            compress=(--dest-oci-accept-uncompressed-layers) ;;
    esac
    local suffix=.tar
    case $transport in
        oci-archive) ;;
        oci) suffix='' ;;
        docker-archive)
            if ((${#compress[@]})); then
                die "skopeo_fixture_archive: skopeo writes docker-archive layers uncompressed; use 'docker-archive'"
            fi ;;
        *) die "skopeo_fixture_archive: unknown format '$format'" ;;
    esac
    skip_if_missing skopeo
    podman_fixture_archive "$source_format"
    local source=${source_format%-uncompressed}:$FIXTURE_ARCHIVE dir
    dir=$(_fixture_dir) || exit 1
    FIXTURE_ARCHIVE=$dir/skopeo-$format$suffix
    if [[ -e $FIXTURE_ARCHIVE ]]; then return 0; fi
    local tmp
    tmp=$(mktemp -d "$dir/.skopeo.XXXXXX") || die "mktemp in $dir failed"
    local -a cmd=(skopeo --insecure-policy copy --quiet "${compress[@]}"
        "$source" "$transport:$tmp/out$suffix:$IMAGE")
    echo "\$ ${cmd[*]}"
    local rc=0 out
    out=$(TMPDIR=$tmp timeout -k 10 120 "${cmd[@]}" </dev/null 2>&1 3>&-) || rc=$?
    [[ -z $out ]] || printf '%s\n' "$out"
    ((rc == 0)) || die "skopeo failed (rc=$rc): ${cmd[*]}"
    mv -f "$tmp/out$suffix" "$FIXTURE_ARCHIVE" || die "cannot move $tmp/out$suffix"
    rm -rf "$tmp"
}

###############################################################################
# The store, seen from outside (for tests of crash safety and layers)

# _burrow_direct ARGS...: run burrow without run_burrow's logging, for $(...).
_burrow_direct() {
    "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" "$@"
}

# burrow_root / burrow_runroot: the store and runtime dirs in use.
burrow_root() {
    _burrow_direct info --format '{{.Store.GraphRoot}}'
}
burrow_runroot() {
    _burrow_direct info --format '{{.Store.RunRoot}}'
}

# monitor_pid_of ID: the pid of a running container's monitor.
monitor_pid_of() {
    cat "$(burrow_runroot)/ctr/$1/monitor.pid"
}

# layer_diff_of IMAGE: the directory holding the top layer's files.
layer_diff_of() {
    _burrow_direct image inspect --format '{{.GraphDriver.Data.UpperDir}}' "$1"
}

# staging_exists: true while an interrupted or running command has temp files.
staging_exists() {
    local root
    root=$(burrow_root) || return 1
    compgen -G "$root/layers/.tmp-*" >/dev/null || [[ -n $(ls -A "$root/tmp" 2>/dev/null) ]]
}

# assert_no_staging_left: no temp layer dirs or spooled archives remain.
assert_no_staging_left() {
    if staging_exists; then
        local root
        root=$(burrow_root)
        die "leftovers in the store: $(ls -A "$root/layers" "$root/tmp" 2>&1)"
    fi
}
