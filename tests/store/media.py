"""Run casefile commands on a case mounted read-only (a write-blocked drive, a DVD), or on a
small disk that fills up.

The case folder is bind-mounted over itself read-only inside a private mount namespace
(`unshare -rm`: an unprivileged user namespace, no root needed), so every write fails with EROFS
exactly as on read-only media. Tests skip where the system allows no user namespaces.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

_DRIVER = r"""
import contextlib, io, json, os, sys, traceback
from casefile.cli import main
out = []
for argv in json.loads(sys.argv[2]):
    if argv[0] == "!sh":
        import subprocess
        done = subprocess.run(argv[1], shell=True, capture_output=True, text=True)
        out.append({"argv": argv, "code": done.returncode, "out": done.stdout, "err": done.stderr})
        continue
    o, e = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(o), contextlib.redirect_stderr(e):
        try:
            code = main(argv)
        except BaseException:
            code = "crash"
            e.write(traceback.format_exc())
    out.append({"argv": argv, "code": code, "out": o.getvalue(), "err": e.getvalue()})
with open(sys.argv[1], "w") as f:
    json.dump(out, f)
"""


def namespaces_work() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs none /mnt 2>/dev/null "
                            "|| mount -t tmpfs none /tmp"], capture_output=True)
    return probe.returncode == 0


def run_read_only(case_dir: Path, commands: list[list[str]], work: Path,
                  env: dict[str, str] | None = None) -> list[dict]:
    """Run each command (argv without `casefile`) with `case_dir` mounted read-only."""
    d = shlex.quote(str(case_dir))
    return run_in_namespace(f"mount --bind {d} {d} && mount -o remount,bind,ro {d}", commands,
                            work, env)


def run_on_small_disk(folder: Path, size_kb: int, commands: list[list[str]], work: Path,
                      env: dict[str, str] | None = None) -> list[dict]:
    """Run the commands with a small, empty disk (tmpfs of `size_kb`) mounted on `folder`.
    A command ["!sh", "script"] runs a shell line instead (to fill or free the disk)."""
    folder.mkdir(parents=True, exist_ok=True)
    return run_in_namespace(f"mount -t tmpfs -o size={size_kb}k casefile-test "
                            f"{shlex.quote(str(folder))}", commands, work, env)


def run_in_namespace(setup: str, commands: list[list[str]], work: Path,
                     env: dict[str, str] | None = None) -> list[dict]:
    """Run `setup` (mounts) then the commands, in a private user and mount namespace."""
    if not namespaces_work():
        pytest.skip("no user/mount namespaces here (unshare -rm); the media are not simulated")
    result = work / "ns-result.json"
    driver = work / "ns-driver.py"
    driver.write_text(_DRIVER)
    script = (f"{setup} && exec {shlex.quote(sys.executable)} {shlex.quote(str(driver))} "
              f"{shlex.quote(str(result))} {shlex.quote(json.dumps(commands))}")
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True,
                          env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    return list(json.loads(result.read_text()))
