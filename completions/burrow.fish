# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_burrow_global_optspecs
    string join \n root= runroot= log-level= storage-driver= storage-opt= v/version h/help
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
complete -c burrow -n "__fish_burrow_needs_command" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_needs_command" -s v -l version -d 'Print the version'
complete -c burrow -n "__fish_burrow_needs_command" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "container" -d 'Manage containers'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "build" -d 'Build an image using instructions from Containerfiles'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "commit" -d 'Create new image based on the changed container'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "export" -d 'Export a container\'s filesystem contents as a tar archive'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "cp" -d 'Copy files between the host and a container'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "create" -d 'Create but do not start a container'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "attach" -d 'Attach to a running container'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "diff" -d 'Inspect changes to a container\'s filesystem'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "exec" -d 'Run a process in a running container'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "pause" -d 'Pause all processes in one or more containers'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "top" -d 'Display the running processes of a container'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "unpause" -d 'Unpause the processes in one or more containers'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "kill" -d 'Kill one or more running containers with a signal'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "logs" -d 'Fetch the logs of one or more containers'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "port" -d 'List port mappings of a container'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "ps" -d 'List containers'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "rename" -d 'Rename an existing container'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "restart" -d 'Restart one or more containers'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "rm" -d 'Remove one or more containers'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "run" -d 'Run a command in a new container'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "start" -d 'Start one or more containers'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "stop" -d 'Stop one or more containers'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "wait" -d 'Block on one or more containers until a condition is reached'
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
complete -c burrow -n "__fish_burrow_needs_command" -f -a "network" -d 'Manage networks'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "volume" -d 'Manage volumes'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "__gen-docs" -d 'Generate shell completions and man pages (used to keep completions/ and man/ current)'
complete -c burrow -n "__fish_burrow_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "attach" -d 'Attach to a running container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "commit" -d 'Create new image based on the changed container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "create" -d 'Create but do not start a container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "diff" -d 'Inspect changes to a container\'s filesystem'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "pause" -d 'Pause all processes in one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "top" -d 'Display the running processes of a container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "unpause" -d 'Unpause the processes in one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "exec" -d 'Run a process in a running container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "exists" -d 'Check if a container exists'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "inspect" -d 'Display the configuration of containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "kill" -d 'Kill one or more running containers with a signal'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "logs" -d 'Fetch the logs of one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "list" -d 'List containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "ls" -d 'List containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "ps" -d 'List containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "port" -d 'List port mappings of a container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "prune" -d 'Remove all stopped containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "rename" -d 'Rename an existing container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "restart" -d 'Restart one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "rm" -d 'Remove one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "run" -d 'Run a command in a new container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "start" -d 'Start one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "stop" -d 'Stop one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "wait" -d 'Block on one or more containers until a condition is reached'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "export" -d 'Export a container\'s filesystem contents as a tar archive'
complete -c burrow -n "__fish_burrow_using_subcommand container; and not __fish_seen_subcommand_from attach commit create diff pause top unpause exec exists inspect kill logs list ls ps port prune rename restart rm run start stop wait export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from attach" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from attach" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from attach" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from attach" -l detach-keys -d 'Key sequence for detaching' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from attach" -l sig-proxy -d 'Proxy received signals to the container (accepted)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from attach" -l no-stdin -d 'Do not attach stdin'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from commit" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from commit" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from commit" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from commit" -s c -l change -d 'Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from commit" -s m -l message -d 'Commit message stored in the image history' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from commit" -s a -l author -d 'Author of the image' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from commit" -s p -l pause -d 'Pause the container while committing (accepted; burrow reads the changes as they are)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from commit" -s f -l format -d 'Image format: oci or docker' -r -f -a "oci\t''
docker\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from commit" -s q -l quiet -d 'Print only the image id'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from commit" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-add -d 'Add Linux capabilities' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l cidfile -d 'Write the container id to this file' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l entrypoint -d 'Override the image\'s entrypoint (\'\' clears it; a JSON array is exec form)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -s e -l env -d 'Set an environment variable (KEY=VALUE, or KEY to copy it from this environment)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l env-file -d 'Read environment variables from a file' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -s h -l hostname -d 'Container host name' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -s l -l label -d 'Set metadata on the container (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l annotation -d 'Add an annotation (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -s m -l memory -d 'Memory limit (e.g. 512m, 1g)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l cpus -d 'Number of CPUs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l pids-limit -d 'Limit the number of processes (-1 = unlimited)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l name -d 'Name of the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l network -l net -d 'Network mode: pasta[:OPTS], slirp4netns[:OPTS], none, host, private, container:NAME, ns:PATH, or network names' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a container\'s port to the host: [IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l expose -d 'Expose a port or range of ports (for -P)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l add-host -d 'Add a custom host-to-IP mapping (HOST:IP)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l dns -d 'Set custom DNS servers' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-search -d 'Set custom DNS search domains' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-option -d 'Set custom DNS options' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l pull -d 'Pull policy: never, missing, always, newer' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only-tmpfs -d 'With --read-only, mount tmpfs on /dev, /dev/shm, /run, /tmp and /var/tmp' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l restart -d 'Restart policy: no, on-failure[:max_retries], always, unless-stopped' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined|PATH, mask=..., unmask=...' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-signal -d 'Signal to stop the container (default: the image\'s, else SIGTERM)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-timeout -d 'Seconds to wait before killing the container on stop' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -s u -l user -d 'Username or UID[:GID] to run as' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l ulimit -d 'Ulimit options (e.g. nofile=1024:2048)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -s v -l volume -d 'Bind mount a host path or mount a volume: [SRC:]DEST[:OPTS] (ro, rw, z, Z, U, O, rbind, bind, nocopy, propagation)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l mount -d 'Attach a filesystem mount: type=bind|volume|tmpfs,source=...,target=...[,OPTS]' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpfs -d 'Mount a tmpfs: DEST[:size=..,mode=..,OPTS]' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l userns -d 'User namespace: host (the default: your user namespace), keep-id[:uid=,gid=], nomap, auto[:size=]' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l uidmap -d 'Run in a new user namespace with this uid mapping: CONTAINER_UID:FROM_UID:AMOUNT (FROM_UID in your namespace, or @HOST_UID)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l gidmap -d 'Run in a new user namespace with this gid mapping: CONTAINER_GID:FROM_GID:AMOUNT' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l init -d 'Run an init inside the container that forwards signals and reaps processes'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -s i -l interactive -d 'Keep stdin open'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -s P -l publish-all -d 'Publish every exposed port to a random host port'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l no-hosts -d 'Do not create /etc/hosts for the container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l privileged -d 'Give extended privileges to the container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only -d 'Make the root filesystem read-only'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l replace -d 'Replace an existing container with the same name'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l rm -d 'Remove the container when it exits'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from create" -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from diff" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from diff" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from diff" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from diff" -l format -d 'Go template or json' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from pause" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from pause" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from pause" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from top" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from top" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from top" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from unpause" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from unpause" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -s e -l env -d 'Set environment variables' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -l env-file -d 'Read environment variables from a file' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -s u -l user -d 'Username or UID[:GID]' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -s w -l workdir -d 'Working directory' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -l detach-keys -d 'Detach keys (accepted)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -s d -l detach -d 'Run the command in the background'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -s i -l interactive -d 'Keep stdin open'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -l privileged -d 'Give the process all capabilities'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exists" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exists" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from inspect" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from inspect" -s t -l type -d 'Only look at objects of this type: container, image, or all' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from inspect" -s s -l size -d 'Show the size of containers (accepted for compatibility)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from kill" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from kill" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from kill" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from kill" -s s -l signal -d 'Signal to send' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from kill" -l cidfile -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from kill" -s a -l all -d 'Signal all running containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -l tail -d 'Output the last N lines (-1 = all)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -l since -d 'Show logs since this time (RFC 3339, unix time, or a duration like 10m)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -l until -d 'Show logs until this time' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow the log output'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Show timestamps'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -s n -l names -d 'Prefix each line with the container\'s name (several containers)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -s l -l latest -d 'Use the latest container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -s n -l last -d 'Show the last N containers' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter: name, id, status, ancestor, label, exited' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -l format -d 'Go template or json' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -l sort -d 'Sort by: created, id, image, names, runningfor, status' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all containers (default: running only)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only container ids'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -s l -l latest -d 'Show the latest container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate output'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -l noheading -d 'Do not print the header'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -s s -l size -d 'Show the size (accepted)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -s n -l last -d 'Show the last N containers' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: name, id, status, ancestor, label, exited' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -l format -d 'Go template or json' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by: created, id, image, names, runningfor, status' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all containers (default: running only)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only container ids'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Show the latest container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate output'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -s s -l size -d 'Show the size (accepted)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -s n -l last -d 'Show the last N containers' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Filter: name, id, status, ancestor, label, exited' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -l format -d 'Go template or json' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -l sort -d 'Sort by: created, id, image, names, runningfor, status' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -s a -l all -d 'Show all containers (default: running only)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Print only container ids'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -s l -l latest -d 'Show the latest container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Do not truncate output'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -l noheading -d 'Do not print the header'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -s s -l size -d 'Show the size (accepted)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from port" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from port" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from port" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from port" -s a -l all -d 'Show the port mappings of every container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from port" -s l -l latest -d 'Act on the latest container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from prune" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from prune" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rename" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rename" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rename" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from restart" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from restart" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from restart" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from restart" -s t -l time -d 'Seconds to wait before killing the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from restart" -l cidfile -d 'Read container ids from these files' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from restart" -s a -l all -d 'Stop all running containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from restart" -s i -l ignore -d 'Ignore unknown containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rm" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rm" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for a stop before killing (with --force)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rm" -l cidfile -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rm" -s f -l force -d 'Kill running containers first'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Ignore unknown containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rm" -s v -l volumes -d 'Remove anonymous volumes too (accepted; volumes arrive later)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l sig-proxy -d 'Proxy received signals to the container (foreground only)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l detach-keys -d 'Key sequence for detaching a container (with -i; "" disables it)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-add -d 'Add Linux capabilities' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l cidfile -d 'Write the container id to this file' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l entrypoint -d 'Override the image\'s entrypoint (\'\' clears it; a JSON array is exec form)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -s e -l env -d 'Set an environment variable (KEY=VALUE, or KEY to copy it from this environment)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l env-file -d 'Read environment variables from a file' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -s h -l hostname -d 'Container host name' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -s l -l label -d 'Set metadata on the container (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l annotation -d 'Add an annotation (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -s m -l memory -d 'Memory limit (e.g. 512m, 1g)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l cpus -d 'Number of CPUs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l pids-limit -d 'Limit the number of processes (-1 = unlimited)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l name -d 'Name of the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l network -l net -d 'Network mode: pasta[:OPTS], slirp4netns[:OPTS], none, host, private, container:NAME, ns:PATH, or network names' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -s p -l publish -d 'Publish a container\'s port to the host: [IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l expose -d 'Expose a port or range of ports (for -P)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l add-host -d 'Add a custom host-to-IP mapping (HOST:IP)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l dns -d 'Set custom DNS servers' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-search -d 'Set custom DNS search domains' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-option -d 'Set custom DNS options' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l pull -d 'Pull policy: never, missing, always, newer' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only-tmpfs -d 'With --read-only, mount tmpfs on /dev, /dev/shm, /run, /tmp and /var/tmp' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l restart -d 'Restart policy: no, on-failure[:max_retries], always, unless-stopped' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined|PATH, mask=..., unmask=...' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-signal -d 'Signal to stop the container (default: the image\'s, else SIGTERM)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-timeout -d 'Seconds to wait before killing the container on stop' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -s u -l user -d 'Username or UID[:GID] to run as' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l ulimit -d 'Ulimit options (e.g. nofile=1024:2048)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -s v -l volume -d 'Bind mount a host path or mount a volume: [SRC:]DEST[:OPTS] (ro, rw, z, Z, U, O, rbind, bind, nocopy, propagation)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l mount -d 'Attach a filesystem mount: type=bind|volume|tmpfs,source=...,target=...[,OPTS]' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpfs -d 'Mount a tmpfs: DEST[:size=..,mode=..,OPTS]' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l userns -d 'User namespace: host (the default: your user namespace), keep-id[:uid=,gid=], nomap, auto[:size=]' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l uidmap -d 'Run in a new user namespace with this uid mapping: CONTAINER_UID:FROM_UID:AMOUNT (FROM_UID in your namespace, or @HOST_UID)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l gidmap -d 'Run in a new user namespace with this gid mapping: CONTAINER_GID:FROM_GID:AMOUNT' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -s d -l detach -d 'Run the container in the background and print its id'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l init -d 'Run an init inside the container that forwards signals and reaps processes'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -s i -l interactive -d 'Keep stdin open'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -s P -l publish-all -d 'Publish every exposed port to a random host port'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l no-hosts -d 'Do not create /etc/hosts for the container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l privileged -d 'Give extended privileges to the container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only -d 'Make the root filesystem read-only'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l replace -d 'Replace an existing container with the same name'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -l rm -d 'Remove the container when it exits'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from run" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from start" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from start" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from start" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from start" -l sig-proxy -d 'Proxy signals to the container (with --attach)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from start" -l detach-keys -d 'Key sequence for detaching a container (with --attach and -i; "" disables it)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from start" -s a -l attach -d 'Attach to the container\'s output (and wait for it to exit)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from start" -s i -l interactive -d 'Keep stdin open (with --attach)'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from stop" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from stop" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from stop" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds to wait before killing the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from stop" -l cidfile -d 'Read container ids from these files' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from stop" -s a -l all -d 'Stop all running containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Ignore unknown containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from wait" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from wait" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from wait" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from wait" -l condition -d 'Condition to wait for: running, exited, stopped, paused, created, ... (several allowed)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from wait" -s i -l interval -d 'Time between checks, e.g. 250ms' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from wait" -l ignore -d 'Ignore unknown containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from export" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from export" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from export" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file instead of stdout' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "attach" -d 'Attach to a running container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "commit" -d 'Create new image based on the changed container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create but do not start a container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Inspect changes to a container\'s filesystem'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause all processes in one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "top" -d 'Display the running processes of a container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "unpause" -d 'Unpause the processes in one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "exec" -d 'Run a process in a running container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Check if a container exists'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Display the configuration of containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "kill" -d 'Kill one or more running containers with a signal'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Fetch the logs of one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "list" -d 'List containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "port" -d 'List port mappings of a container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove all stopped containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename an existing container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Restart one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a command in a new container'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Block on one or more containers until a condition is reached'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export a container\'s filesystem contents as a tar archive'
complete -c burrow -n "__fish_burrow_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand build" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand build" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand build" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand build" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand build" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand build" -s f -l file -d 'Containerfile to use (default: Containerfile, else Dockerfile, in the context)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand build" -s t -l tag -d 'Name (and tag) for the image; may be given more than once' -r
complete -c burrow -n "__fish_burrow_using_subcommand build" -l build-arg -d 'Value of an ARG: NAME=VALUE, or NAME to take it from the environment' -r
complete -c burrow -n "__fish_burrow_using_subcommand build" -l build-arg-file -d 'File of NAME=VALUE lines, as --build-arg' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand build" -l target -d 'Build this stage (by name) and the stages it needs, and stop' -r
complete -c burrow -n "__fish_burrow_using_subcommand build" -l iidfile -d 'Write the image id to this file' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand build" -l label -d 'Set a label on the image (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand build" -l annotation -d 'Add an OCI manifest annotation to the image (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand build" -l network -d 'Network mode for RUN steps: host or none' -r
complete -c burrow -n "__fish_burrow_using_subcommand build" -l pull -d 'Pull policy for base images: always, missing, never, newer (`--pull` alone: always)' -r
complete -c burrow -n "__fish_burrow_using_subcommand build" -l layers -d 'Keep every step as a cached intermediate image (false: commit only the final image, the build\'s steps squashed into one layer)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand build" -l format -d 'Image format: oci or docker' -r -f -a "oci\t''
docker\t''"
complete -c burrow -n "__fish_burrow_using_subcommand build" -l platform -d 'Target platform OS/ARCH[/VARIANT] (only the host\'s can be built)' -r
complete -c burrow -n "__fish_burrow_using_subcommand build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=FILE or id=ID,env=VARIABLE' -r
complete -c burrow -n "__fish_burrow_using_subcommand build" -l no-cache -d 'Do not use cached layers'
complete -c burrow -n "__fish_burrow_using_subcommand build" -s q -l quiet -d 'Print only the image id'
complete -c burrow -n "__fish_burrow_using_subcommand build" -l squash -d 'Squash the layers the build adds into one (the base image\'s layers stay); implies --layers=false'
complete -c burrow -n "__fish_burrow_using_subcommand build" -l squash-all -d 'Squash all the image\'s layers, the base image\'s too, into one; implies --layers=false'
complete -c burrow -n "__fish_burrow_using_subcommand build" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand commit" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand commit" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand commit" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand commit" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand commit" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand commit" -s c -l change -d 'Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)' -r
complete -c burrow -n "__fish_burrow_using_subcommand commit" -s m -l message -d 'Commit message stored in the image history' -r
complete -c burrow -n "__fish_burrow_using_subcommand commit" -s a -l author -d 'Author of the image' -r
complete -c burrow -n "__fish_burrow_using_subcommand commit" -s p -l pause -d 'Pause the container while committing (accepted; burrow reads the changes as they are)' -r
complete -c burrow -n "__fish_burrow_using_subcommand commit" -s f -l format -d 'Image format: oci or docker' -r -f -a "oci\t''
docker\t''"
complete -c burrow -n "__fish_burrow_using_subcommand commit" -s q -l quiet -d 'Print only the image id'
complete -c burrow -n "__fish_burrow_using_subcommand commit" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand export" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand export" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand export" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand export" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand export" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand export" -s o -l output -d 'Write to this file instead of stdout' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand export" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand cp" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand cp" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand cp" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand cp" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand cp" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand cp" -s a -l archive -d 'Keep the source\'s uid and gid (default: the copies belong to the destination\'s root)'
complete -c burrow -n "__fish_burrow_using_subcommand cp" -l overwrite -d 'Allow to overwrite directories with non-directories and vice versa'
complete -c burrow -n "__fish_burrow_using_subcommand cp" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand create" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand create" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand create" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand create" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l cap-add -d 'Add Linux capabilities' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l cidfile -d 'Write the container id to this file' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l entrypoint -d 'Override the image\'s entrypoint (\'\' clears it; a JSON array is exec form)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -s e -l env -d 'Set an environment variable (KEY=VALUE, or KEY to copy it from this environment)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l env-file -d 'Read environment variables from a file' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -s h -l hostname -d 'Container host name' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -s l -l label -d 'Set metadata on the container (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l annotation -d 'Add an annotation (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -s m -l memory -d 'Memory limit (e.g. 512m, 1g)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l cpus -d 'Number of CPUs' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l pids-limit -d 'Limit the number of processes (-1 = unlimited)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l name -d 'Name of the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l network -l net -d 'Network mode: pasta[:OPTS], slirp4netns[:OPTS], none, host, private, container:NAME, ns:PATH, or network names' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -s p -l publish -d 'Publish a container\'s port to the host: [IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l expose -d 'Expose a port or range of ports (for -P)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l add-host -d 'Add a custom host-to-IP mapping (HOST:IP)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l dns -d 'Set custom DNS servers' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l dns-search -d 'Set custom DNS search domains' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l dns-option -d 'Set custom DNS options' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l pull -d 'Pull policy: never, missing, always, newer' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l read-only-tmpfs -d 'With --read-only, mount tmpfs on /dev, /dev/shm, /run, /tmp and /var/tmp' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand create" -l restart -d 'Restart policy: no, on-failure[:max_retries], always, unless-stopped' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined|PATH, mask=..., unmask=...' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l stop-signal -d 'Signal to stop the container (default: the image\'s, else SIGTERM)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l stop-timeout -d 'Seconds to wait before killing the container on stop' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -s u -l user -d 'Username or UID[:GID] to run as' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l ulimit -d 'Ulimit options (e.g. nofile=1024:2048)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -s v -l volume -d 'Bind mount a host path or mount a volume: [SRC:]DEST[:OPTS] (ro, rw, z, Z, U, O, rbind, bind, nocopy, propagation)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l mount -d 'Attach a filesystem mount: type=bind|volume|tmpfs,source=...,target=...[,OPTS]' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l tmpfs -d 'Mount a tmpfs: DEST[:size=..,mode=..,OPTS]' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l userns -d 'User namespace: host (the default: your user namespace), keep-id[:uid=,gid=], nomap, auto[:size=]' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l uidmap -d 'Run in a new user namespace with this uid mapping: CONTAINER_UID:FROM_UID:AMOUNT (FROM_UID in your namespace, or @HOST_UID)' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l gidmap -d 'Run in a new user namespace with this gid mapping: CONTAINER_GID:FROM_GID:AMOUNT' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand create" -l init -d 'Run an init inside the container that forwards signals and reaps processes'
complete -c burrow -n "__fish_burrow_using_subcommand create" -s i -l interactive -d 'Keep stdin open'
complete -c burrow -n "__fish_burrow_using_subcommand create" -s P -l publish-all -d 'Publish every exposed port to a random host port'
complete -c burrow -n "__fish_burrow_using_subcommand create" -l no-hosts -d 'Do not create /etc/hosts for the container'
complete -c burrow -n "__fish_burrow_using_subcommand create" -l privileged -d 'Give extended privileges to the container'
complete -c burrow -n "__fish_burrow_using_subcommand create" -l read-only -d 'Make the root filesystem read-only'
complete -c burrow -n "__fish_burrow_using_subcommand create" -l replace -d 'Replace an existing container with the same name'
complete -c burrow -n "__fish_burrow_using_subcommand create" -l rm -d 'Remove the container when it exits'
complete -c burrow -n "__fish_burrow_using_subcommand create" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c burrow -n "__fish_burrow_using_subcommand create" -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand attach" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand attach" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand attach" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand attach" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand attach" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand attach" -l detach-keys -d 'Key sequence for detaching' -r
complete -c burrow -n "__fish_burrow_using_subcommand attach" -l sig-proxy -d 'Proxy received signals to the container (accepted)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand attach" -l no-stdin -d 'Do not attach stdin'
complete -c burrow -n "__fish_burrow_using_subcommand attach" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand diff" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand diff" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand diff" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand diff" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand diff" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand diff" -l format -d 'Go template or json' -r
complete -c burrow -n "__fish_burrow_using_subcommand diff" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand exec" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand exec" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand exec" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand exec" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand exec" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand exec" -s e -l env -d 'Set environment variables' -r
complete -c burrow -n "__fish_burrow_using_subcommand exec" -l env-file -d 'Read environment variables from a file' -r
complete -c burrow -n "__fish_burrow_using_subcommand exec" -s u -l user -d 'Username or UID[:GID]' -r
complete -c burrow -n "__fish_burrow_using_subcommand exec" -s w -l workdir -d 'Working directory' -r
complete -c burrow -n "__fish_burrow_using_subcommand exec" -l detach-keys -d 'Detach keys (accepted)' -r
complete -c burrow -n "__fish_burrow_using_subcommand exec" -s d -l detach -d 'Run the command in the background'
complete -c burrow -n "__fish_burrow_using_subcommand exec" -s i -l interactive -d 'Keep stdin open'
complete -c burrow -n "__fish_burrow_using_subcommand exec" -l privileged -d 'Give the process all capabilities'
complete -c burrow -n "__fish_burrow_using_subcommand exec" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c burrow -n "__fish_burrow_using_subcommand exec" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand pause" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand pause" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand pause" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand pause" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand pause" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand pause" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand top" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand top" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand top" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand top" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand top" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand top" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand unpause" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand unpause" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand unpause" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand unpause" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand unpause" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand unpause" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand kill" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand kill" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand kill" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand kill" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand kill" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand kill" -s s -l signal -d 'Signal to send' -r
complete -c burrow -n "__fish_burrow_using_subcommand kill" -l cidfile -r
complete -c burrow -n "__fish_burrow_using_subcommand kill" -s a -l all -d 'Signal all running containers'
complete -c burrow -n "__fish_burrow_using_subcommand kill" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand logs" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand logs" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand logs" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand logs" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand logs" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand logs" -l tail -d 'Output the last N lines (-1 = all)' -r
complete -c burrow -n "__fish_burrow_using_subcommand logs" -l since -d 'Show logs since this time (RFC 3339, unix time, or a duration like 10m)' -r
complete -c burrow -n "__fish_burrow_using_subcommand logs" -l until -d 'Show logs until this time' -r
complete -c burrow -n "__fish_burrow_using_subcommand logs" -s f -l follow -d 'Follow the log output'
complete -c burrow -n "__fish_burrow_using_subcommand logs" -s t -l timestamps -d 'Show timestamps'
complete -c burrow -n "__fish_burrow_using_subcommand logs" -s n -l names -d 'Prefix each line with the container\'s name (several containers)'
complete -c burrow -n "__fish_burrow_using_subcommand logs" -s l -l latest -d 'Use the latest container'
complete -c burrow -n "__fish_burrow_using_subcommand logs" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand port" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand port" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand port" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand port" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand port" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand port" -s a -l all -d 'Show the port mappings of every container'
complete -c burrow -n "__fish_burrow_using_subcommand port" -s l -l latest -d 'Act on the latest container'
complete -c burrow -n "__fish_burrow_using_subcommand port" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand ps" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand ps" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand ps" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand ps" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand ps" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand ps" -s n -l last -d 'Show the last N containers' -r
complete -c burrow -n "__fish_burrow_using_subcommand ps" -s f -l filter -d 'Filter: name, id, status, ancestor, label, exited' -r
complete -c burrow -n "__fish_burrow_using_subcommand ps" -l format -d 'Go template or json' -r
complete -c burrow -n "__fish_burrow_using_subcommand ps" -l sort -d 'Sort by: created, id, image, names, runningfor, status' -r
complete -c burrow -n "__fish_burrow_using_subcommand ps" -s a -l all -d 'Show all containers (default: running only)'
complete -c burrow -n "__fish_burrow_using_subcommand ps" -s q -l quiet -d 'Print only container ids'
complete -c burrow -n "__fish_burrow_using_subcommand ps" -s l -l latest -d 'Show the latest container'
complete -c burrow -n "__fish_burrow_using_subcommand ps" -l no-trunc -d 'Do not truncate output'
complete -c burrow -n "__fish_burrow_using_subcommand ps" -l noheading -d 'Do not print the header'
complete -c burrow -n "__fish_burrow_using_subcommand ps" -s s -l size -d 'Show the size (accepted)'
complete -c burrow -n "__fish_burrow_using_subcommand ps" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand rename" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand rename" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand rename" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand rename" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand rename" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand rename" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand restart" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand restart" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand restart" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand restart" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand restart" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand restart" -s t -l time -d 'Seconds to wait before killing the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand restart" -l cidfile -d 'Read container ids from these files' -r
complete -c burrow -n "__fish_burrow_using_subcommand restart" -s a -l all -d 'Stop all running containers'
complete -c burrow -n "__fish_burrow_using_subcommand restart" -s i -l ignore -d 'Ignore unknown containers'
complete -c burrow -n "__fish_burrow_using_subcommand restart" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand rm" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand rm" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand rm" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand rm" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand rm" -s t -l time -d 'Seconds to wait for a stop before killing (with --force)' -r
complete -c burrow -n "__fish_burrow_using_subcommand rm" -l cidfile -r
complete -c burrow -n "__fish_burrow_using_subcommand rm" -s f -l force -d 'Kill running containers first'
complete -c burrow -n "__fish_burrow_using_subcommand rm" -s a -l all -d 'Remove all containers'
complete -c burrow -n "__fish_burrow_using_subcommand rm" -s i -l ignore -d 'Ignore unknown containers'
complete -c burrow -n "__fish_burrow_using_subcommand rm" -s v -l volumes -d 'Remove anonymous volumes too (accepted; volumes arrive later)'
complete -c burrow -n "__fish_burrow_using_subcommand rm" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand run" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand run" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand run" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand run" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l sig-proxy -d 'Proxy received signals to the container (foreground only)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand run" -l detach-keys -d 'Key sequence for detaching a container (with -i; "" disables it)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l cap-add -d 'Add Linux capabilities' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l cap-drop -d 'Drop Linux capabilities' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l cidfile -d 'Write the container id to this file' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l entrypoint -d 'Override the image\'s entrypoint (\'\' clears it; a JSON array is exec form)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -s e -l env -d 'Set an environment variable (KEY=VALUE, or KEY to copy it from this environment)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l env-file -d 'Read environment variables from a file' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -s h -l hostname -d 'Container host name' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -s l -l label -d 'Set metadata on the container (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l annotation -d 'Add an annotation (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -s m -l memory -d 'Memory limit (e.g. 512m, 1g)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l cpus -d 'Number of CPUs' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l pids-limit -d 'Limit the number of processes (-1 = unlimited)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l name -d 'Name of the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l network -l net -d 'Network mode: pasta[:OPTS], slirp4netns[:OPTS], none, host, private, container:NAME, ns:PATH, or network names' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -s p -l publish -d 'Publish a container\'s port to the host: [IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l expose -d 'Expose a port or range of ports (for -P)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l add-host -d 'Add a custom host-to-IP mapping (HOST:IP)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l dns -d 'Set custom DNS servers' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l dns-search -d 'Set custom DNS search domains' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l dns-option -d 'Set custom DNS options' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l pull -d 'Pull policy: never, missing, always, newer' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l read-only-tmpfs -d 'With --read-only, mount tmpfs on /dev, /dev/shm, /run, /tmp and /var/tmp' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand run" -l restart -d 'Restart policy: no, on-failure[:max_retries], always, unless-stopped' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined|PATH, mask=..., unmask=...' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l stop-signal -d 'Signal to stop the container (default: the image\'s, else SIGTERM)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l stop-timeout -d 'Seconds to wait before killing the container on stop' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -s u -l user -d 'Username or UID[:GID] to run as' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l ulimit -d 'Ulimit options (e.g. nofile=1024:2048)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -s v -l volume -d 'Bind mount a host path or mount a volume: [SRC:]DEST[:OPTS] (ro, rw, z, Z, U, O, rbind, bind, nocopy, propagation)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l mount -d 'Attach a filesystem mount: type=bind|volume|tmpfs,source=...,target=...[,OPTS]' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l tmpfs -d 'Mount a tmpfs: DEST[:size=..,mode=..,OPTS]' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l userns -d 'User namespace: host (the default: your user namespace), keep-id[:uid=,gid=], nomap, auto[:size=]' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l uidmap -d 'Run in a new user namespace with this uid mapping: CONTAINER_UID:FROM_UID:AMOUNT (FROM_UID in your namespace, or @HOST_UID)' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l gidmap -d 'Run in a new user namespace with this gid mapping: CONTAINER_GID:FROM_GID:AMOUNT' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand run" -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand run" -s d -l detach -d 'Run the container in the background and print its id'
complete -c burrow -n "__fish_burrow_using_subcommand run" -l init -d 'Run an init inside the container that forwards signals and reaps processes'
complete -c burrow -n "__fish_burrow_using_subcommand run" -s i -l interactive -d 'Keep stdin open'
complete -c burrow -n "__fish_burrow_using_subcommand run" -s P -l publish-all -d 'Publish every exposed port to a random host port'
complete -c burrow -n "__fish_burrow_using_subcommand run" -l no-hosts -d 'Do not create /etc/hosts for the container'
complete -c burrow -n "__fish_burrow_using_subcommand run" -l privileged -d 'Give extended privileges to the container'
complete -c burrow -n "__fish_burrow_using_subcommand run" -l read-only -d 'Make the root filesystem read-only'
complete -c burrow -n "__fish_burrow_using_subcommand run" -l replace -d 'Replace an existing container with the same name'
complete -c burrow -n "__fish_burrow_using_subcommand run" -l rm -d 'Remove the container when it exits'
complete -c burrow -n "__fish_burrow_using_subcommand run" -s t -l tty -d 'Allocate a pseudo-TTY'
complete -c burrow -n "__fish_burrow_using_subcommand start" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand start" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand start" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand start" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand start" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand start" -l sig-proxy -d 'Proxy signals to the container (with --attach)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand start" -l detach-keys -d 'Key sequence for detaching a container (with --attach and -i; "" disables it)' -r
complete -c burrow -n "__fish_burrow_using_subcommand start" -s a -l attach -d 'Attach to the container\'s output (and wait for it to exit)'
complete -c burrow -n "__fish_burrow_using_subcommand start" -s i -l interactive -d 'Keep stdin open (with --attach)'
complete -c burrow -n "__fish_burrow_using_subcommand start" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand stop" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand stop" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand stop" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand stop" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand stop" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand stop" -s t -l time -d 'Seconds to wait before killing the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand stop" -l cidfile -d 'Read container ids from these files' -r
complete -c burrow -n "__fish_burrow_using_subcommand stop" -s a -l all -d 'Stop all running containers'
complete -c burrow -n "__fish_burrow_using_subcommand stop" -s i -l ignore -d 'Ignore unknown containers'
complete -c burrow -n "__fish_burrow_using_subcommand stop" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand wait" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand wait" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand wait" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand wait" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand wait" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand wait" -l condition -d 'Condition to wait for: running, exited, stopped, paused, created, ... (several allowed)' -r
complete -c burrow -n "__fish_burrow_using_subcommand wait" -s i -l interval -d 'Time between checks, e.g. 250ms' -r
complete -c burrow -n "__fish_burrow_using_subcommand wait" -l ignore -d 'Ignore unknown containers'
complete -c burrow -n "__fish_burrow_using_subcommand wait" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "build" -d 'Build an image using instructions from Containerfiles'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "exists" -d 'Check if an image exists in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "history" -d 'Show history of a specified image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "import" -d 'Import a tarball to create a filesystem image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "inspect" -d 'Display the configuration of an image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "load" -d 'Load image(s) from a tar archive'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "ls" -d 'List images in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "prune" -d 'Remove unused images'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "pull" -d 'Pull an image from a registry'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "push" -d 'Push an image to a registry'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "list" -d 'List images in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "rm" -d 'Remove one or more images from local storage'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "save" -d 'Save image(s) to an archive'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "tag" -d 'Add an additional name to a local image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "tree" -d 'Print layer hierarchy of an image in a tree format'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "untag" -d 'Remove a name from a local image'
complete -c burrow -n "__fish_burrow_using_subcommand image; and not __fish_seen_subcommand_from build exists history import inspect load ls prune pull push list rm save tag tree untag help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -s f -l file -d 'Containerfile to use (default: Containerfile, else Dockerfile, in the context)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name (and tag) for the image; may be given more than once' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg -d 'Value of an ARG: NAME=VALUE, or NAME to take it from the environment' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg-file -d 'File of NAME=VALUE lines, as --build-arg' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l target -d 'Build this stage (by name) and the stages it needs, and stop' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image id to this file' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l label -d 'Set a label on the image (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l annotation -d 'Add an OCI manifest annotation to the image (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l network -d 'Network mode for RUN steps: host or none' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l pull -d 'Pull policy for base images: always, missing, never, newer (`--pull` alone: always)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l layers -d 'Keep every step as a cached intermediate image (false: commit only the final image, the build\'s steps squashed into one layer)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l format -d 'Image format: oci or docker' -r -f -a "oci\t''
docker\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l platform -d 'Target platform OS/ARCH[/VARIANT] (only the host\'s can be built)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=FILE or id=ID,env=VARIABLE' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use cached layers'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image id'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l squash -d 'Squash the layers the build adds into one (the base image\'s layers stay); implies --layers=false'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -l squash-all -d 'Squash all the image\'s layers, the base image\'s too, into one; implies --layers=false'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -s H -l human -d 'Display sizes and dates in human readable format' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -l format -d 'Change the output to JSON or a Go template' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -l no-trunc -d 'Do not truncate the output'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Display the numeric IDs only'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -s c -l change -d 'Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -s m -l message -d 'Commit message stored in the image history' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -l arch -d 'Architecture of the image (default: the host\'s)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -l os -d 'Operating system of the image' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -l variant -d 'Architecture variant of the image' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the image id'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from load" -s i -l input -d 'Read the archive from this file instead of stdin' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Suppress progress output'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter output: reference=PATTERN, dangling=true|false, label=KEY[=VALUE], id=ID' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from ls" -l format -d 'Pretty-print with a Go template, or `json`' -r
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all images not in use by containers, not just dangling ones'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not prompt for confirmation'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for authenticating to a registry' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'Specify the platform for selecting the image (OS/ARCH[/VARIANT])' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l arch -d 'Use ARCH instead of the architecture of the machine for choosing images' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l os -d 'Use OS instead of the running OS for choosing images' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l variant -d 'Use VARIANT instead of the running architecture variant for choosing images' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: true, or as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l authfile -d 'Path of the authentication file (default: ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -l cert-dir -d 'Use certificates at the specified path to access the registry' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -s a -l all-tags -d 'Pull all tagged images in the repository'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Suppress output information when pulling images'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for authenticating to a registry' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -s f -l format -d 'Manifest type (oci or v2s2) to use in the destination' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l compression-format -d 'Compression format to use (gzip or zstd)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the digest of the pushed image to the specified file' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: true, or as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l authfile -d 'Path of the authentication file (default: ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -l cert-dir -d 'Use certificates at the specified path to access the registry' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Suppress output information when pushing images'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter output: reference=PATTERN, dangling=true|false, label=KEY[=VALUE], id=ID' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from list" -l format -d 'Pretty-print with a Go template, or `json`' -r
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all images'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove images by id even when they have several names; ignore unknown images'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Do not fail when an image does not exist'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -s o -l output -d 'Write to a specified file (default: stdout, which must be redirected)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from save" -l format -d 'Save image to docker-archive, oci-archive (see containers-transports(5)), oci-dir or docker-dir' -r
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from tree" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
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
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from untag" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "build" -d 'Build an image using instructions from Containerfiles'
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
complete -c burrow -n "__fish_burrow_using_subcommand images" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand images" -s f -l filter -d 'Filter output: reference=PATTERN, dangling=true|false, label=KEY[=VALUE], id=ID' -r
complete -c burrow -n "__fish_burrow_using_subcommand images" -l format -d 'Pretty-print with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand images" -s a -l all -d 'Show all images (including intermediate images of builds)'
complete -c burrow -n "__fish_burrow_using_subcommand images" -s q -l quiet -d 'Print only image ids'
complete -c burrow -n "__fish_burrow_using_subcommand images" -l no-trunc -d 'Do not truncate image ids'
complete -c burrow -n "__fish_burrow_using_subcommand images" -s n -l noheading -d 'Do not print the header line'
complete -c burrow -n "__fish_burrow_using_subcommand images" -l digests -d 'Show digests'
complete -c burrow -n "__fish_burrow_using_subcommand images" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand import" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand import" -s c -l change -d 'Apply a Dockerfile instruction to the image config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR)' -r
complete -c burrow -n "__fish_burrow_using_subcommand import" -s m -l message -d 'Commit message stored in the image history' -r
complete -c burrow -n "__fish_burrow_using_subcommand import" -l arch -d 'Architecture of the image (default: the host\'s)' -r
complete -c burrow -n "__fish_burrow_using_subcommand import" -l os -d 'Operating system of the image' -r
complete -c burrow -n "__fish_burrow_using_subcommand import" -l variant -d 'Architecture variant of the image' -r
complete -c burrow -n "__fish_burrow_using_subcommand import" -s q -l quiet -d 'Print only the image id'
complete -c burrow -n "__fish_burrow_using_subcommand import" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand history" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand history" -s H -l human -d 'Display sizes and dates in human readable format' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand history" -l format -d 'Change the output to JSON or a Go template' -r
complete -c burrow -n "__fish_burrow_using_subcommand history" -l no-trunc -d 'Do not truncate the output'
complete -c burrow -n "__fish_burrow_using_subcommand history" -s q -l quiet -d 'Display the numeric IDs only'
complete -c burrow -n "__fish_burrow_using_subcommand history" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -s f -l format -d 'Format the output with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -s t -l type -d 'Only look at objects of this type: container, image, or all' -r
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -s s -l size -d 'Show the size of containers (accepted for compatibility)'
complete -c burrow -n "__fish_burrow_using_subcommand inspect" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand load" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand load" -s i -l input -d 'Read the archive from this file instead of stdin' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand load" -s q -l quiet -d 'Suppress progress output'
complete -c burrow -n "__fish_burrow_using_subcommand load" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand login" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand login" -s u -l username -d 'Username for the registry' -r
complete -c burrow -n "__fish_burrow_using_subcommand login" -s p -l password -d 'Password for the registry' -r
complete -c burrow -n "__fish_burrow_using_subcommand login" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: true, or as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand login" -l authfile -d 'Path of the authentication file (default: ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand login" -l cert-dir -d 'Use certificates at the specified path to access the registry' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand login" -l password-stdin -d 'Take the password from stdin'
complete -c burrow -n "__fish_burrow_using_subcommand login" -l get-login -d 'Return the current login user for the registry'
complete -c burrow -n "__fish_burrow_using_subcommand login" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand logout" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand logout" -l authfile -d 'Path of the authentication file' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand logout" -s a -l all -d 'Remove the cached credentials for all registries in the auth file'
complete -c burrow -n "__fish_burrow_using_subcommand logout" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for authenticating to a registry' -r
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l platform -d 'Specify the platform for selecting the image (OS/ARCH[/VARIANT])' -r
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l arch -d 'Use ARCH instead of the architecture of the machine for choosing images' -r
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l os -d 'Use OS instead of the running OS for choosing images' -r
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l variant -d 'Use VARIANT instead of the running architecture variant for choosing images' -r
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: true, or as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l authfile -d 'Path of the authentication file (default: ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand pull" -l cert-dir -d 'Use certificates at the specified path to access the registry' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand pull" -s a -l all-tags -d 'Pull all tagged images in the repository'
complete -c burrow -n "__fish_burrow_using_subcommand pull" -s q -l quiet -d 'Suppress output information when pulling images'
complete -c burrow -n "__fish_burrow_using_subcommand pull" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand push" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand push" -l creds -d 'Credentials (USERNAME:PASSWORD) to use for authenticating to a registry' -r
complete -c burrow -n "__fish_burrow_using_subcommand push" -s f -l format -d 'Manifest type (oci or v2s2) to use in the destination' -r
complete -c burrow -n "__fish_burrow_using_subcommand push" -l compression-format -d 'Compression format to use (gzip or zstd)' -r
complete -c burrow -n "__fish_burrow_using_subcommand push" -l digestfile -d 'Write the digest of the pushed image to the specified file' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand push" -l tls-verify -d 'Require HTTPS and verify certificates when contacting registries (default: true, or as registries.conf says)' -r -f -a "true\t''
false\t''"
complete -c burrow -n "__fish_burrow_using_subcommand push" -l authfile -d 'Path of the authentication file (default: ${XDG_RUNTIME_DIR}/containers/auth.json)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand push" -l cert-dir -d 'Use certificates at the specified path to access the registry' -r -F
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
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -s a -l all -d 'Remove all images'
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -s f -l force -d 'Remove images by id even when they have several names; ignore unknown images'
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -s i -l ignore -d 'Do not fail when an image does not exist'
complete -c burrow -n "__fish_burrow_using_subcommand rmi" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand save" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand save" -s o -l output -d 'Write to a specified file (default: stdout, which must be redirected)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand save" -l format -d 'Save image to docker-archive, oci-archive (see containers-transports(5)), oci-dir or docker-dir' -r
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
complete -c burrow -n "__fish_burrow_using_subcommand tag" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
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
complete -c burrow -n "__fish_burrow_using_subcommand untag" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand untag" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand info" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand info" -s f -l format -d 'Format the output with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand info" -s D -l debug -d 'Show additional information (accepted for compatibility)'
complete -c burrow -n "__fish_burrow_using_subcommand info" -s h -l help -d 'Print help'
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
complete -c burrow -n "__fish_burrow_using_subcommand version" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand version" -s f -l format -d 'Format the output with a Go template, or `json`' -r
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
complete -c burrow -n "__fish_burrow_using_subcommand unshare" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
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
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -f -a "info" -d 'Display burrow system information'
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -f -a "migrate" -d 'Restart the user namespace so that changed /etc/subuid and /etc/subgid ranges apply'
complete -c burrow -n "__fish_burrow_using_subcommand system; and not __fish_seen_subcommand_from info migrate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from info" -s f -l format -d 'Format the output with a Go template, or `json`' -r
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
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from migrate" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "info" -d 'Display burrow system information'
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Restart the user namespace so that changed /etc/subuid and /etc/subgid ranges apply'
complete -c burrow -n "__fish_burrow_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -f -a "connect" -d 'Connect a container to a network'
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -f -a "create" -d 'Create a network'
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -f -a "disconnect" -d 'Disconnect a container from a network'
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -f -a "exists" -d 'Check if a network exists'
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -f -a "inspect" -d 'Display detailed information on one or more networks'
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -f -a "ls" -d 'List networks'
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -f -a "list" -d 'List networks'
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -f -a "prune" -d 'Remove unused networks'
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -f -a "rm" -d 'Remove one or more networks'
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -f -a "remove" -d 'Remove one or more networks'
complete -c burrow -n "__fish_burrow_using_subcommand network; and not __fish_seen_subcommand_from connect create disconnect exists inspect ls list prune rm remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from connect" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from connect" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from connect" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from connect" -l alias -d 'Add a network-scoped alias for the container' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from connect" -l ip -d 'Set a static IPv4 address for the container on this network' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from connect" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -s d -l driver -d 'Driver to manage the network (only `bridge`)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l subnet -d 'Subnet in CIDR format (free /24s of 10.89.0.0/16 when not given)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l gateway -d 'IPv4 gateway for the subnet (its first address when not given)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l ip-range -d 'Allocate container addresses from a range (CIDR inside the subnet)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l label -d 'Set metadata on a network (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -s o -l opt -d 'Set driver specific options (mtu=N)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l internal -d 'Restrict external access from this network'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l disable-dns -d 'Disable the DNS responder for this network'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l ipv6 -d 'Enable IPv6 networking (not supported yet: refused)'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -l ignore -d 'Don\'t fail if the network already exists'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s f -l force -d 'Disconnect even if the container\'s interface can\'t be removed'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from exists" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from exists" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from inspect" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from ls" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from ls" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter output: name=, id=, driver=, label=KEY[=VALUE], dangling=true|false' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from ls" -l format -d 'Pretty-print with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only network names'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate the network ID'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the header line'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from list" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from list" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter output: name=, id=, driver=, label=KEY[=VALUE], dangling=true|false' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from list" -l format -d 'Pretty-print with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only network names'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate the network ID'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print the header line'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from prune" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from prune" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from prune" -l filter -d 'Only prune networks that match: label=, label!=, until=' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from rm" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from rm" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait before killing containers (accepted for podman compatibility)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the containers using the network too'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from remove" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from remove" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from remove" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from remove" -s t -l time -d 'Seconds to wait before killing containers (accepted for podman compatibility)' -r
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from remove" -s f -l force -d 'Remove the containers using the network too'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "connect" -d 'Connect a container to a network'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a network'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "disconnect" -d 'Disconnect a container from a network'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Check if a network exists'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Display detailed information on one or more networks'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List networks'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove unused networks'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove one or more networks'
complete -c burrow -n "__fish_burrow_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -f -a "create" -d 'Create a new volume'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -f -a "exists" -d 'Check if a volume exists'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -f -a "export" -d 'Export volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -f -a "import" -d 'Import a tarball contents into a volume'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -f -a "inspect" -d 'Display detailed information on one or more volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -f -a "ls" -d 'List volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -f -a "list" -d 'List volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -f -a "prune" -d 'Remove all unused volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -f -a "rm" -d 'Remove one or more volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -f -a "remove" -d 'Remove one or more volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and not __fish_seen_subcommand_from create exists export import inspect ls list prune rm remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from create" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from create" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from create" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from create" -s d -l driver -d 'Volume driver (only `local`)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from create" -s l -l label -d 'Set metadata for a volume (KEY=VALUE)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from create" -s o -l opt -d 'Set driver specific options (type=tmpfs, o=uid=1000, device=...)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from create" -l ignore -d 'Don\'t fail if the volume already exists'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from exists" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from exists" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from export" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from export" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from export" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from export" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from export" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to a file (default: stdout)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from import" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from import" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from import" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from import" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from import" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Format the output with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s a -l all -d 'Inspect all volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from ls" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from ls" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter output: name=, label=KEY[=VALUE], driver=, dangling=true|false' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from ls" -l format -d 'Pretty-print with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only volume names'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the header line'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from list" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from list" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from list" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from list" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter output: name=, label=KEY[=VALUE], driver=, dangling=true|false' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from list" -l format -d 'Pretty-print with a Go template, or `json`' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only volume names'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from list" -s n -l noheading -d 'Do not print the header line'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from prune" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from prune" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from rm" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from rm" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove a volume in use, with the containers using it'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from remove" -l root -d 'Path to the store (default: $XDG_DATA_HOME/burrow, or /var/lib/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from remove" -l runroot -d 'Path to the runtime dir (default: $XDG_RUNTIME_DIR/burrow, or /run/burrow as root)' -r -F
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from remove" -l log-level -d 'Log messages at and above this level: trace, debug, info, warn, error, fatal, panic' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver: overlay or vfs' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from remove" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from remove" -s a -l all -d 'Remove all volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from remove" -s f -l force -d 'Remove a volume in use, with the containers using it'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a new volume'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Check if a volume exists'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import a tarball contents into a volume'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Display detailed information on one or more volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove all unused volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove one or more volumes'
complete -c burrow -n "__fish_burrow_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c burrow -n "__fish_burrow_using_subcommand __gen-docs" -l storage-opt -d 'Storage driver option, e.g. overlay.mount_program=/usr/bin/fuse-overlayfs (replaces storage.conf\'s options)' -r
complete -c burrow -n "__fish_burrow_using_subcommand __gen-docs" -s h -l help -d 'Print help'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "container" -d 'Manage containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "build" -d 'Build an image using instructions from Containerfiles'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "commit" -d 'Create new image based on the changed container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "export" -d 'Export a container\'s filesystem contents as a tar archive'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "cp" -d 'Copy files between the host and a container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "create" -d 'Create but do not start a container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "attach" -d 'Attach to a running container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "diff" -d 'Inspect changes to a container\'s filesystem'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "exec" -d 'Run a process in a running container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "pause" -d 'Pause all processes in one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "top" -d 'Display the running processes of a container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "unpause" -d 'Unpause the processes in one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "kill" -d 'Kill one or more running containers with a signal'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "logs" -d 'Fetch the logs of one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "port" -d 'List port mappings of a container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "ps" -d 'List containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "rename" -d 'Rename an existing container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "restart" -d 'Restart one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "rm" -d 'Remove one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "run" -d 'Run a command in a new container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "start" -d 'Start one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "stop" -d 'Stop one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "wait" -d 'Block on one or more containers until a condition is reached'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "image" -d 'Manage images'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "images" -d 'List images in local storage'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "import" -d 'Import a tarball to create a filesystem image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "history" -d 'Show history of a specified image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "inspect" -d 'Display the configuration of an object'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "load" -d 'Load image(s) from a tar archive'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "login" -d 'Log in to a container registry'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "logout" -d 'Log out of a container registry'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "pull" -d 'Pull an image from a registry'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "push" -d 'Push an image to a registry'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "rmi" -d 'Remove one or more images from local storage'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "save" -d 'Save image(s) to an archive'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "tag" -d 'Add an additional name to a local image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "untag" -d 'Remove a name from a local image'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "info" -d 'Display burrow system information'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "version" -d 'Display the burrow version information'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "unshare" -d 'Run a command in a modified user namespace'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "system" -d 'Manage burrow'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "network" -d 'Manage networks'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "volume" -d 'Manage volumes'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "__gen-docs" -d 'Generate shell completions and man pages (used to keep completions/ and man/ current)'
complete -c burrow -n "__fish_burrow_using_subcommand help; and not __fish_seen_subcommand_from container build commit export cp create attach diff exec pause top unpause kill logs port ps rename restart rm run start stop wait image images import history inspect load login logout pull push rmi save tag untag info version unshare system network volume __gen-docs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "attach" -d 'Attach to a running container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "commit" -d 'Create new image based on the changed container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "create" -d 'Create but do not start a container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "diff" -d 'Inspect changes to a container\'s filesystem'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "pause" -d 'Pause all processes in one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "top" -d 'Display the running processes of a container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "unpause" -d 'Unpause the processes in one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "exec" -d 'Run a process in a running container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "exists" -d 'Check if a container exists'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "inspect" -d 'Display the configuration of containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "kill" -d 'Kill one or more running containers with a signal'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "logs" -d 'Fetch the logs of one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "list" -d 'List containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "port" -d 'List port mappings of a container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "prune" -d 'Remove all stopped containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "rename" -d 'Rename an existing container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "restart" -d 'Restart one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "rm" -d 'Remove one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "run" -d 'Run a command in a new container'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "start" -d 'Start one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "stop" -d 'Stop one or more containers'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "wait" -d 'Block on one or more containers until a condition is reached'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "export" -d 'Export a container\'s filesystem contents as a tar archive'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "build" -d 'Build an image using instructions from Containerfiles'
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
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "connect" -d 'Connect a container to a network'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "create" -d 'Create a network'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "disconnect" -d 'Disconnect a container from a network'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "exists" -d 'Check if a network exists'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "inspect" -d 'Display detailed information on one or more networks'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "ls" -d 'List networks'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "prune" -d 'Remove unused networks'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "rm" -d 'Remove one or more networks'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "create" -d 'Create a new volume'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "exists" -d 'Check if a volume exists'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "export" -d 'Export volumes'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "import" -d 'Import a tarball contents into a volume'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "inspect" -d 'Display detailed information on one or more volumes'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "ls" -d 'List volumes'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "prune" -d 'Remove all unused volumes'
complete -c burrow -n "__fish_burrow_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "rm" -d 'Remove one or more volumes'
