#!/usr/bin/env bats
#
# Faults from a registry that misbehaves on purpose (tests/fixtures/fake-registry.py):
# tampered and truncated blobs, transient errors, no image for this platform, bearer
# tokens, malformed digests, a pull killed half-way.

load helpers
load registry-helpers

FAKE="$BATS_TEST_DIRNAME/../fixtures/fake-registry.py"
BASE=5120

setup_file() {
    export CONTAINERS_REGISTRIES_CONF=$BATS_FILE_TMPDIR/registries.conf
    : >"$CONTAINERS_REGISTRIES_CONF"
    local mode i=0
    for mode in ok tamper truncate flaky nolist bearer slow badref cut; do
        start_server "$FAKE" $((BASE + i)) $mode
        i=$((i + 1))
    done
    for ((i = 0; i < 9; i++)); do
        local tries
        for ((tries = 0; tries < 50; tries++)); do
            curl -s -o /dev/null http://127.0.0.1:$((BASE + i))/token && break
            sleep 0.1
        done
    done
}

teardown_file() {
    stop_registries
}

setup() {
    basic_setup
}

teardown() {
    basic_teardown
}

# fake MODE: the image reference on the server running that mode.
fake() {
    local -A port=([ok]=0 [tamper]=1 [truncate]=2 [flaky]=3 [nolist]=4 [bearer]=5 [slow]=6 [badref]=7 [cut]=8)
    echo "127.0.0.1:$((BASE + ${port[$1]}))/fake/app:latest"
}

# No image and no temp files: a refused pull changed nothing.
assert_nothing_stored() {
    run_burrow images -a --format '{{.Repository}}'
    [[ ! $output =~ fake/app ]] || die "a refused pull left an image: $output"
    assert_no_staging_left
    local root
    root=$(burrow_root)
    if compgen -G "$root/blobs/sha256/.tmp-*" >/dev/null; then
        die "temp blobs left: $(ls -A "$root/blobs/sha256")"
    fi
}

@test "fake registry baseline: pull works" {
    run_burrow pull -q --tls-verify=false $(fake ok)
    [[ $output =~ ^[0-9a-f]{64}$ ]] || die "no id: $output"
}

@test "a blob whose content doesn't match its digest is refused" {
    run_burrow 125 pull --tls-verify=false $(fake tamper)
    assert "$output" =~ "Digest did not match|digest mismatch" "says the digest is wrong"
    assert_nothing_stored
}

@test "a truncated blob is refused" {
    run_burrow 125 pull --tls-verify=false $(fake truncate)
    assert_nothing_stored
}

@test "a download broken half-way is resumed with a range request" {
    run_burrow pull -q --tls-verify=false $(fake cut)
    [[ $output =~ ^[0-9a-f]{64}$ ]] || die "no id: $output"
}

@test "500 then success: the pull retries" {
    run_burrow pull -q --tls-verify=false $(fake flaky)
    [[ $output =~ ^[0-9a-f]{64}$ ]] || die "no id: $output"
}

@test "a manifest list without this platform; --arch picks another" {
    run_burrow 125 pull --tls-verify=false $(fake nolist)
    assert "$output" =~ "no image found in manifest list for architecture" "podman's wording"
    assert_nothing_stored
    run_burrow pull -q --tls-verify=false --arch s390x $(fake nolist)
    [[ $output =~ ^[0-9a-f]{64}$ ]] || die "--arch s390x did not pick the s390x entry: $output"
}

@test "bearer token auth (anonymous token)" {
    run_burrow pull -q --tls-verify=false $(fake bearer)
    [[ $output =~ ^[0-9a-f]{64}$ ]] || die "no id: $output"
}

@test "a malformed digest is refused before it is used" {
    run_burrow 125 pull --tls-verify=false $(fake badref)
    assert "$output" =~ "invalid digest" "refused by form"
    assert_nothing_stored
}

@test "pull killed with SIGKILL half-way: next command cleans up, no partial image, pulling again works" {
    local root
    root=$(burrow_root)
    "$BURROW" "${BURROW_GLOBAL_OPTS[@]}" pull -q --tls-verify=false $(fake slow) >/dev/null 2>&1 &
    local p=$!
    local i
    for ((i = 0; i < 50; i++)); do
        compgen -G "$root/blobs/sha256/.tmp-*" >/dev/null && break
        sleep 0.1
    done
    sleep 0.5
    kill -9 $p || die "the pull ended before it could be killed"
    wait $p 2>/dev/null || true
    compgen -G "$root/blobs/sha256/.tmp-*" >/dev/null || die "the pull was not half-way when killed"
    run_burrow images -a --format '{{.Repository}}'
    [[ ! $output =~ fake/app ]] || die "a partial image is listed"
    run_burrow pull -q --tls-verify=false $(fake ok)
    [[ $output =~ ^[0-9a-f]{64}$ ]] || die "pulling again failed: $output"
    assert_no_staging_left
    if compgen -G "$root/blobs/sha256/.tmp-*" >/dev/null; then
        die "the killed pull's temp blob was not cleaned: $(ls -A "$root/blobs/sha256")"
    fi
}

@test "image history and image prune" {
    run_burrow pull -q --tls-verify=false $(fake ok)
    local id=$output
    run_burrow image history --format '{{.ID}}' $(fake ok)
    is "${lines[0]}" "${id:0:12}" "newest step carries the image id"
    run_burrow history -q --no-trunc $(fake ok)
    is "${lines[0]}" "$id"
    run_burrow image tree $(fake ok)
    is "${lines[0]}" "Image ID: ${id:0:12}"
    assert "$output" =~ "└── ID: [0-9a-f]{12} Size: .* Top Layer of: \\[$(fake ok)\\]" "podman's tree"
    run_burrow image prune -f
    [[ ! $output =~ $id ]] || die "prune removed a named image"
    run_burrow untag $(fake ok)
    run_burrow image prune -f
    is "$output" "$id" "the dangling image is removed"
    run_burrow images -a --format '{{.ID}}'
    [[ ! $output =~ ${id:0:12} ]] || die "still listed"
}
