"""The CLI where `fcntl` does not exist (as on Windows): it starts, makes a case, imports, verifies.

A `sitecustomize` on PYTHONPATH makes `fcntl` unimportable before anything else runs, in the
command's process and in every import worker it starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

BLOCK = "import sys\nsys.modules['fcntl'] = None  # `import fcntl` now raises ImportError\n"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(BLOCK)
    return {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(site), *filter(None, [os.environ.get("PYTHONPATH")])])}


@pytest.fixture
def run_without_fcntl(env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "casefile", *args], capture_output=True,
                              text=True, timeout=300, env=env)
    return run


def test_fcntl_is_really_unimportable_there(env: dict[str, str]) -> None:
    code = ("try:\n    import fcntl\nexcept ImportError:\n"
            "    print('blocked')\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert res.stdout.strip() == "blocked", res.stderr


def test_cli_runs_without_fcntl(run_without_fcntl: Callable[..., subprocess.CompletedProcess[str]],
                                tmp_path: Path) -> None:
    res = run_without_fcntl("--version")
    assert res.returncode == 0, res.stderr
    assert "Casefile" in res.stdout

    res = run_without_fcntl("new", str(tmp_path / "c"), "--title", "no fcntl", "--json")
    assert res.returncode == 0, res.stderr
    case = Path(json.loads(res.stdout)["path"])

    files = []
    for k in range(3):   # several files: they go through worker processes
        f = tmp_path / f"note{k}.bin"
        f.write_bytes(os.urandom(5000 + k * 70000))
        files.append(str(f))
    res = run_without_fcntl("add", str(case), *files, "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["imported"] == 3

    res = run_without_fcntl("verify", str(case), "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["ok"] is True


def test_case_lock_without_fcntl_refuses_a_second_writer(
        run_without_fcntl: Callable[..., subprocess.CompletedProcess[str]], env: dict[str, str],
        tmp_path: Path) -> None:
    """The fallback lock still keeps a second writer out, names the holder, and dies with it."""
    res = run_without_fcntl("new", str(tmp_path / "c"), "--title", "locked", "--json")
    assert res.returncode == 0, res.stderr
    case = json.loads(res.stdout)["path"]
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom casefile.store import Case\n"
         "c = Case.open(sys.argv[1])\nprint('open', flush=True)\ntime.sleep(60)\n", case],
        stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        res = run_without_fcntl("add", case, str(Path(__file__)))
        assert res.returncode != 0
        assert f"pid {holder.pid}" in res.stderr + res.stdout
    finally:
        holder.kill()
        holder.wait()
    res = run_without_fcntl("add", case, str(Path(__file__)))   # the dead holder's lock is gone
    assert res.returncode == 0, res.stderr
