#!/usr/bin/env python3
"""Runs one command and prints one JSON line: wall seconds, peak RSS, CPU seconds, exit code.

Standard library only. Peak RSS comes from os.wait4, i.e. the largest resident set of the
process or any of its waited-for descendants (spaCy's n_process workers included): a
maximum over processes, not a sum. Linux starts a spawned child's peak at this
interpreter's own size (about 13 MB), so readings below that mean "at most ~13 MB".

Usage: measure.py [--stdout FILE] [--label TEXT] -- COMMAND [ARGS...]
  --stdout FILE   where the command's standard output goes (default /dev/null)
"""

import json
import os
import sys
import time


def main() -> int:
    argv = sys.argv[1:]
    out_path, label = os.devnull, ""
    while argv and argv[0] != "--":
        if argv[0] == "--stdout":
            out_path, argv = argv[1], argv[2:]
        elif argv[0] == "--label":
            label, argv = argv[1], argv[2:]
        else:
            sys.exit(f"measure.py: unknown option {argv[0]}")
    if not argv or len(argv) < 2:
        sys.exit(__doc__)
    cmd = argv[1:]
    load_before = os.getloadavg()[0]
    # posix_spawn (vfork in glibc), so the peak RSS is the command's, not a forked copy
    # of this interpreter.
    actions = [(os.POSIX_SPAWN_OPEN, 1, out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
    t0 = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    print(
        json.dumps(
            {
                "label": label,
                "cmd": cmd,
                "exit": code,
                "wall_s": round(wall, 3),
                "user_s": round(usage.ru_utime, 3),
                "sys_s": round(usage.ru_stime, 3),
                "max_rss_mb": round(usage.ru_maxrss / 1024, 1),  # ru_maxrss is in KiB on Linux
                "loadavg_1min_before": round(load_before, 2),
            }
        )
    )
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
