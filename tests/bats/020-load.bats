#!/usr/bin/env bats
#
# load: docker-archive and oci-archive as podman and skopeo write them; corrupt input.

load helpers

MKTAR="$BATS_TEST_DIRNAME/../fixtures/mktar.py"

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

# The store's record of images, to check that a refused load changed nothing.
store_state() {
    _burrow_direct images -a --no-trunc --format '{{.ID}} {{.Repository}}:{{.Tag}}'
}

expected_id() {
    run_burrow image inspect --format '{{.Id}}' $IMAGE
    echo "$output"
}

@test "load a docker-archive written by podman save (file and stdin)" {
    podman_fixture_archive docker-archive
    local archive=$FIXTURE_ARCHIVE
    run_burrow rmi -f $IMAGE
    run_burrow load -i "$archive"
    is "$output" "Loaded image: $IMAGE" "podman's Loaded image line"
    run_burrow image inspect --format '{{.RootFS.Layers}} {{.Os}}' $IMAGE
    local layers=$output

    run_burrow rmi $IMAGE
    run_burrow_stdin "$archive" load
    is "$output" "Loaded image: $IMAGE" "load from stdin"
    run_burrow image inspect --format '{{.RootFS.Layers}} {{.Os}}' $IMAGE
    assert "$output" == "$layers" "same layers either way"
    run_burrow unshare test -x "$(layer_diff_of $IMAGE)/bin/busybox"
}

@test "load an oci-archive written by podman save" {
    podman_fixture_archive oci-archive
    local archive=$FIXTURE_ARCHIVE
    run_burrow rmi -f $IMAGE
    run_burrow load -i "$archive"
    assert "$output" =~ "Loaded image: " "load reports what it loaded"
    run_burrow images -q --no-trunc
    assert "$output" =~ "sha256:[0-9a-f]{64}" "the image is listed"
}

@test "load oci-archives written by skopeo: gzip and uncompressed layers" {
    local fmt name
    for fmt in oci-archive-gzip oci-archive-uncompressed docker-archive; do
        skopeo_fixture_archive $fmt
        run_burrow rmi -f $IMAGE
        run_burrow load -i "$FIXTURE_ARCHIVE"
        assert "$output" =~ "Loaded image: " "$fmt loads"
        run_burrow images --format '{{.Repository}}:{{.Tag}}'
        assert "$output" =~ "busybox" "$fmt: image is named"
    done
}

@test "load: the image id is the sha256 of the config, same as podman's" {
    podman_fixture_archive docker-archive
    local archive=$FIXTURE_ARCHIVE
    local cfg
    cfg=$(tar -xOf "$archive" manifest.json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Config"])')
    local want
    want=$(tar -xOf "$archive" "$cfg" | sha256sum | cut -d' ' -f1)
    run_burrow rmi -f $IMAGE
    run_burrow load -i "$archive"
    run_burrow image inspect --format '{{.Id}}' $IMAGE
    is "$output" "$want"
}

@test "load: a truncated archive is refused and the store is unchanged" {
    podman_fixture_archive docker-archive
    local before
    before=$(store_state)
    local cut=$BURROW_TEST_TMPDIR/truncated.tar
    head -c $(( $(stat -c %s "$FIXTURE_ARCHIVE") / 2 )) "$FIXTURE_ARCHIVE" >"$cut"
    run_burrow 125 load -i "$cut"
    is "$output" "Error: .*" "one Error line"
    assert "$(store_state)" == "$before" "store unchanged"
    assert_no_staging_left
}

@test "load: garbage and an empty file are refused" {
    local bad=$BURROW_TEST_TMPDIR/garbage.tar
    head -c 4096 /dev/urandom >"$bad"
    run_burrow 125 load -i "$bad"
    is "$output" "Error: payload does not match any of the supported image formats.*"
    : >"$bad"
    run_burrow 125 load -i "$bad"
    is "$output" "Error: payload does not match any of the supported image formats.*"
    run_burrow 125 load -i "$BURROW_TEST_TMPDIR/nosuchfile"
    is "$output" "Error: opening .*nosuchfile: No such file or directory.*"
}

@test "load: a layer that doesn't match its diff_id is refused, store unchanged" {
    local rootfs before name
    rootfs=$(fixture_rootfs_tar)
    before=$(store_state)
    name=$(unique_name bad)
    python3 "$MKTAR" docker-archive "$BURROW_TEST_TMPDIR/bad.tar" "$rootfs" --name "$name:1" --bad-diff-id
    run_burrow 125 load -i "$BURROW_TEST_TMPDIR/bad.tar"
    is "$output" "Error: layer .*: digest mismatch: image config claims sha256:[0-9a-f]{64}, layer content is sha256:[0-9a-f]{64}"
    assert "$(store_state)" == "$before" "store unchanged"
    assert_no_staging_left

    # The same archive with the right digest (and gzip layers) loads fine.
    python3 "$MKTAR" docker-archive "$BURROW_TEST_TMPDIR/good.tar" "$rootfs" --name "$name:1" --gzip
    run_burrow load -i "$BURROW_TEST_TMPDIR/good.tar"
    is "$output" "Loaded image: docker.io/library/$name:1" "docker names get docker.io/library/"
}

@test "load: a gzip-compressed archive" {
    podman_fixture_archive docker-archive
    gzip -c "$FIXTURE_ARCHIVE" >"$BURROW_TEST_TMPDIR/a.tar.gz"
    run_burrow rmi -f $IMAGE
    run_burrow load -i "$BURROW_TEST_TMPDIR/a.tar.gz"
    is "$output" "Loaded image: $IMAGE"
}
