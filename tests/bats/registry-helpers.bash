# -*- bash -*-
#
# Registries for the 06x tests: Debian's docker-registry (distribution) on 127.0.0.1,
# plain HTTP or TLS with a throw-away CA and htpasswd auth. Every server a file starts is
# recorded in $BATS_FILE_TMPDIR/servers and stopped by stop_registries (teardown_file).

# start_registry NAME PORT [tls]   sets REG_DIR_<NAME> implicitly via $BATS_FILE_TMPDIR/NAME
start_registry() {
    local name=$1 port=$2 tls=${3:-}
    skip_if_missing docker-registry curl
    local d=$BATS_FILE_TMPDIR/$name
    mkdir -p "$d/data"
    {
        echo "version: 0.1"
        echo "log: {level: error, accesslog: {disabled: true}}"
        echo "storage: {filesystem: {rootdirectory: $d/data}, delete: {enabled: true}}"
        echo "http:"
        echo "  addr: 127.0.0.1:$port"
        if [[ $tls == tls ]]; then
            echo "  tls: {certificate: $d/server.crt, key: $d/server.key}"
            echo "auth: {htpasswd: {realm: burrow-test, path: $d/htpasswd}}"
        fi
    } >"$d/config.yml"
    if [[ $tls == tls ]]; then
        skip_if_missing openssl htpasswd
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=burrow-test-ca" \
            -keyout "$d/ca.key" -out "$d/ca.crt" >/dev/null 2>&1 || die "openssl CA failed"
        openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
            -keyout "$d/server.key" -out "$d/server.csr" >/dev/null 2>&1 || die "openssl csr failed"
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$d/ext.cnf"
        openssl x509 -req -in "$d/server.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial \
            -days 2 -extfile "$d/ext.cnf" -out "$d/server.crt" >/dev/null 2>&1 || die "openssl sign failed"
        htpasswd -Bbc "$d/htpasswd" testuser testpass >/dev/null 2>&1 || die "htpasswd failed"
        mkdir -p "$d/certs.d/127.0.0.1:$port"
        cp "$d/ca.crt" "$d/certs.d/127.0.0.1:$port/ca.crt"
    fi
    docker-registry serve "$d/config.yml" >"$d/log" 2>&1 3>&- &
    echo $! >>"$BATS_FILE_TMPDIR/servers"
    local scheme=http
    [[ $tls == tls ]] && scheme=https
    local i
    for ((i = 0; i < 50; i++)); do
        if curl -sk -o /dev/null "$scheme://127.0.0.1:$port/v2/"; then return 0; fi
        sleep 0.2
    done
    die "registry $name on port $port did not start: $(cat "$d/log")"
}

# start_server PYTHON_SCRIPT ARGS...: a helper server (fake registry); recorded like registries.
start_server() {
    python3 "$@" 3>&- &
    echo $! >>"$BATS_FILE_TMPDIR/servers"
}

stop_registries() {
    local pid
    [[ -f $BATS_FILE_TMPDIR/servers ]] || return 0
    while read -r pid; do
        kill "$pid" 2>/dev/null || true
    done <"$BATS_FILE_TMPDIR/servers"
    rm -f "$BATS_FILE_TMPDIR/servers"
}

# seed_registry REF: push the busybox fixture (podman's docker-archive) with skopeo to
# docker://REF over plain HTTP.
seed_registry() {
    local ref=$1
    skip_if_missing skopeo
    podman_fixture_archive docker-archive
    local out rc=0
    out=$(skopeo --insecure-policy copy --quiet --dest-tls-verify=false \
        "docker-archive:$FIXTURE_ARCHIVE" "docker://$ref" 2>&1 3>&-) || rc=$?
    ((rc == 0)) || die "skopeo copy to $ref failed: $out"
}

# layer digests of a registry image, one line, as skopeo sees them.
remote_layers() {
    skopeo inspect "${@:2}" "docker://$1" 2>/dev/null | jq -r '.Layers | join(" ")'
}
