"""The core commands through the real `casefile` entry point, including bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = shutil.which("casefile") or ""


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    cmd = [EXE] if EXE else [sys.executable, "-m", "casefile"]
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=120, env=full_env)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    res = run("new", str(tmp_path / "c"), "--title", "CLI case", "--json")
    assert res.returncode == 0, res.stderr
    return Path(json.loads(res.stdout)["path"])


def test_version() -> None:
    from casefile import __version__

    res = run("--version")
    assert res.returncode == 0 and __version__ in res.stdout


def test_new_add_items_log_verify_round_trip(case: Path, tmp_path: Path) -> None:
    f = tmp_path / "note.bin"
    f.write_bytes(os.urandom(2048))
    res = run("add", str(case), str(f), "--source-url", "https://example.org/n", "--note", "hello",
              "--json", env={"CASEFILE_INVESTIGATOR": "Jane Doe"})
    assert res.returncode == 0, res.stderr
    added = json.loads(res.stdout)
    assert added["imported"] == 1 and added["errors"] == 0
    item_id = added["files"][0]["item_id"]

    items = json.loads(run("items", str(case), "--json").stdout)
    assert [i["id"] for i in items] == [item_id]
    assert items[0]["acquisitions"][0]["acquired_by"] == "Jane Doe"
    assert items[0]["acquisitions"][0]["source_url"] == "https://example.org/n"
    assert items[0]["size"] == 2048

    log = json.loads(run("log", str(case), "--json").stdout)
    assert [e["seq"] for e in log] == list(range(1, len(log) + 1))
    assert {"imported", "acquired"} <= {e["action"] for e in log if e["item_id"] == item_id}

    res = run("verify", str(case), "--json")
    assert res.returncode == 0
    assert json.loads(res.stdout)["ok"] is True


def test_investigator_flag_wins_over_environment(case: Path, tmp_path: Path) -> None:
    f = tmp_path / "x.bin"
    f.write_bytes(b"\x00\x01\x02")
    run("--investigator", "Flag Person", "add", str(case), str(f), env={"CASEFILE_INVESTIGATOR": "Env"})
    items = json.loads(run("items", str(case), "--json").stdout)
    assert items[0]["acquisitions"][0]["acquired_by"] == "Flag Person"


def test_verify_exit_status_names_a_tampered_file(case: Path, tmp_path: Path) -> None:
    f = tmp_path / "x.bin"
    f.write_bytes(os.urandom(100))
    run("add", str(case), str(f))
    blob = next(p for p in (case / "evidence").rglob("*") if p.is_file())
    os.chmod(blob, 0o644)
    blob.write_bytes(b"Y" + blob.read_bytes()[1:])
    res = run("verify", str(case))
    assert res.returncode == 1
    assert "original-changed" in res.stdout and blob.name in res.stdout


def _snapshot(case: Path) -> tuple[int, list[str]]:
    import sqlite3

    conn = sqlite3.connect(case / "case.sqlite")
    n = conn.execute("SELECT count(*) FROM ledger").fetchone()[0]
    conn.close()
    return n, sorted(str(p) for p in (case / "evidence").rglob("*"))


def test_bad_paths_each_get_one_line_and_the_batch_goes_on(case: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.bin"
    good.write_bytes(os.urandom(64))
    empty = tmp_path / "empty.bin"
    empty.touch()
    folder = tmp_path / "folder"
    folder.mkdir()
    unreadable = tmp_path / "secret.bin"
    unreadable.write_bytes(b"secret")
    unreadable.chmod(0)
    missing = tmp_path / "missing.bin"
    res = run("add", str(case), str(missing), str(folder), str(empty), str(unreadable), str(good))
    assert res.returncode == 1
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("casefile: error:")]
    expected = [str(missing), str(folder), str(empty)]
    if os.geteuid() != 0:  # root reads any file
        expected.append(str(unreadable))
    for path in expected:
        assert sum(path + ":" in ln for ln in errors) == 1, (path, errors)
    assert "1 imported" in res.stdout or "2 imported" in res.stdout
    items = json.loads(run("items", str(case), "--json").stdout)
    assert "good.bin" in {i["original_name"] for i in items}


def test_not_a_case_and_locked_case_leave_everything_unchanged(case: Path, tmp_path: Path) -> None:
    f = tmp_path / "x.bin"
    f.write_bytes(os.urandom(64))
    res = run("add", str(tmp_path), str(f))
    assert res.returncode == 1
    assert res.stderr.strip().count("\n") == 0 and str(tmp_path) in res.stderr

    before = _snapshot(case)
    holder = subprocess.Popen([sys.executable, "-c", "import sys,time\nfrom casefile.store import "
                               "Case\nc=Case.open(sys.argv[1])\nprint('held', flush=True)\n"
                               "time.sleep(60)", str(case)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        res = run("add", str(case), str(f))
        assert res.returncode == 1
        assert "case is open in another Casefile" in res.stderr and f"pid {holder.pid}" in res.stderr
        # read-only listings still work while another Casefile holds the case
        assert run("items", str(case), "--json").returncode == 0
    finally:
        holder.kill()
        holder.wait()
    assert _snapshot(case) == before


def test_recursive_add_walks_folders(case: Path, tmp_path: Path) -> None:
    root = tmp_path / "tree"
    (root / "a" / "b").mkdir(parents=True)
    for i, sub in enumerate(["", "a", "a/b"]):
        (root / sub / f"f{i}.bin").write_bytes(os.urandom(32))
    res = run("add", str(case), "--recursive", str(root), "--json")
    assert json.loads(res.stdout)["imported"] == 3
