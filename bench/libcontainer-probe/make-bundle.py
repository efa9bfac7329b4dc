#!/usr/bin/env python3
"""Turn the config.json burrow generated for a container into an OCI bundle for the probe.

make-bundle.py [--seccomp SECCOMP_JSON] [--cgroups-path PATH] BURROW_CONFIG ROOTFS OUT_DIR MODE

MODE is `rootless` (libcontainer makes the user namespace itself: a user namespace entry
and uid/gid mappings are added, 0 -> the caller's uid, 1.. -> its /etc/subuid range) or
`shared` (no user namespace: the probe runs inside burrow's per-user namespace, where the
caller is already root). The rootfs is ROOTFS (a plain directory, not burrow's overlay);
the files burrow bind-mounts (hosts, hostname, resolv.conf, .containerenv) are copied into
OUT_DIR. SECCOMP_JSON, when given, is podman's seccomp.json (containers-common format),
resolved for the spec's bounding capabilities on x86_64 into an OCI `linux.seccomp`, since
libcontainer takes only the OCI form; without it the spec has no seccomp (burrow's own
filter is not in config.json: burrow keeps it in an annotation and compiles it itself).
--cgroups-path sets `linux.cgroupsPath`: libcontainer always moves the container into a
cgroup, so on cgroup v1 rootless it must be one the user may write (see run.sh).
"""
import argparse
import json
import os
import pwd
import shutil
import sys

ARCH = "amd64"
OCI_ARCHES = ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"]


def subid_range(path, user):
    with open(path) as f:
        for line in f:
            name, start, count = line.strip().split(":")
            if name == user:
                return int(start), int(count)
    sys.exit(f"make-bundle: no range for {user} in {path}")


def resolve_seccomp(profile, caps):
    """Keep the rules that apply to x86_64 and the given capabilities (as podman does)."""
    rules = []
    for rule in profile["syscalls"]:
        inc = rule.get("includes") or {}
        exc = rule.get("excludes") or {}
        if inc.get("arches") and ARCH not in inc["arches"]:
            continue
        if exc.get("arches") and ARCH in exc["arches"]:
            continue
        if inc.get("caps") and not all(c in caps for c in inc["caps"]):
            continue
        if exc.get("caps") and any(c in caps for c in exc["caps"]):
            continue
        out = {"names": rule["names"], "action": rule["action"]}
        if rule.get("args"):
            out["args"] = [{k: a[k] for k in ("index", "value", "valueTwo", "op") if k in a}
                           for a in rule["args"]]
        if rule.get("errnoRet") is not None:
            out["errnoRet"] = rule["errnoRet"]
        rules.append(out)
    spec = {"defaultAction": profile["defaultAction"], "architectures": OCI_ARCHES,
            "syscalls": rules}
    if profile.get("defaultErrnoRet") is not None:
        spec["defaultErrnoRet"] = profile["defaultErrnoRet"]
    return spec


def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("--seccomp")
    ap.add_argument("--cgroups-path")
    ap.add_argument("config")
    ap.add_argument("rootfs")
    ap.add_argument("out")
    ap.add_argument("mode", choices=["rootless", "shared"])
    args = ap.parse_args()
    src, rootfs, out, mode = args.config, args.rootfs, args.out, args.mode
    with open(src) as f:
        spec = json.load(f)
    os.makedirs(out, exist_ok=True)
    spec["root"] = {"path": os.path.abspath(rootfs), "readonly": False}
    for m in spec["mounts"]:
        if m.get("type") == "bind" and "/userdata/" in m["source"]:
            dest = os.path.join(out, os.path.basename(m["source"]))
            shutil.copyfile(m["source"], dest)
            m["source"] = os.path.abspath(dest)
    linux = spec["linux"]
    linux["namespaces"] = [n for n in linux["namespaces"] if n["type"] != "user"]
    if mode == "rootless":
        user = pwd.getpwuid(os.getuid()).pw_name
        maps = {}
        for kind, path, own in (("uid", "/etc/subuid", os.getuid()), ("gid", "/etc/subgid", os.getgid())):
            start, count = subid_range(path, user)
            maps[kind] = [{"containerID": 0, "hostID": own, "size": 1},
                          {"containerID": 1, "hostID": start, "size": count}]
        linux["namespaces"].append({"type": "user"})
        linux["uidMappings"] = maps["uid"]
        linux["gidMappings"] = maps["gid"]
    if args.cgroups_path:
        linux["cgroupsPath"] = args.cgroups_path
    if args.seccomp:
        # libcontainer 0.7 loads the filter after dropping capabilities whenever the key is
        # present, also when it is false, and the load then fails without CAP_SYS_ADMIN
        # ("failed to load seccomp context"); absent means the same as false in OCI.
        if spec["process"].get("noNewPrivileges") is False:
            del spec["process"]["noNewPrivileges"]
        with open(args.seccomp) as f:
            profile = json.load(f)
        linux["seccomp"] = resolve_seccomp(profile, spec["process"]["capabilities"]["bounding"])
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(spec, f, indent=1)


main()
