#!/usr/bin/env bats
#
# Local images: import, images, tag/untag, inspect, exists, rmi.

load helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

@test "import names images like podman: localhost/ and :latest" {
    local tarball name
    tarball=$(fixture_rootfs_tar)
    name=$(unique_name imp)
    run_burrow import "$tarball" "$name"
    is "$output" "[0-9a-f]{64}" "import prints the full image id"
    local id=$output

    run_burrow images --format '{{.Repository}}:{{.Tag}} {{.ID}}' --filter "reference=$name"
    is "$output" "localhost/$name:latest ${id:0:12}" "unqualified name gets localhost/ and :latest"

    run_burrow image exists "$name"
    run_burrow image exists "localhost/$name:latest"
    run_burrow image exists "$id"
    run_burrow image exists "${id:0:12}"
    run_burrow 1 image exists "$name:nosuchtag"
    is "$output" "" "image exists prints nothing"
}

@test "import --change, --message and stdin" {
    local tarball name
    tarball=$(fixture_rootfs_tar)
    name=$(unique_name chg)
    run_burrow_stdin "$tarball" import \
        --change 'CMD=echo hi' \
        --change 'ENTRYPOINT ["/bin/busybox"]' \
        --change 'ENV A=1' --change 'ENV=B=two' \
        --change 'WORKDIR /home/user' --change 'USER user' \
        --change 'LABEL team=burrow' --change 'EXPOSE 8080' \
        -m "imported for a test" - "$name:v1"
    run_burrow image inspect --format \
        '{{.Config.Cmd}}|{{.Config.Entrypoint}}|{{.Config.Env}}|{{.Config.WorkingDir}}|{{.Config.User}}|{{.Labels.team}}|{{.Comment}}' \
        "$name:v1"
    is "$output" '\[/bin/sh -c echo hi\]\|\[/bin/busybox\]\|\[A=1 B=two\]\|/home/user\|user\|burrow\|imported for a test'

    run_burrow 125 import --change 'FROB x' "$tarball" "$name:bad"
    is "$output" "Error: invalid change \"FROB x\": unknown instruction.*" "unknown --change instruction"
    run_burrow 1 image exists "$name:bad"
}

@test "images: table, -q, --no-trunc, --noheading, json" {
    run_burrow images
    is "${lines[0]}" "REPOSITORY +TAG +IMAGE ID +CREATED +SIZE" "podman's header"
    assert "$output" =~ "localhost/busybox +test +[0-9a-f]{12} " "the test image is listed"

    run_burrow images -q --filter reference=$IMAGE
    is "$output" "[0-9a-f]{12}" "-q prints the short id"
    local short=$output
    run_burrow images -q --no-trunc --filter reference=$IMAGE
    is "$output" "sha256:${short}[0-9a-f]{52}" "--no-trunc prints sha256: and the full id"

    run_burrow images --noheading --filter reference=$IMAGE
    is "$output" "localhost/busybox +test +$short .*" "--noheading drops the header"

    run_burrow images --format json --filter reference=$IMAGE
    assert "$output" =~ '"Id": "'$short "json has podman's Id key"
    assert "$output" =~ '"RepoTags": \[' "json has RepoTags"
    run_burrow images --format '{{json .Names}}' --filter reference=$IMAGE
    is "$output" '\["localhost/busybox:test"\]'

    run_burrow images --format 'table {{.ID}} {{.Repository}}' --filter reference=$IMAGE
    is "${lines[0]}" "IMAGE ID +REPOSITORY" "table format gets headers"
    is "${lines[1]}" "$short +localhost/busybox" "table row"

    run_burrow images --format '{{upper .Tag}}|{{lower "ABC"}}|{{join .Names ","}}|{{index .Names 0}}' --filter reference=$IMAGE
    is "$output" "TEST\|abc\|localhost/busybox:test\|localhost/busybox:test" "template functions"
}

@test "images --format with a bad template fails with 125" {
    run_burrow 125 images --format '{{.NoSuchField}}'
    is "$output" "Error: template: .*NoSuchField.*" "unknown field"
    run_burrow 125 images --format '{{.ID'
    is "$output" "Error: template: .*" "unclosed action"
    run_burrow 125 images --filter nosuch=1
    is "${lines[0]}" 'Error: invalid image filter "nosuch"' "unknown filter"
    is "${lines[1]}" 'supported filters: .*' "with the ones that exist"
}

