#!/usr/bin/env bats
#
# build (issue 5): --layers=false, --squash, --squash-all, --annotation, --platform, RUN on
# a bare scratch image, and what rmi does with the intermediate images a build leaves.

load helpers
load build-helpers
load registry-helpers

PORT=5153

teardown_file() {
    stop_registries
}

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

# ctx_with_f TEXT: a context whose Containerfile is TEXT, with a file "f".
ctx_with_f() {
    local d
    d=$(ctx_with "$1")
    echo file-f > "$d/f"
    echo "$d"
}

# The number of images `images -a` lists.
image_count() {
    _burrow_direct images -a -q | wc -l
}

# check_steps IMAGE: the files $STEPS added and removed, on the base's.
check_steps() {
    run_burrow run --rm "$1" sh -c 'cat /two /f; test -e /one || echo no-one; test -e /etc/group || echo no-group; test -e /bin/busybox && echo base'
    is "$output" "two
file-f
no-one
no-group
base" "the steps' files on the base's in $1"
}

STEPS="RUN echo one > /one && rm /etc/group
COPY f /f
ENV STEP=env
RUN echo two > /two && rm /one"

@test "build --layers=false: one layer on the base for the build's steps, no intermediate images, no cache" {
    local ctx name base_layers before
    ctx=$(ctx_with_f "FROM $IMAGE
$STEPS")
    name=localhost/$(unique_name):nolayers
    base_layers=$(_burrow_direct image inspect --format '{{len .RootFS.Layers}}' "$IMAGE")
    before=$(image_count)
    run_burrow build --layers=false -t "$name" "$ctx"
    is "$(image_count)" "$((before + 1))" "only the final image is kept"
    run_burrow image inspect --format '{{len .RootFS.Layers}} {{.Config.Env}}' "$name"
    assert "$output" =~ "^$((base_layers + 1)) .*STEP=env" "base layers + 1, config kept"
    run_burrow image history --format '{{.CreatedBy}}' "$name"
    assert "$output" =~ "echo two" "the history keeps every step"
    assert "$output" =~ "ENV STEP=env"
    run_burrow run --rm "$name" sh -c 'cat /two /f; test -e /one || echo no-one; test -e /etc/group || echo no-group'
    is "$output" "two
file-f
no-one
no-group" "files added and removed by the steps"
    run_burrow build --layers=false -t "$name" "$ctx"
    assert "$output" !~ "Using cache" "no cache without layers"
    is "$(image_count)" "$((before + 2))" "the old image is left dangling, as podman leaves it"
}

@test "build --squash and --squash-all: the new layers (or all) become one; deletions hold" {
    local ctx name base_layers
    ctx=$(ctx_with_f "FROM $IMAGE
$STEPS")
    name=localhost/$(unique_name):sq
    base_layers=$(_burrow_direct image inspect --format '{{len .RootFS.Layers}}' "$IMAGE")
    run_burrow build --squash -t "$name" "$ctx"
    run_burrow image inspect --format '{{len .RootFS.Layers}}' "$name"
    is "$output" "$((base_layers + 1))" "--squash: the base's layers and one more"
    check_steps "$name"
    run_burrow build --squash-all -t "$name-all" "$ctx"
    run_burrow image inspect --format '{{len .RootFS.Layers}}' "$name-all"
    is "$output" "1" "--squash-all: one layer"
    check_steps "$name-all"
    run_burrow images -a --format '{{.Repository}}'
    assert "$output" !~ "<none>" "squashing keeps no intermediate images"
    run_burrow 125 build --squash --squash-all "$ctx"
    assert "$output" == "Error: cannot specify --squash with --layers and --squash-all with --squash"
    run_burrow 125 build --squash --layers "$ctx"
    assert "$output" == "Error: cannot specify --squash with --layers and --squash-all with --squash"
}

@test "build --annotation: in the manifest, shown by inspect, kept by save and push" {
    local ctx name
    ctx=$(ctx_with_f "FROM $IMAGE
RUN echo x > /x")
    name=localhost/$(unique_name):ann
    run_burrow build --annotation org.example.one=1 --annotation "org.example.two=two words" -t "$name" "$ctx"
    run_burrow image inspect --format '{{json .Annotations}}' "$name"
    assert "$output" == '{"org.example.one":"1","org.example.two":"two words"}'
    run_burrow save --format oci-archive -o "$BURROW_TEST_TMPDIR/ann.tar" "$name"
    mkdir "$BURROW_TEST_TMPDIR/ann"
    tar -xf "$BURROW_TEST_TMPDIR/ann.tar" -C "$BURROW_TEST_TMPDIR/ann"
    grep -l '"org.example.two":"two words"' "$BURROW_TEST_TMPDIR"/ann/blobs/sha256/* >/dev/null ||
        die "the saved manifest lacks the annotations"
    # push keeps them: the registry's manifest has them.
    start_registry plain $PORT
    run_burrow push --tls-verify=false "$name" 127.0.0.1:$PORT/ann:1
    run curl -sf -H 'Accept: application/vnd.oci.image.manifest.v1+json' "http://127.0.0.1:$PORT/v2/ann/manifests/1"
    assert "$output" =~ '"annotations":\{"org.example.one":"1","org.example.two":"two words"\}' "pushed manifest"
    # A rebuild with the same annotations is cached; without them it is another image.
    run_burrow build --annotation org.example.one=1 --annotation "org.example.two=two words" -q -t "$name" "$ctx"
    local id1=$output
    run_burrow build -q -t "$name-plain" "$ctx"
    assert "$output" != "$id1" "annotations make a different image"
    run_burrow image inspect --format '{{json .Annotations}}' "$name-plain"
    assert "$output" == '{}'
    run_burrow 125 build --annotation novalue "$ctx"
    assert "$output" =~ 'Error: invalid annotation "novalue": expected KEY=VALUE'
}

@test "build --platform: the host's platform builds; others and bad syntax are refused" {
    local ctx
    ctx=$(ctx_with_f "FROM $IMAGE
RUN true")
    run_burrow build -q --platform linux/amd64 "$ctx"
    run_burrow 125 build --platform linux/arm64 -t localhost/arm:1 "$ctx"
    assert "$output" =~ 'Error: building for platform "linux/arm64" is not supported: this host runs linux/amd64'
    run_burrow 125 build --platform foo "$ctx"
    assert "$output" == 'Error: invalid platform syntax for "foo" (use OS/ARCH[/VARIANT][,...])'
    run_burrow 125 build --platform linux/arm64/v8/x "$ctx"
    assert "$output" == 'Error: invalid platform syntax for "linux/arm64/v8/x" (use OS/ARCH[/VARIANT][,...])'
    run_burrow 1 image exists localhost/arm:1
}

@test "build: the platform args (TARGETARCH, BUILDPLATFORM, ...) and FROM --platform" {
    local ctx name
    ctx=$(ctx_with_f "FROM --platform=\$BUILDPLATFORM $IMAGE
ARG TARGETARCH
ARG TARGETPLATFORM
ARG BUILDOS
RUN echo \"\$TARGETARCH \$TARGETPLATFORM \$BUILDOS\" > /p")
    name=localhost/$(unique_name):platargs
    run_burrow build -t "$name" "$ctx"
    assert "$output" !~ "not consumed" "platform args are not user build args"
    run_burrow run --rm "$name" cat /p
    is "$output" "amd64 linux/amd64 linux"
    printf 'FROM --platform=linux/arm64 %s\nRUN true\n' "$IMAGE" > "$ctx/Containerfile"
    run_burrow 125 build -t localhost/armfrom:1 "$ctx"
    assert "$output" =~ 'Error: Containerfile:1: FROM: building for platform "linux/arm64" is not supported'
    run_burrow 1 image exists localhost/armfrom:1
}

@test "build: RUN on a bare FROM scratch fails as podman's does (no /bin/sh, exit status 1)" {
    local ctx
    ctx=$(ctx_with_f "FROM scratch
COPY f /f
RUN echo hi")
    run_burrow 1 build -t localhost/scratchrun:1 "$ctx"
    assert "$output" =~ 'exec: "/bin/sh": stat /bin/sh: no such file or directory'
    assert "${lines[-1]}" == 'Error: building at STEP "RUN echo hi" (Containerfile:3): while running runtime: exit status 1'
    run_burrow 1 image exists localhost/scratchrun:1
    printf 'FROM scratch\nCOPY f /f\nRUN ["echo", "hi"]\n' > "$ctx/Containerfile"
    run_burrow 1 build "$ctx"
    assert "$output" =~ 'exec: "echo": executable file not found in \$PATH'
    printf 'FROM %s\nRUN ["no-such-program"]\n' "$IMAGE" > "$ctx/Containerfile"
    run_burrow 1 build "$ctx"
    assert "$output" =~ 'exec: "no-such-program": executable file not found in \$PATH'
}

# Three steps: two intermediate images and the image.
CHAIN="FROM $IMAGE
RUN echo one > /one
ENV A=1
COPY f /f"

@test "rmi of a built image removes the intermediate images only it needed, as podman's does" {
    local ctx name before
    ctx=$(ctx_with_f "$CHAIN")
    before=$(image_count)
    name=localhost/$(unique_name):chain
    run_burrow build -t "$name" "$ctx"
    is "$(image_count)" "$((before + 3))" "images -a: the image and two intermediates"
    run_burrow images --format '{{.Repository}}'
    assert "$output" !~ "<none>" "images without -a hides them"
    run_burrow images -a --filter dangling=true --format '{{.ID}}'
    is "$output" "" "intermediate images are not dangling"
    # A second image on the same first steps shares their intermediates.
    printf 'FROM %s\nRUN echo one > /one\nENV A=1\nCOPY f /g\n' "$IMAGE" > "$ctx/Containerfile.2"
    run_burrow build -f "$ctx/Containerfile.2" -t "$name-2" "$ctx"
    is "$(image_count)" "$((before + 4))"
    run_burrow rmi "$name"
    is "${lines[0]}" "Untagged: $name"
    is "${#lines[@]}" "2" "the shared intermediates stay while $name-2 needs them"
    run_burrow tag "$name-2" "$name-3"
    run_burrow rmi "$name-2"
    is "$output" "Untagged: $name-2" "another name keeps the image"
    run_burrow rmi "$name-3"
    is "${lines[0]}" "Untagged: $name-3"
    is "${#lines[@]}" "4" "the image and both intermediates are deleted"
    [[ ${lines[1]} == Deleted:* && ${lines[3]} == Deleted:* ]] || die "expected Deleted lines: $output"
    is "$(image_count)" "$before" "nothing of the build is left"
    run_burrow image exists "$IMAGE"
}

@test "rmi after a --no-cache rebuild: the old image is dangling, its intermediates hidden, and they go with it" {
    local ctx name before old
    ctx=$(ctx_with_f "$CHAIN")
    before=$(image_count)
    name=localhost/$(unique_name):nocache
    run_burrow build -q -t "$name" "$ctx"
    old=${lines[-1]}
    run_burrow build -q --no-cache -t "$name" "$ctx"
    assert "${lines[-1]}" != "$old" "a new image"
    is "$(image_count)" "$((before + 6))" "two chains of three"
    run_burrow images --format '{{.ID}} {{.Repository}}' --no-trunc
    is "$(grep -c '<none>' <<<"$output")" "1" "only the old image is listed (dangling), not its intermediates"
    assert "$output" =~ "${old#sha256:} <none>"
    run_burrow rmi "$old"
    is "${#lines[@]}" "3" "the old image and its two intermediates are deleted"
    run_burrow build -t "$name" "$ctx"
    is "$(grep -c -- '--> Using cache' <<<"$output")" "3" "the --no-cache results are the cache now"
    run_burrow rmi "$name"
    is "$(image_count)" "$before" "nothing of either build is left"
}
