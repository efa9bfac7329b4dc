# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_burrow_global_optspecs
    string join \n root= runroot= log-level= storage-driver= v/version h/help
end

function __fish_burrow_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_burrow_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_burrow_using_subcommand
    set -l cmd (__fish_burrow_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c burrow -n "__fish_burrow_needs_command" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_needs_command" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_needs_command" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_needs_command" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_needs_command" -s v -l version -d 'Print the version'
complete -c burrow -n "__fish_burrow_needs_command" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "image" -d 'Manage images'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "images" -d 'List images in local storage'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "import" -d 'Import a tarball to create a filesystem image'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "history" -d 'Show history of a specified image'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "inspect" -d 'Display the configuration of an object'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "load" -d 'Load image(s) from a tar archive'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "login" -d 'Log in to a container registry'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "logout" -d 'Log out of a container registry'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "pull" -d 'Pull an image from a registry'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "push" -d 'Push an image to a registry'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "rmi" -d 'Remove one or more images from local storage'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "save" -d 'Save image(s) to an archive'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "tag" -d 'Add an additional name to a local image'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "untag" -d 'Remove a name from a local image'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "info" -d 'Display burrow system information'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "version" -d 'Display the burrow version information'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "unshare" -d 'Run a command in a modified user namespace'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "system" -d 'Manage burrow'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "__gen-docs" -d 'Generate shell completions and man pages (used to keep completions/ and man/ current)'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "exists" -d 'Check if an image exists in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "history" -d 'Show history of a specified image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "import" -d 'Import a tarball to create a filesystem image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "inspect" -d 'Display the configuration of an image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "load" -d 'Load image(s) from a tar archive'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "ls" -d 'List images in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "prune" -d 'Remove unused images'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "pull" -d 'Pull an image from a registry'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "push" -d 'Push an image to a registry'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "list" -d 'List images in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "rm" -d 'Remove one or more images from local storage'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "save" -d 'Save image(s) to an archive'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "tag" -d 'Add an additional name to a local image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "tree" -d 'Print layer hierarchy of an image in a tree format'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "untag" -d 'Remove a name from a local image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from exists" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from exists" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -s H -l human -d 'Display sizes and dates in human readable format' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -l format -d 'Change the output to JSON or a Go template' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -l no-trunc -d 'Do not truncate the output'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Display the numeric IDs only'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -s c -l change -d 'Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -s m -l message -d 'Commit message stored in the image history' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -l arch -d 'Architecture of the image (default: the host\'s)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -l os -d 'Operating system of the image' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -l variant -d 'Architecture variant of the image' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the image id'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from inspect" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from load" -s i -l input -d 'Read the archive from this file instead of stdin' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from load" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from load" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from load" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Suppress progress output'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter output: reference=PATTERN, dangling=true|false, label=KEY[=VALUE], id=ID' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -l format -d 'Pretty-print with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all images (including intermediate images of builds)'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only image ids'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate image ids'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the header line'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -l digests -d 'Show digests'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from prune" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from prune" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all images not in use by containers, not just dangling ones'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not prompt for confirmation'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for authenticating to a registry' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'Specify the platform for selecting the image (OS/ARCH[/VARIANT])' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l arch -d 'Use ARCH instead of the architecture of the machine for choosing images' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l os -d 'Use OS instead of the running OS for choosing images' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l variant -d 'Use VARIANT instead of the running architecture variant for choosing images' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: true, or as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l authfile -d 'Path of the authentication file (default: ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l cert-dir -d 'Use certificates at the specified path to access the registry' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -s a -l all-tags -d 'Pull all tagged images in the repository'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Suppress output information when pulling images'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for authenticating to a registry' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -s f -l format -d 'Manifest type (oci or v2s2) to use in the destination' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l compression-format -d 'Compression format to use (gzip or zstd)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the digest of the pushed image to the specified file' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: true, or as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l authfile -d 'Path of the authentication file (default: ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l cert-dir -d 'Use certificates at the specified path to access the registry' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Suppress output information when pushing images'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter output: reference=PATTERN, dangling=true|false, label=KEY[=VALUE], id=ID' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -l format -d 'Pretty-print with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all images (including intermediate images of builds)'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only image ids'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate image ids'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print the header line'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -l digests -d 'Show digests'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all images'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove images by id even when they have several names; ignore unknown images'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Do not fail when an image does not exist'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -s o -l output -d 'Write to a specified file (default: stdout, which must be redirected)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -l format -d 'Save image to docker-archive, oci-archive (see containers-transports(5)), oci-dir or docker-dir' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -s m -l multi-image-archive -d 'Interpret additional arguments as images not tags and create a multi-image-archive'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Suppress the output'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -l compress -d 'Compress tarball image layers when saving to a directory (accepted; layers are kept as stored)'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -l uncompressed -d 'docker-archive: store layers uncompressed, byte for byte as podman does (default: layers as pulled, compressed)'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tag" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tag" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tag" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tree" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tree" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tree" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tree" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tree" -l whatrequires -d 'Show image ids of the images whose top layer each layer is (accepted; always shown)'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tree" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from untag" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from untag" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from untag" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from untag" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Check if an image exists in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "history" -d 'Show history of a specified image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import a tarball to create a filesystem image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Display the configuration of an image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "load" -d 'Load image(s) from a tar archive'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List images in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove unused images'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Pull an image from a registry'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "push" -d 'Push an image to a registry'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "list" -d 'List images in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove one or more images from local storage'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "save" -d 'Save image(s) to an archive'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "tag" -d 'Add an additional name to a local image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "tree" -d 'Print layer hierarchy of an image in a tree format'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "untag" -d 'Remove a name from a local image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand images" -s f -l filter -d 'Filter output: reference=PATTERN, dangling=true|false, label=KEY[=VALUE], id=ID' -r
complete -c burrow -n "__fish_burrow_using_subcommand images" -l format -d 'Pretty-print with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand images" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand images" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand images" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand images" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand images" -s a -l all -d 'Show all images (including intermediate images of builds)'
complete -c burrow -n "__fish_burrow_using_subcommand images" -s q -l quiet -d 'Print only image ids'
complete -c burrow -n "__fish_burrow_using_subcommand images" -l no-trunc -d 'Do not truncate image ids'
complete -c burrow -n "__fish_burrow_using_subcommand images" -s n -l noheading -d 'Do not print the header line'
complete -c burrow -n "__fish_burrow_using_subcommand images" -l digests -d 'Show digests'
complete -c burrow -n "__fish_burrow_using_subcommand images" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand import" -s c -l change -d 'Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)' -r
complete -c burrow -n "__fish_burrow_using_subcommand import" -s m -l message -d 'Commit message stored in the image history' -r
complete -c burrow -n "__fish_burrow_using_subcommand import" -l arch -d 'Architecture of the image (default: the host\'s)' -r
complete -c burrow -n "__fish_burrow_using_subcommand import" -l os -d 'Operating system of the image' -r
complete -c burrow -n "__fish_burrow_using_subcommand import" -l variant -d 'Architecture variant of the image' -r
complete -c burrow -n "__fish_burrow_using_subcommand import" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand import" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand import" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand import" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand import" -s q -l quiet -d 'Print only the image id'
complete -c burrow -n "__fish_burrow_using_subcommand import" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand history" -s H -l human -d 'Display sizes and dates in human readable format' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand history" -l format -d 'Change the output to JSON or a Go template' -r
complete -c burrow -n "__fish_burrow_using_subcommand history" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand history" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand history" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand history" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand history" -l no-trunc -d 'Do not truncate the output'
complete -c burrow -n "__fish_burrow_using_subcommand history" -s q -l quiet -d 'Display the numeric IDs only'
complete -c burrow -n "__fish_burrow_using_subcommand history" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -s f -l format -d 'Format the output with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -s t -l type -d 'Only look at objects of this type: image, or all' -r
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -s s -l size -d 'Show the size of containers (accepted for compatibility)'
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand load" -s i -l input -d 'Read the archive from this file instead of stdin' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand load" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand load" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand load" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand load" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand load" -s q -l quiet -d 'Suppress progress output'
complete -c burrow -n "__fish_burrow_using_subcommand load" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand login" -s u -l username -d 'Username for the registry' -r
complete -c burrow -n "__fish_burrow_using_subcommand login" -s p -l password -d 'Password for the registry' -r
complete -c burrow -n "__fish_burrow_using_subcommand login" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: true, or as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand login" -l authfile -d 'Path of the authentication file (default: ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand login" -l cert-dir -d 'Use certificates at the specified path to access the registry' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand login" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand login" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand login" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand login" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand login" -l password-stdin -d 'Take the password from stdin'
complete -c burrow -n "__fish_burrow_using_subcommand login" -l get-login -d 'Return the current login user for the registry'
complete -c burrow -n "__fish_burrow_using_subcommand login" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand logout" -l authfile -d 'Path of the authentication file' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand logout" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand logout" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand logout" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand logout" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand logout" -s a -l all -d 'Remove the cached credentials for all registries in the auth file'
complete -c burrow -n "__fish_burrow_using_subcommand logout" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for authenticating to a registry' -r
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l platform -d 'Specify the platform for selecting the image (OS/ARCH[/VARIANT])' -r
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l arch -d 'Use ARCH instead of the architecture of the machine for choosing images' -r
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l os -d 'Use OS instead of the running OS for choosing images' -r
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l variant -d 'Use VARIANT instead of the running architecture variant for choosing images' -r
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: true, or as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l authfile -d 'Path of the authentication file (default: ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l cert-dir -d 'Use certificates at the specified path to access the registry' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand pull" -s a -l all-tags -d 'Pull all tagged images in the repository'
complete -c burrow -n "__fish_burrow_using_subcommand pull" -s q -l quiet -d 'Suppress output information when pulling images'
complete -c burrow -n "__fish_burrow_using_subcommand pull" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand push" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for authenticating to a registry' -r
complete -c burrow -n "__fish_burrow_using_subcommand push" -s f -l format -d 'Manifest type (oci or v2s2) to use in the destination' -r
complete -c burrow -n "__fish_burrow_using_subcommand push" -l compression-format -d 'Compression format to use (gzip or zstd)' -r
complete -c burrow -n "__fish_burrow_using_subcommand push" -l digestfile -d 'Write the digest of the pushed image to the specified file' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand push" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: true, or as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand push" -l authfile -d 'Path of the authentication file (default: ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand push" -l cert-dir -d 'Use certificates at the specified path to access the registry' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand push" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand push" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand push" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand push" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand push" -s q -l quiet -d 'Suppress output information when pushing images'
complete -c burrow -n "__fish_burrow_using_subcommand push" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -s a -l all -d 'Remove all images'
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -s f -l force -d 'Remove images by id even when they have several names; ignore unknown images'
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -s i -l ignore -d 'Do not fail when an image does not exist'
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand save" -s o -l output -d 'Write to a specified file (default: stdout, which must be redirected)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand save" -l format -d 'Save image to docker-archive, oci-archive (see containers-transports(5)), oci-dir or docker-dir' -r
complete -c burrow -n "__fish_burrow_using_subcommand save" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand save" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand save" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand save" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand save" -s m -l multi-image-archive -d 'Interpret additional arguments as images not tags and create a multi-image-archive'
complete -c burrow -n "__fish_burrow_using_subcommand save" -s q -l quiet -d 'Suppress the output'
complete -c burrow -n "__fish_burrow_using_subcommand save" -l compress -d 'Compress tarball image layers when saving to a directory (accepted; layers are kept as stored)'
complete -c burrow -n "__fish_burrow_using_subcommand save" -l uncompressed -d 'docker-archive: store layers uncompressed, byte for byte as podman does (default: layers as pulled, compressed)'
complete -c burrow -n "__fish_burrow_using_subcommand save" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand tag" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand tag" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand tag" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand tag" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand tag" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand untag" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand untag" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand untag" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand untag" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand untag" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand info" -s f -l format -d 'Format the output with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand info" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand info" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand info" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand info" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand info" -s D -l debug -d 'Show additional information (accepted for compatibility)'
complete -c burrow -n "__fish_burrow_using_subcommand info" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand version" -s f -l format -d 'Format the output with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand version" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand version" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand version" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand version" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand version" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand unshare" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand unshare" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand unshare" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand unshare" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand unshare" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -f -a "info" -d 'Display burrow system information'
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -f -a "migrate" -d 'Restart the user namespace so that changed /etc/subuid and /etc/subgid ranges apply'
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from info" -s f -l format -d 'Format the output with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from info" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from info" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from info" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from info" -s D -l debug -d 'Show additional information (accepted for compatibility)'
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from migrate" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from migrate" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from migrate" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from migrate" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "info" -d 'Display burrow system information'
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Restart the user namespace so that changed /etc/subuid and /etc/subgid ranges apply'
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand __gen-docs" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand __gen-docs" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand __gen-docs" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand __gen-docs" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand __gen-docs" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "image" -d 'Manage images'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "images" -d 'List images in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "import" -d 'Import a tarball to create a filesystem image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "history" -d 'Show history of a specified image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "inspect" -d 'Display the configuration of an object'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "load" -d 'Load image(s) from a tar archive'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "login" -d 'Log in to a container registry'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "logout" -d 'Log out of a container registry'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "pull" -d 'Pull an image from a registry'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "push" -d 'Push an image to a registry'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "rmi" -d 'Remove one or more images from local storage'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "save" -d 'Save image(s) to an archive'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "tag" -d 'Add an additional name to a local image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "untag" -d 'Remove a name from a local image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "info" -d 'Display burrow system information'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "version" -d 'Display the burrow version information'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "unshare" -d 'Run a command in a modified user namespace'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "system" -d 'Manage burrow'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "__gen-docs" -d 'Generate shell completions and man pages (used to keep completions/ and man/ current)'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from image images import history inspect load login logout pull push rmi save tag untag info version unshare system __gen-docs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "exists" -d 'Check if an image exists in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "history" -d 'Show history of a specified image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "import" -d 'Import a tarball to create a filesystem image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "inspect" -d 'Display the configuration of an image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "load" -d 'Load image(s) from a tar archive'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "ls" -d 'List images in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "prune" -d 'Remove unused images'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "pull" -d 'Pull an image from a registry'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "push" -d 'Push an image to a registry'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "list" -d 'List images in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "rm" -d 'Remove one or more images from local storage'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "save" -d 'Save image(s) to an archive'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "tag" -d 'Add an additional name to a local image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "tree" -d 'Print layer hierarchy of an image in a tree format'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "untag" -d 'Remove a name from a local image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "info" -d 'Display burrow system information'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "migrate" -d 'Restart the user namespace so that changed /etc/subuid and /etc/subgid ranges apply'
