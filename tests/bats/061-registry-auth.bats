#!/usr/bin/env bats
#
# A TLS registry (throw-away CA, trusted through certs.d) with htpasswd auth: login,
# logout, wrong password, untrusted certificate, pulls and pushes with credentials.

load helpers
load registry-helpers

PORT=5111
REG=127.0.0.1:$PORT
PLAIN_PORT=5113
PLAIN=127.0.0.1:$PLAIN_PORT

setup_file() {
    start_registry tls $PORT tls
    start_registry plain $PLAIN_PORT
    export CONTAINERS_REGISTRIES_CONF=$BATS_FILE_TMPDIR/registries.conf
    : >"$CONTAINERS_REGISTRIES_CONF"
    export REGISTRY_AUTH_FILE=$BATS_FILE_TMPDIR/auth.json
    export CERTS=$BATS_FILE_TMPDIR/tls/certs.d
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

@test "login: wrong password is podman's error; right one is stored in auth.json; logout" {
    run_burrow 125 login --cert-dir $CERTS/$REG -u testuser -p wrong $REG
    is "$output" "Error: logging into \"$REG\": invalid username/password"
    [[ ! -s $REGISTRY_AUTH_FILE ]] || die "a failed login wrote $REGISTRY_AUTH_FILE"

    run_burrow login --cert-dir $CERTS/$REG -u testuser -p testpass $REG
    is "$output" "Login Succeeded!"
    run jq -r ".auths[\"$REG\"].auth" "$REGISTRY_AUTH_FILE"
    is "$output" "$(printf testuser:testpass | base64)" "podman's auth.json format"
    is "$(stat -c %a "$REGISTRY_AUTH_FILE")" "600" "auth file mode"
    run_burrow login --get-login $REG
    is "$output" "testuser"

    run_burrow logout $REG
    is "$output" "Removed login credentials for $REG"
    run_burrow 125 logout $REG
    is "$output" "Error: not logged into $REG"
    run_burrow 125 login --get-login $REG
    is "$output" "Error: not logged into $REG"
}

@test "login --password-stdin, default auth file location, logout --all" {
    local saved=$REGISTRY_AUTH_FILE
    unset REGISTRY_AUTH_FILE
    [[ -n ${XDG_RUNTIME_DIR:-} ]] || skip "XDG_RUNTIME_DIR is not set"
    local f=$XDG_RUNTIME_DIR/containers/auth.json
    local before=
    [[ -f $f ]] && before=$(cat "$f")
    echo testpass >$BURROW_TEST_TMPDIR/pw
    run_burrow_stdin $BURROW_TEST_TMPDIR/pw login --cert-dir $CERTS/$REG -u testuser --password-stdin $REG
    is "$output" "Login Succeeded!"
    run jq -r ".auths[\"$REG\"].auth" "$f"
    is "$output" "$(printf testuser:testpass | base64)" "written to \$XDG_RUNTIME_DIR/containers/auth.json"
    run_burrow logout $REG
    if [[ -n $before ]]; then printf '%s\n' "$before" >"$f"; fi
    export REGISTRY_AUTH_FILE=$saved
    run_burrow login --cert-dir $CERTS/$REG -u testuser -p testpass $REG
    run_burrow logout --all
    is "$output" "Removed login credentials for all registries"
    run_burrow 125 login --get-login $REG
}

@test "an untrusted certificate fails with the --tls-verify=false hint; certs.d makes it work" {
    run_burrow 125 pull --creds testuser:testpass $REG/x/y:1
    assert "$output" =~ "x509: certificate signed by unknown authority" "Go's wording"
    assert "$output" =~ "--tls-verify=false" "the hint"
    run_burrow 125 login -u testuser -p testpass $REG
    assert "$output" =~ "certificate signed by unknown authority"
}

@test "pull and push with credentials over TLS; podman and skopeo read what burrow pushed" {
    seed_registry $PLAIN/seed/busybox:1
    run_burrow pull -q --tls-verify=false $PLAIN/seed/busybox:1
    local id=$output
    # Without credentials the registry refuses.
    run_burrow 125 push --cert-dir $CERTS/$REG $PLAIN/seed/busybox:1 $REG/auth/busybox:1
    assert "$output" =~ "authentication required|unauthorized" "refused without credentials"
    run_burrow push --cert-dir $CERTS/$REG --creds testuser:testpass $PLAIN/seed/busybox:1 $REG/auth/busybox:1
    # Credentials from the auth file.
    run_burrow login --cert-dir $CERTS/$REG -u testuser -p testpass $REG
    run_burrow rmi -f $id
    run_burrow pull -q --cert-dir $CERTS/$REG $REG/auth/busybox:1
    is "$output" "$id" "same image id through the TLS registry"
    # Through $HOME's certs.d, as podman reads it.
    local home_certs=$HOME/.config/containers/certs.d/$REG
    mkdir -p "$home_certs" && cp "$CERTS/$REG/ca.crt" "$home_certs/ca.crt"
    run_burrow rmi -f $id
    run_burrow pull -q $REG/auth/busybox:1
    local rc=$status
    rm -rf "$home_certs"
    is "$output" "$id" "certs.d in \$HOME trusted"
    run skopeo inspect --cert-dir $CERTS/$REG --creds testuser:testpass docker://$REG/auth/busybox:1
    ((status == 0)) || die "skopeo can't read it: $output"
    is "$(echo "$output" | jq -r .Layers[0])" "$(remote_layers $PLAIN/seed/busybox:1 --tls-verify=false | cut -d' ' -f1)" \
        "same layer digest"
    run_burrow logout $REG
    # Wrong credentials on pull.
    run_burrow 125 pull --cert-dir $CERTS/$REG --creds testuser:nope $REG/auth/busybox:1
    assert "$output" =~ "initializing source docker://$REG/auth/busybox:1" "podman's prefix"
}
