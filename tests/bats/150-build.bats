#!/usr/bin/env bats
#
# build (issue 5): Containerfiles from tests/fixtures/build/, the image each makes
# (config, files, ownership, modes, history, layers), running it, and the layer cache.

load helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

FIXTURES=${BATS_TEST_DIRNAME}/../fixtures/build

# build_ctx NAME: a private copy of a fixture context (tests may change it).
build_ctx() {
    local d=$BURROW_TEST_TMPDIR/ctx-$1
    rm -rf "$d"
    cp -a "$FIXTURES/$1" "$d"
    echo "$d"
}

# layer_count IMAGE
layer_count() {
    _burrow_direct image inspect --format '{{len .RootFS.Layers}}' "$1"
}

@test "build: every metadata instruction lands in the config" {
    local ctx name
    ctx=$(build_ctx config)
    name=localhost/$(unique_name):cfg
    run_burrow build -t "$name" --build-arg BASE=$IMAGE --build-arg GREETING=hi "$ctx"
    assert "$output" =~ "STEP 1/17: FROM \\\$\{BASE\}" "podman-style progress"
    assert "$output" =~ "COMMIT $name" "commit line"
    assert "$output" =~ "Successfully tagged $name" "tag line"
    local id=${lines[-1]}
    assert "$id" =~ "^[0-9a-f]{64}$" "the last line is the id"

    run_burrow image inspect --format '{{json .Config.Env}}' "$name"
    assert "$output" =~ '"GREETING=hi","EMPTY=","PLAIN=plain","LEGACY=a value with spaces"' "ENV"
    run_burrow image inspect --format '{{index .Config.Labels "org.example.name"}}/{{index .Config.Labels "version"}}' "$name"
    is "$output" "config test/set" "LABEL with \${VAR:+alt}"
    run_burrow image inspect --format '{{json .Config.ExposedPorts}} {{json .Config.Volumes}}' "$name"
    assert "$output" == '{"8080/tcp":{},"53/udp":{}} {"/data":{},"/cache":{}}'
    run_burrow image inspect --format '{{.Config.WorkingDir}} {{.Config.User}} {{.Config.StopSignal}}' "$name"
    is "$output" "/srv/app 1000:1000 SIGINT"
    run_burrow image inspect --format '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' "$name"
    assert "$output" == '["/bin/echo"] ["from","cmd"]'
    run_burrow image inspect --format '{{json .Config.Healthcheck}}' "$name"
    assert "$output" == '{"Test":["CMD","true"],"Interval":30000000000,"Timeout":5000000000,"Retries":4}'
    run_burrow image inspect --format '{{json .Config.OnBuild}} {{json .Config.Shell}} {{.Author}}' "$name"
    assert "$output" == '["RUN echo triggered > /onbuild"] ["/bin/sh","-ec"] someone@example.com'
    # Metadata instructions add history entries but no layers.
    assert "$(layer_count "$name")" == "$(layer_count $IMAGE)" "no new layers"
    run_burrow history --no-trunc --format '{{.CreatedBy}}' "$name"
    assert "$output" =~ "CMD \[\"from\", \"cmd\"\]" "history names the steps"

    run_burrow run --rm "$name"
    is "$output" "from cmd" "ENTRYPOINT + CMD"
}

