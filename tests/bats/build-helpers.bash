# Helpers shared by the build test files (issue 5).

# ctx_with TEXT: a new context dir whose Containerfile is TEXT.
ctx_with() {
    local d
    d=$(mktemp -d "$BURROW_TEST_TMPDIR/ctx.XXXXXX")
    printf '%s\n' "$1" > "$d/Containerfile"
    echo "$d"
}
