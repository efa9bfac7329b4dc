#!/usr/bin/env bats
#
# The basics every user meets first: version, help, errors for typos, info.
# Nothing here needs an image or a container.

load helpers

setup() {
    basic_setup
}

@test "burrow --version prints 'burrow version X.Y.Z'" {
    run_burrow --version
    is "$output" "burrow version [0-9]+\.[0-9]+\.[0-9]+[^[:space:]]*" "--version"
    local version=${output#burrow version }

    # podman accepts -v as well
    run_burrow -v
    is "$output" "burrow version $version" "-v"
}

@test "burrow version" {
    run_burrow --version
    local version=${output#burrow version }

    run_burrow version
    assert_line_matches "^Version: +${version//./\\.}\$" \
        "'burrow version' names the same version as --version"
}

@test "burrow --help lists the commands" {
    run_burrow --help
    assert "$output" =~ "Usage:" "--help shows usage"
    local verb
    for verb in images import load rmi tag inspect info version unshare; do
        assert_line_matches "^[[:space:]]+${verb}[[:space:]]" "--help lists '$verb'"
    done

    # `help` and a verb's --help work too
    run_burrow help
    assert_line_matches "^[[:space:]]+images[[:space:]]" "'burrow help' lists commands"
    run_burrow version --help
    assert "$output" =~ "Usage:" "'version --help' shows usage"
}

@test "an unknown command is an error, exit code 125" {
    local verb
    verb=$(unique_name nosuchverb)
    run_burrow 125 "$verb"
    # podman: Error: unrecognized command `podman foo`
    assert "${lines[0]}" == "Error: unrecognized command \`burrow $verb\`" "first line"
    assert "$output" =~ "burrow --help" "hint names --help"
}

@test "an unknown flag is an error, exit code 125" {
    run_burrow 125 --nosuchflag
    assert "${lines[0]}" == "Error: unknown flag: --nosuchflag" "global flag"

    run_burrow 125 version --nosuchflag
    assert "${lines[0]}" == "Error: unknown flag: --nosuchflag" "flag of a verb"

    run_burrow 125 info --nosuchflag
    assert "${lines[0]}" == "Error: unknown flag: --nosuchflag" "flag of another verb"
}

@test "burrow info" {
    run_burrow info
    # podman's keys, YAML by default
    local key
    for key in host: store: version: graphDriverName: graphRoot: runRoot: idMappings: rootless:; do
        assert_line_matches "^[[:space:]]*$key" "info shows '$key'"
    done
    if is_rootless; then
        assert "$output" =~ "newuidmap" "rootless info names newuidmap"
        assert "$output" =~ "rootless: true" "rootless info says so"
    fi

    run_burrow info --format '{{.Store.GraphDriverName}}'
    is "$output" "overlay|fuse-overlayfs|vfs" "info --format .Store.GraphDriverName"

    run_burrow info --format json
    assert "$output" =~ '"graphDriverName": *"' "info --format json"
}