@test "build: COPY/ADD/RUN make layers with the right files, owners and modes" {
    local ctx name
    ctx=$(build_ctx files)
    name=localhost/$(unique_name):files
    run_burrow build -t "$name" "$ctx"
    assert "$output" =~ "STEP 7/10: RUN echo" "progress"
    # 7 layer-making steps: 5 COPY/ADD + 2 RUN
    assert "$(layer_count "$name")" -eq "$(( $(layer_count $IMAGE) + 7 ))" "one layer per RUN/COPY/ADD"

    run_burrow run --rm "$name"
    is "$output" "built hi there"
    run_burrow run --rm "$name" sh -c 'stat -c "%u:%g %a" /owned.txt /copied/hello.txt /copied'
    is "$output" "1000:1000 640
0:0 644
0:0 755" "--chown/--chmod and a created directory"
    run_burrow run --rm "$name" sh -c 'cat /tree/a /tree/sub/b; ls /tree; ls /globbed; cat /unpacked/inner/t.txt; cat /work/here; test -d /var/made'
    is "$output" "a
b
a
sub
one.glob
two.glob
from the tar
/work" "a directory's contents, RUN's rm (a whiteout), globs, ADD unpacks a tar"
    # RUN's layer does not carry the runtime's mount points.
    run_burrow run --rm "$name" sh -c 'test ! -e /tree/remove-me && echo gone'
    is "$output" "gone"
}

