"""Cases made by every schema version that ever landed (tests/data/old_cases, built by
make_old_cases.py with each commit's own CLI) open, upgrade and verify with today's Casefile.
verify never upgrades (it changes nothing); a digest in the first day's form is vouched for by a
recorded migration event, never by rewriting history; a migration that fails leaves the case
exactly as the release that wrote it left it."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from casefile.cli import main
from casefile.store import Case, schema

OLD = Path(__file__).resolve().parents[1] / "data" / "old_cases"
CASES = sorted(OLD.glob("*.casefile"))
REPO = Path(__file__).resolve().parents[2]


def _copy(src: Path, tmp_path: Path) -> Path:
    dest = tmp_path / src.name
    shutil.copytree(src, dest)
    for p in dest.rglob("*"):
        if p.is_file() and "evidence" not in p.parts and "derived" not in p.parts:
            p.chmod(0o644)
    return dest


def _dump(case: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{case / 'case.sqlite'}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _pending(case: Path) -> list[tuple[str, int]]:
    """The migrations today's Casefile would run on a case (read-only look)."""
    import sqlite_utils

    conn = sqlite3.connect(f"file:{case / 'case.sqlite'}?mode=ro", uri=True)
    try:
        return [(g, n) for g, n, _name, _fn in schema.pending(sqlite_utils.Database(conn))]
    finally:
        conn.close()


def test_every_schema_version_has_a_case() -> None:
    made = {json.loads((c / "MADE.json").read_text())["commit"][:10] for c in CASES}
    assert len(made) >= 13, made
    introduced = {v for c in CASES for v in json.loads((c / "MADE.json").read_text())["introduced"]}
    for group, steps in schema._MIGRATIONS.items():
        for n in steps:
            if f"{group} {n}" in introduced:
                continue
            # a version landed after the cases were made: make_old_cases.py must be run again
            pytest.fail(f"no old case made by the commit that introduced {group} {n}")


@pytest.mark.parametrize("old", CASES, ids=[c.name for c in CASES])
def test_old_case_upgrades_and_verifies(old: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    made = json.loads((old / "MADE.json").read_text())
    case = _copy(old, tmp_path)
    before = _dump(case)
    pending = _pending(case)
    if pending:          # written before today's schema: verify names the upgrade, changes nothing
        assert main(["verify", str(case)]) == 1                 # verify does not upgrade
        assert "casefile upgrade CASE" in capsys.readouterr().err
        assert _dump(case) == before
        assert main(["upgrade", str(case)]) == 0, capsys.readouterr()
        capsys.readouterr()
    assert main(["verify", str(case)]) == 0, capsys.readouterr().out
    with Case.open(case, write=False) as c:
        items = c.items()
        events = c.events()
    if "photo" in made["done"] and "flight" in made["done"]:
        assert len(items) >= 2
    migrated = [e for e in events if e["action"] == "schema-migrated"]
    # every step the upgrade ran is recorded (a case of today's schema had none to run)
    assert set(pending) <= {(e["details"]["group"], e["details"]["number"]) for e in migrated}
    assert migrated
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))   # only appended


def test_first_day_points_digest_is_migrated_by_an_event(tmp_path: Path) -> None:
    """The first day's form of a track's points digest: today's Casefile checks the rows against
    the old event in the old form and records them again in today's, naming the old event."""
    first = [c for c in CASES if json.loads((c / "MADE.json").read_text())["commit"].startswith(
        ("e68a7ede45", "dfb6b64d6b", "c26a33e836", "bc228cc87e"))]
    if not first:
        pytest.skip("no first-day case with a flight file")
    case = _copy(first[0], tmp_path)
    old_events = _dump(case)
    assert main(["upgrade", str(case)]) == 0
    with Case.open(case, write=False) as c:
        events = c.events()
    moved = [e for e in events if e["action"] == "digest-form-migrated"]
    assert moved, "the first day's digest was not migrated"
    for e in moved:
        old = next(x for x in events if x["seq"] == e["details"]["event"])
        assert old["row_digest"] == e["details"]["old_digest"] != e["row_digest"]
    kept = [line for line in old_events if line.startswith('INSERT INTO "ledger"')]
    assert kept == [line for line in _dump(case) if line.startswith('INSERT INTO "ledger"')][
        :len(kept)]                                            # history kept byte for byte


def test_failed_migration_leaves_the_case_as_it_was(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    old = next((c for c in CASES if "flight" in json.loads((c / "MADE.json").read_text())["done"]),
               None)
    if old is None:
        pytest.skip("no old case")
    case = _copy(old, tmp_path)
    before = _dump(case)
    import sqlite_utils

    conn = sqlite3.connect(f"file:{case / 'case.sqlite'}?mode=ro", uri=True)
    steps = schema.pending(sqlite_utils.Database(conn))
    conn.close()
    assert len(steps) > 3
    group, number, name, _fn = steps[-1]

    def broken(db_or_case: object) -> None:
        db = getattr(db_or_case, "db", db_or_case)
        db.execute("CREATE TABLE half_done (x)")   # something written before the failure
        raise RuntimeError("a migration step failed half-way")

    monkeypatch.setitem(schema._MIGRATIONS[group], number, (name, broken))
    with pytest.raises(RuntimeError, match="half-way"):
        Case.open(case)
    assert _dump(case) == before       # not one of the earlier steps was kept
    commit = json.loads((case / "MADE.json").read_text())["commit"]
    _old_release_verifies(commit, case, tmp_path)


def _old_release_verifies(commit: str, case: Path, tmp_path: Path) -> None:
    """The release that wrote the case still opens and verifies it (its own code, from git)."""
    code = tmp_path / "old-code"
    try:
        data = subprocess.run(["git", "-C", str(REPO), "archive", commit, "casefile"],
                              check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip(f"commit {commit[:10]} is not in this checkout's history")
    (tmp_path / "old.tar").write_bytes(data)
    with tarfile.open(tmp_path / "old.tar") as tar:
        tar.extractall(code, filter="data")
    env = {**os.environ, "PYTHONPATH": str(code), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "casefile", "verify", str(case)], cwd=code,
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
