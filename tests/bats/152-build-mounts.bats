#!/usr/bin/env bats
#
# build (issue 5): RUN --mount=type=bind|tmpfs|secret|cache and build --secret. What a
# mount shows is visible to the RUN and never part of the image: not its files, not its
# mount points, not its history.

load helpers
load build-helpers

setup() {
    basic_setup
    ensure_test_image
}

teardown() {
    basic_teardown
}

# image_files IMAGE: every path in the image's filesystem (through a container export).
image_files() {
    local c
    c=$(unique_name)
    _burrow_direct create --name "$c" "$1" true >/dev/null
    _burrow_direct export "$c" | tar -t
    _burrow_direct rm "$c" >/dev/null
}

@test "build RUN --mount=type=bind: the context (read-only, ignore rules, source=, rw drops writes), a stage, an image" {
    local ctx name
    ctx=$(ctx_with "FROM $IMAGE AS base
RUN echo from-stage > /stage-file
FROM $IMAGE
RUN --mount=type=bind,target=/ctx cat /ctx/data/a > /seen-a; touch /ctx/x 2>/dev/null && echo writable > /ro || echo read-only > /ro; test -e /ctx/data/ignored && echo visible > /ign || echo not-visible > /ign
RUN --mount=type=bind,source=data,target=/d,rw echo changed > /d/a; cat /d/a > /seen-rw
RUN --mount=type=bind,from=base,source=/stage-file,target=/sf cat /sf > /seen-stage
RUN --mount=type=bind,from=base,target=/base cat /base/stage-file > /seen-stage-dir
RUN --mount=type=bind,from=$IMAGE,source=/etc,target=/img-etc test -f /img-etc/passwd && echo yes > /seen-image")
    mkdir "$ctx/data"
    echo content-a > "$ctx/data/a"
    echo ignored > "$ctx/data/ignored"
    printf 'data/ignored\n' > "$ctx/.containerignore"
    name=localhost/$(unique_name):bind
    run_burrow build -t "$name" "$ctx"
    run_burrow run --rm "$name" cat /seen-a /ro /ign /seen-rw /seen-stage /seen-stage-dir /seen-image
    is "$output" "content-a
read-only
not-visible
changed
from-stage
from-stage
yes"
    is "$(cat "$ctx/data/a")" "content-a" "rw writes do not reach the context"
    image_files "$name" > "$BURROW_TEST_TMPDIR/files"
    for p in ctx d sf base img-etc stage-file; do
        ! grep -qE "^$p/?\$" "$BURROW_TEST_TMPDIR/files" || die "/$p (a mount point or mounted file) is in the image"
    done
    # The mounted files are part of the step's cache key.
    run_burrow build -t "$name" "$ctx"
    is "$(grep -c -- '--> Using cache' <<<"$output")" "6" "an unchanged rebuild is fully cached"
    echo content-b > "$ctx/data/a"
    run_burrow build -t "$name" "$ctx"
    run_burrow run --rm "$name" cat /seen-a
    is "$output" "content-b" "a changed bind-mounted file invalidates the RUN"
    # Bad mounts: named, 125, nothing tagged.
    printf 'FROM %s\nRUN --mount=type=bind,source=../x,target=/x true\n' "$IMAGE" > "$ctx/Containerfile"
    run_burrow 125 build -t localhost/badmount:1 "$ctx"
    is "${lines[-1]}" 'Error: Containerfile:2: RUN: --mount=type=bind,source=../x,target=/x: source "../x" is outside the build context'
    printf 'FROM %s\nRUN --mount=type=bind,source=nope,target=/x true\n' "$IMAGE" > "$ctx/Containerfile"
    run_burrow 125 build -t localhost/badmount:1 "$ctx"
    assert "${lines[-1]}" =~ 'source "nope" not found in the build context'
    printf 'FROM %s\nRUN --mount=type=bind,source=data true\n' "$IMAGE" > "$ctx/Containerfile"
    run_burrow 125 build -t localhost/badmount:1 "$ctx"
    assert "${lines[-1]}" =~ 'target= is required'
    printf 'FROM %s\nRUN --mount=type=nfs,target=/x true\n' "$IMAGE" > "$ctx/Containerfile"
    run_burrow 125 build -t localhost/badmount:1 "$ctx"
    assert "${lines[-1]}" =~ 'unknown mount type "nfs"'
    run_burrow 1 image exists localhost/badmount:1
}

@test "build RUN --mount=type=tmpfs: a tmpfs for the step, not in the layer" {
    local ctx name
    ctx=$(ctx_with "FROM $IMAGE
RUN --mount=type=tmpfs,target=/scratch,size=1m echo x > /scratch/f && grep ' /scratch ' /proc/mounts | cut -d' ' -f3 > /fstype && df -k /scratch | awk 'NR==2 {print \$2}' > /size")
    name=localhost/$(unique_name):tmpfs
    run_burrow build -t "$name" "$ctx"
    run_burrow run --rm "$name" cat /fstype /size
    is "$output" "tmpfs
1024"
    image_files "$name" > "$BURROW_TEST_TMPDIR/files"
    ! grep -qE '^scratch' "$BURROW_TEST_TMPDIR/files" || die "/scratch is in the image"
    # A target through a symlink of the image: its mount point goes too.
    printf 'FROM %s\nRUN mkdir /real && ln -s /real /link\nRUN --mount=type=tmpfs,target=/link/t echo x > /link/t/f\n' \
        "$IMAGE" > "$ctx/Containerfile"
    run_burrow build -t "$name" "$ctx"
    image_files "$name" > "$BURROW_TEST_TMPDIR/files"
    grep -qE '^real/?$' "$BURROW_TEST_TMPDIR/files" || die "/real is missing"
    ! grep -qE '^real/t' "$BURROW_TEST_TMPDIR/files" || die "/real/t (a mount point) is in the image"
    printf 'FROM %s\nRUN --mount=type=tmpfs,target=/t,size=lots true\n' "$IMAGE" > "$ctx/Containerfile"
    run_burrow 125 build "$ctx"
    assert "${lines[-1]}" =~ 'size=lots: expected a size'
}

@test "build RUN --mount=type=secret: build --secret from a file or the environment; never in the image" {
    local ctx name sum_file sum_env
    # The Containerfile holds only checksums, so the values can be looked for in the image.
    sum_file=$(printf 's3cr3t-file-value' | md5sum | cut -c1-32)
    sum_env=$(printf 's3cr3t-env-value' | md5sum | cut -c1-32)
    ctx=$(ctx_with "FROM $IMAGE
RUN --mount=type=secret,id=tok cat /run/secrets/tok | wc -c > /len-file; stat -c %a /run/secrets/tok > /mode
RUN --mount=type=secret,id=tok,target=/opt/s,mode=0440 test \"\$(md5sum < /opt/s | cut -c1-32)\" = $sum_file && echo ok > /custom
RUN --mount=type=secret,id=envtok,env=MY_TOKEN test \"\$(printf %s \"\$MY_TOKEN\" | md5sum | cut -c1-32)\" = $sum_env && echo ok > /env
RUN --mount=type=secret,id=absent test ! -e /run/secrets/absent && echo ok > /optional")
    printf 's3cr3t-file-value' > "$BURROW_TEST_TMPDIR/secret"
    name=localhost/$(unique_name):secret
    BURROW_SECRET_VAR=s3cr3t-env-value run_burrow build -t "$name" \
        --secret "id=tok,src=$BURROW_TEST_TMPDIR/secret" --secret id=envtok,env=BURROW_SECRET_VAR "$ctx"
    run_burrow run --rm "$name" cat /len-file /mode /custom /env /optional
    is "$output" "17
400
ok
ok
ok"
    image_files "$name" > "$BURROW_TEST_TMPDIR/files"
    ! grep -qE '^(run/secrets|opt/s)' "$BURROW_TEST_TMPDIR/files" || die "a secret's mount point is in the image"
    run_burrow save -o "$BURROW_TEST_TMPDIR/img.tar" "$name"
    mkdir "$BURROW_TEST_TMPDIR/img"
    tar -xf "$BURROW_TEST_TMPDIR/img.tar" -C "$BURROW_TEST_TMPDIR/img"
    find "$BURROW_TEST_TMPDIR/img" -type f | while read -r f; do
        if gzip -t "$f" 2>/dev/null; then gzip -dc "$f"; else cat "$f"; fi
    done > "$BURROW_TEST_TMPDIR/all-bytes"
    ! grep -q s3cr3t "$BURROW_TEST_TMPDIR/all-bytes" || die "a secret's value is in the saved image"
    run_burrow image history --no-trunc "$name"
    assert "$output" !~ "s3cr3t" "no secret in the history"
    # Nor in the store's database (a step's container record) or any file left behind.
    ! grep -rqa s3cr3t "$(burrow_root)" "$(burrow_runroot)" 2>/dev/null || die "a secret's value is in the store"
    # A required secret that wasn't given; a bad --secret.
    printf 'FROM %s\nRUN --mount=type=secret,id=needed,required true\n' "$IMAGE" > "$ctx/Containerfile"
    run_burrow 125 build -t localhost/nosecret:1 "$ctx"
    assert "$output" =~ 'Error: Containerfile:2: RUN: --mount=type=secret,id=needed,required: secret "needed" was not given'
    run_burrow 1 image exists localhost/nosecret:1
    run_burrow 125 build --secret "src=$BURROW_TEST_TMPDIR/secret" "$ctx"
    assert "$output" =~ 'invalid --secret .*id= is required'
    run_burrow 125 build --secret "id=x,src=$BURROW_TEST_TMPDIR/nofile" "$ctx"
    assert "$output" =~ 'invalid --secret .*no such file or directory'
}

@test "build RUN --mount=type=cache: kept between builds (also with --no-cache), per id, not in the layer" {
    local ctx name
    ctx=$(ctx_with "FROM $IMAGE
RUN --mount=type=cache,target=/var/cache/thing echo run >> /var/cache/thing/log; wc -l < /var/cache/thing/log > /count
RUN --mount=type=cache,id=other,target=/c2,sharing=locked ls /c2 | wc -l > /other")
    name=localhost/$(unique_name):cache
    run_burrow build -t "$name" "$ctx"
    run_burrow run --rm "$name" cat /count /other
    is "$output" "1
0"
    run_burrow build --no-cache -t "$name" "$ctx"
    run_burrow run --rm "$name" cat /count /other
    is "$output" "2
0" "the cache's contents survive a rebuild; another id is another cache"
    image_files "$name" > "$BURROW_TEST_TMPDIR/files"
    ! grep -qE '^(var/cache/thing/log|c2)' "$BURROW_TEST_TMPDIR/files" || die "the cache's contents are in the image"
    run_burrow rmi "$name"
    run_burrow build --no-cache -t "$name" "$ctx"
    run_burrow run --rm "$name" cat /count
    is "$output" "3" "removing the image keeps the cache"
    printf 'FROM %s\nRUN --mount=type=cache,target=/c,sharing=sometimes true\n' "$IMAGE" > "$ctx/Containerfile"
    run_burrow 125 build "$ctx"
    assert "${lines[-1]}" =~ 'sharing=sometimes: must be shared, private or locked'
}