@test "tag and untag" {
    local name
    name=$(unique_name tag)
    run_burrow tag $IMAGE "$name" "quay.io/burrow/$name:1.0" "localhost:5000/$name"
    run_burrow images --format '{{.Repository}}:{{.Tag}}'
    assert "$output" =~ "localhost/$name:latest" "short name"
    assert "$output" =~ "quay.io/burrow/$name:1.0" "registry name"
    assert "$output" =~ "localhost:5000/$name:latest" "registry with port"

    run_burrow untag $IMAGE "quay.io/burrow/$name:1.0"
    run_burrow 1 image exists "quay.io/burrow/$name:1.0"
    run_burrow image exists "$name"

    # tag to an invalid reference: podman's message, nothing changes
    run_burrow 125 tag $IMAGE "Bad/Name"
    is "$output" "Error: invalid reference format: repository name must be lowercase.*"
    run_burrow 125 tag $IMAGE "bad:tag:two"
    is "$output" "Error: invalid reference format.*"
    run_burrow 125 tag $IMAGE "a@sha256:123"
    is "$output" "Error: invalid reference format.*"
    run_burrow 125 tag nosuchimage "$name:2"
    is "$output" "Error: nosuchimage: image not known"
    run_burrow 1 image exists "$name:2"
    run_burrow 125 tag $IMAGE
    assert "$output" =~ "Error: " "missing new name"
}

@test "image inspect shows podman's fields" {
    run_burrow image inspect $IMAGE
    local key
    for key in Id Digest RepoTags RepoDigests Created Config Architecture Os Size VirtualSize GraphDriver RootFS History; do
        assert "$output" =~ "\"$key\": " "inspect has $key"
    done
    run_burrow image inspect --format '{{.Id}} {{.Os}} {{.Architecture}} {{.RootFS.Type}} {{len .RootFS.Layers}} {{index .RepoTags 0}}' $IMAGE
    is "$output" "[0-9a-f]{64} linux amd64 layers 1 localhost/busybox:test"
    run_burrow image inspect --format '{{.Digest}}' $IMAGE
    is "$output" "sha256:[0-9a-f]{64}"
    run_burrow inspect --format '{{.Id}}' $IMAGE
    is "$output" "[0-9a-f]{64}" "top-level inspect finds images"

    run_burrow 125 image inspect nosuchimage
    is "$output" "Error: nosuchimage: image not known"
    run_burrow 125 inspect nosuchimage
    is "$output" 'Error: no such object: "nosuchimage"'
    run_burrow 125 image inspect
    assert "$output" =~ "Error: " "missing image name"
}

@test "rmi: untag by name, several at once, shared layers survive" {
    local tarball a b
    tarball=$(fixture_rootfs_tar)
    a=$(unique_name rmia)
    b=$(unique_name rmib)
    # Same tarball twice: two images (different created times) sharing one layer.
    run_burrow import "$tarball" "$a"
    local id_a=$output
    run_burrow import "$tarball" "$b"
    local id_b=$output
    run_burrow image inspect --format '{{index .RootFS.Layers 0}}' "$a"
    local layer=$output
    run_burrow image inspect --format '{{index .RootFS.Layers 0}}' "$b"
    is "$output" "$layer" "both images have the same layer"

    run_burrow tag "$a" "$a:second"
    run_burrow rmi "$a:second"
    is "$output" "Untagged: localhost/$a:second" "rmi of one of several names only untags"
    run_burrow image exists "$a"

    run_burrow rmi "$a"
    is "${lines[0]}" "Untagged: localhost/$a:latest"
    is "${lines[1]}" "Deleted: $id_a"
    # The shared layer stays for b, which still works
    run_burrow image inspect --format '{{.Id}}' "$b"
    is "$output" "$id_b"
    run_burrow unshare test -d "$(layer_diff_of "$b")/bin"

    run_burrow 1 rmi "$b" $IMAGE-nosuch
    assert "$output" =~ "Deleted: $id_b" "b is removed even though another target failed"
    assert "$output" =~ "Error: .*image not known" "the missing one is reported"
}

@test "rmi: unknown image exits 1, -f ignores it, by id with several names needs -f" {
    run_burrow 1 rmi nosuchimage
    is "$output" "Error: nosuchimage: image not known"
    run_burrow rmi -f nosuchimage
    is "$output" "" "rmi -f of an unknown image is quiet"
    run_burrow 125 rmi
    is "$output" "Error: image name or ID must be specified"

    local tarball name
    tarball=$(fixture_rootfs_tar)
    name=$(unique_name rmid)
    run_burrow import "$tarball" "$name"
    local id=$output
    run_burrow tag "$name" "$name:two"
    run_burrow 125 rmi "$id"
    is "$output" "Error: unable to delete image \"$id\" by ID with more than one tag .*: please force removal"
    run_burrow image exists "$name:two"
    run_burrow rmi -f "${id:0:12}"
    assert "$output" =~ "Deleted: $id"
    run_burrow 1 image exists "$name"
}
