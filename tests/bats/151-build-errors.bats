#!/usr/bin/env bats
#
# build (issue 5): bad input. Each error names the file and line, exits 125 (or the
# failing RUN's own code), and leaves nothing tagged.

load helpers
load build-helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

@test "build errors: unknown instruction, missing FROM, bad --build-arg" {
    local ctx
    ctx=$(ctx_with "FROM $IMAGE
FROBNICATE x")
    run_burrow 125 build -t localhost/bad:1 "$ctx"
    is "$output" "Error: Containerfile:2: FROBNICATE: unknown instruction: FROBNICATE"
    ctx=$(ctx_with "# nothing
RUN true")
    run_burrow 125 build "$ctx"
    is "$output" "Error: Containerfile:2: RUN: no FROM instruction before it .*"
    ctx=$(ctx_with "FROM $IMAGE")
    run_burrow 125 build --build-arg "=x" "$ctx"
    assert "$output" =~ 'invalid --build-arg "=x"'
    run_burrow 125 build --build-arg "A B=x" "$ctx"
    assert "$output" =~ 'invalid --build-arg'
    run_burrow 125 build "$BURROW_TEST_TMPDIR/nosuchdir"
    assert "$output" =~ "context directory .* does not exist"
    run_burrow 1 image exists localhost/bad:1
}

@test "build errors: COPY sources outside the context, missing, and unknown stages" {
    local ctx
    ctx=$(ctx_with "FROM $IMAGE
COPY ../x /x")
    run_burrow 125 build "$ctx"
    is "${lines[-1]}" 'Error: Containerfile:2: COPY: source "../x" is outside the build context'
    ctx=$(ctx_with "FROM $IMAGE
COPY link /x")
    ln -s /etc/passwd "$ctx/link"
    run_burrow 125 build "$ctx"
    is "${lines[-1]}" "Error: Containerfile:2: COPY: link is a symlink to /etc/passwd, outside the build context"
    ln -s ../../.. "$ctx/up"
    printf 'FROM %s\nCOPY up/etc/passwd /x\n' "$IMAGE" > "$ctx/Containerfile"
    run_burrow 125 build "$ctx"
    assert "$output" =~ "outside the build context" "a relative symlink leading out"
    ctx=$(ctx_with "FROM $IMAGE
COPY nosuchfile /x")
    run_burrow 125 build "$ctx"
    is "${lines[-1]}" 'Error: Containerfile:2: COPY: source "nosuchfile" not found in the build context'
    ctx=$(ctx_with "FROM $IMAGE
COPY --from=nosuchstage /a /b")
    run_burrow 125 build --pull=never "$ctx"
    assert "$output" =~ "Containerfile:2: COPY: --from=nosuchstage: no stage or image of that name"
}

@test "build errors: a failing RUN passes its code on, names the step, tags nothing, keeps earlier steps cached" {
    local ctx
    ctx=$(ctx_with "FROM $IMAGE
RUN echo first > /first
RUN echo output-of-the-failing-step; exit 3")
    run_burrow 3 build -t localhost/failing:1 "$ctx"
    assert "$output" =~ "output-of-the-failing-step" "RUN output is streamed"
    assert "$output" =~ 'Error: building at STEP "RUN echo output-of-the-failing-step; exit 3" \(Containerfile:3\): while running runtime: exit status 3'
    run_burrow 1 image exists localhost/failing:1
    run_burrow 3 build -t localhost/failing:1 "$ctx"
    # (a second run: the first RUN comes from the cache)
    assert "$output" =~ "--> Using cache" "earlier steps were cached"
    run_burrow ps -a -q
    is "$output" "" "no build container is left"
}

@test "build errors: a context file or directory the builder can't read is named; nothing is tagged" {
    is_rootless || skip "root reads any file"
    # Rootless, the builder is root in the user's namespace and reads the user's own files
    # whatever their mode (podman's builder too); what it can't read are files of other
    # users. /etc (with /etc/shadow) and /var/cache (with ldconfig/) are such contexts.
    [[ ! -r /etc/shadow && -e /etc/shadow ]] || skip "/etc/shadow is missing or readable"
    local cf=$BURROW_TEST_TMPDIR/Containerfile
    printf 'FROM %s\nRUN echo before > /before\nCOPY shadow /dst\n' "$IMAGE" > "$cf"
    run_burrow 125 build -f "$cf" -t localhost/unreadable:1 /etc
    assert "${lines[-1]}" == "Error: Containerfile:3: COPY: cannot read shadow: permission denied (make it readable, or exclude it in .containerignore)"
    run_burrow 1 image exists localhost/unreadable:1
    run_burrow 125 build -f "$cf" -t localhost/unreadable:1 /etc
    assert "$output" =~ "--> Using cache" "the step before is cached"
    if [[ -d /var/cache/ldconfig && ! -x /var/cache/ldconfig ]]; then
        printf 'FROM %s\nCOPY ldconfig /dst\n' "$IMAGE" > "$cf"
        run_burrow 125 build -f "$cf" -t localhost/unreadable:1 /var/cache
        is "${lines[-1]}" "Error: Containerfile:2: COPY: cannot read ldconfig: permission denied .*" "a directory that can't be listed is not copied empty"
        run_burrow 1 image exists localhost/unreadable:1
    fi
}

@test "build errors: an unknown --target or FROM image, a Containerfile without FROM" {
    local ctx
    ctx=$(ctx_with "FROM $IMAGE AS one
RUN true")
    run_burrow 125 build --target nosuch -t localhost/badtarget:1 "$ctx"
    is "$output" 'Error: target stage "nosuch" not found'
    ctx=$(ctx_with "FROM nosuchstage-$(unique_name)
RUN true")
    run_burrow 125 build --pull=never -t localhost/badtarget:1 "$ctx"
    assert "$output" =~ "Containerfile:1: FROM: .*nosuchstage"
    ctx=$(ctx_with "# only a comment")
    run_burrow 125 build "$ctx"
    is "$output" "Error: Containerfile: no FROM instruction"
    run_burrow 1 image exists localhost/badtarget:1
}