@test "build: an unchanged rebuild reuses every layer; a changed file or build arg invalidates from its step on" {
    local ctx name
    ctx=$(build_ctx files)
    name=localhost/$(unique_name):cache
    run_burrow build -q -t "$name" "$ctx"
    local first=${lines[-1]}
    run_burrow build -t "$name" "$ctx"
    is "${lines[-1]}" "$first" "the same image"
    local cached
    cached=$(grep -c -- '--> Using cache' <<<"$output")
    assert "$cached" -eq 9 "every step after FROM cached"
    run_burrow images -a -q
    local before=${#lines[@]}

    # Touching only the mtime changes nothing; changing content invalidates from COPY dir on.
    touch "$ctx/hello.txt"
    run_burrow build -t "$name" "$ctx"
    assert "$(grep -c -- '--> Using cache' <<<"$output")" -eq 9 "mtime is not content"
    printf 'changed\n' > "$ctx/dir/a"
    run_burrow build -t "$name" "$ctx"
    assert "$(grep -c -- '--> Using cache' <<<"$output")" -eq 2 "the two COPYs before 'COPY dir' are cached"
    run_burrow run --rm "$name" cat /tree/a
    is "$output" "changed"

    # A build arg: the steps before its ARG stay cached, the RUNs after it are rebuilt.
    local actx=$BURROW_TEST_TMPDIR/argctx
    mkdir -p "$actx"
    printf 'FROM %s\nRUN echo before > /before\nARG V=1\nRUN echo $V > /v\nCMD ["cat", "/v"]\n' "$IMAGE" > "$actx/Containerfile"
    run_burrow build -t "$name-a" "$actx"
    run_burrow build -t "$name-a" "$actx"
    assert "$(grep -c -- '--> Using cache' <<<"$output")" -eq 3 "all cached"
    run_burrow build -t "$name-a" --build-arg V=2 "$actx"
    assert "$(grep -c -- '--> Using cache' <<<"$output")" -eq 1 "only the RUN before the ARG is cached"
    run_burrow run --rm "$name-a"
    is "$output" "2"
    # --no-cache rebuilds everything.
    run_burrow build --no-cache -t "$name" "$ctx"
    assert "$(grep -c -- '--> Using cache' <<<"$output")" -eq 0 "--no-cache"
}

@test "build: multi-stage runs only the stages the target needs; COPY --from by name and index; --target" {
    local ctx name
    ctx=$(build_ctx multistage)
    name=localhost/$(unique_name):ms
    run_burrow build -t "$name" "$ctx"
    assert "$output" !~ "this stage must not run" "unneeded stages are skipped"
    assert "$output" =~ "\[1/4\] STEP 1/2: FROM localhost/busybox:test AS builder" "stage prefix"
    run_burrow run --rm "$name" cat /app/artifact /app/by-index
    is "$output" "compiled
compiled"
    run_burrow build -t "$name-t" --target tester "$ctx"
    run_burrow run --rm "$name-t" cat /artifact /tested
    is "$output" "compiled
tested"
    run_burrow 125 build --target nosuch "$ctx"
    is "$output" 'Error: target stage "nosuch" not found'
}

@test "build: .containerignore with Docker's rules" {
    local ctx name
    ctx=$(build_ctx ignore)
    name=localhost/$(unique_name):ign
    run_burrow build -t "$name" "$ctx"
    run_burrow run --rm "$name" find /ctx
    local sorted
    sorted=$(LC_ALL=C sort <<<"$output")
    is "$sorted" "/ctx
/ctx/.containerignore
/ctx/keep.log
/ctx/src
/ctx/src/deep
/ctx/src/deep/main.c"
}

@test "build: heredocs, continuations, comments, -f, stdin context, --iidfile, --label" {
    local ctx name
    ctx=$(build_ctx heredoc)
    name=localhost/$(unique_name):hd
    mv "$ctx/Containerfile" "$ctx/Other.file"
    run_burrow build -f "$ctx/Other.file" -t "$name" --iidfile "$ctx/iid" --label extra=yes "$ctx"
    local id=${lines[-1]}
    is "$(cat "$ctx/iid")" "sha256:$id"
    run_burrow run --rm "$name" cat /script-out /with-cat /etc/greeting /continued
    is "$output" "line one
line two
hello world
greetings world
a b c"
    run_burrow image inspect --format '{{.Labels.extra}}' "$name"
    is "$output" "yes"
    # A context on stdin as a tar.
    tar -C "$ctx" -cf "$ctx.tar" .
    run_burrow_stdin "$ctx.tar" build -f Other.file -t "$name-stdin" -
    run_burrow run --rm "$name-stdin" cat /continued
    is "$output" "a b c"
}

@test "build: ONBUILD triggers run when the image is used as a base" {
    local base ctx
    ctx=$BURROW_TEST_TMPDIR/onb
    mkdir -p "$ctx"
    printf 'FROM %s\nONBUILD RUN echo triggered > /onbuild\n' "$IMAGE" > "$ctx/Containerfile"
    run_burrow build -t localhost/onbuild-base:test "$ctx"
    run_burrow build -t localhost/onbuild-child:test "$FIXTURES/onbuild"
    assert "$output" =~ "triggered" "the trigger ran before the first step"
    run_burrow image inspect --format '{{json .Config}}' localhost/onbuild-child:test
    assert "$output" !~ "OnBuild" "triggers are not inherited"
}

@test "build: intermediate images are hidden from images without -a" {
    local ctx name
    ctx=$(build_ctx files)
    name=localhost/$(unique_name):hid
    run_burrow build -t "$name" "$ctx"
    run_burrow images --format '{{.Repository}}:{{.Tag}}'
    assert "$output" !~ "<none>" "no intermediate images listed"
    run_burrow images -a --format '{{.Repository}}:{{.Tag}}'
    assert "$output" =~ "<none>" "-a lists them"
}

@test "commit and export: a container's changes become an image; its filesystem a tar" {
    local name cname
    name=localhost/$(unique_name):commit
    cname=$(unique_name)
    run_burrow run --name "$cname" $IMAGE sh -c 'echo changed > /new-file; rm /etc/group'
    run_burrow commit -c 'CMD ["cat", "/new-file"]' -c "ENV COMMITTED=1" -m "a message" -a "me" "$cname" "$name"
    run_burrow run --rm "$name"
    is "$output" "changed"
    run_burrow run --rm "$name" sh -c 'echo $COMMITTED; test -e /etc/group || echo no-group'
    is "$output" "1
no-group" "ENV change and a deletion kept"
    run_burrow image inspect --format '{{.Author}}|{{.Comment}}' "$name"
    assert "$output" == "me|a message"
    _burrow_direct export "$cname" > "$BURROW_TEST_TMPDIR/fs.tar"
    tar -tf "$BURROW_TEST_TMPDIR/fs.tar" > "$BURROW_TEST_TMPDIR/list"
    grep -qx 'new-file' "$BURROW_TEST_TMPDIR/list" || die "export lacks /new-file: $(head "$BURROW_TEST_TMPDIR/list")"
    grep -qx 'bin/busybox' "$BURROW_TEST_TMPDIR/list" || die "export lacks the image's files"
    ! grep -qx 'etc/group' "$BURROW_TEST_TMPDIR/list" || die "export has the removed /etc/group"
    run_burrow export -o "$BURROW_TEST_TMPDIR/fs2.tar" "$cname"
    run_burrow import "$BURROW_TEST_TMPDIR/fs2.tar" "$name-imported"
    run_burrow run --rm "$name-imported" cat /new-file
    is "$output" "changed" "export | import round-trips"
}

@test "build interop: podman runs a burrow-built image; a podman-built image (RUN steps) is burrow's base" {
    skip_if_missing podman
    local ctx name pd
    ctx=$(build_ctx files)
    name=localhost/$(unique_name):interop
    run_burrow build -t "$name" "$ctx"
    run_burrow save -o "$BURROW_TEST_TMPDIR/built.tar" "$name"
    pd=$(mktemp -d /tmp/burrow-podman.XXXXXX)
    # podman's default runtime (crun) can't start containers on this host's hybrid
    # cgroups; runc can.
    run _podman_isolated "$pd" load -i "$BURROW_TEST_TMPDIR/built.tar"
    ((status == 0)) || { _podman_isolated_cleanup "$pd"; die "podman could not load the image: $output"; }
    run _podman_isolated "$pd" --runtime runc run --rm "$name"
    ((status == 0)) || { _podman_isolated_cleanup "$pd"; die "podman could not run the image: $output"; }
    [[ ${lines[-1]} == "built hi there" ]] || { _podman_isolated_cleanup "$pd"; die "podman ran the CMD: $output"; }
    run _podman_isolated "$pd" --runtime runc run --rm "$name" sh -c \
        'test -e /tree/remove-me || echo whiteout; stat -c "%u:%g %a" /owned.txt; pwd; cat here'
    [[ $output == *"whiteout"*"1000:1000 640"*"/work"*"/work"* ]] ||
        { _podman_isolated_cleanup "$pd"; die "podman sees the image differently: $output"; }
    # podman builds on the burrow image with RUN steps; burrow builds on podman's.
    mkdir -p "$pd/ctx"
    echo by-podman > "$pd/ctx/by-podman"
    printf 'FROM %s\nRUN echo "podman ran $(cat /built)" > /podman-run && rm /copied/hello.txt\nCOPY by-podman /by-podman\nRUN mkdir /pdir && echo in-pdir > /pdir/f\n' \
        "$name" > "$pd/ctx/Containerfile"
    run _podman_isolated "$pd" --runtime runc build -t localhost/podman-built:1 "$pd/ctx"
    ((status == 0)) || { _podman_isolated_cleanup "$pd"; die "podman build failed: $output"; }
    run _podman_isolated "$pd" save -o "$pd/pb.tar" localhost/podman-built:1
    ((status == 0)) || { _podman_isolated_cleanup "$pd"; die "podman save failed: $output"; }
    cp "$pd/pb.tar" "$BURROW_TEST_TMPDIR/pb.tar"
    _podman_isolated_cleanup "$pd"
    run_burrow load -i "$BURROW_TEST_TMPDIR/pb.tar"
    local c2=$BURROW_TEST_TMPDIR/c2
    mkdir -p "$c2"
    printf 'FROM localhost/podman-built:1\nRUN cat /podman-run /by-podman /pdir/f > /all && (test -e /copied/hello.txt || echo deleted-by-podman >> /all)\nCMD ["cat", "/all"]\n' > "$c2/Containerfile"
    run_burrow build -t "$name-2" "$c2"
    run_burrow run --rm "$name-2"
    is "$output" "podman ran built hi there
by-podman
in-pdir
deleted-by-podman"
}
