"""The last whole-case verification, noted per user outside the case (verify writes nothing in it):
recalled with the head it verified, 'changed since' once the case records a change, per copy."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from casefile.settings import config_dir
from casefile.store import Case, verify_case, verify_memory

GPS_PHOTO = "exif-samples/jpg/gps/DSCN0025.jpg"


def _case(tmp_path: Path, corpora: Path) -> Path:
    from casefile.importers.pipeline import import_paths

    with Case.create(tmp_path / "c", "Remembered") as case:
        import_paths(case, [corpora / GPS_PHOTO])
        return case.path


def test_a_verification_is_recalled_and_goes_stale_on_a_change(tmp_path: Path, corpora: Path) -> None:
    path = _case(tmp_path, corpora)
    with Case.open(path, write=False) as case:
        assert verify_memory.recall(case) is None
        events = case.rows("SELECT COUNT(*) AS n FROM ledger")[0]["n"]
        report = verify_case(case)
        assert report.ok and verify_memory.remember(case, report)
        last = verify_memory.recall(case)
        assert last is not None and last.ok and last.here and not last.changed_since
        assert last.fingerprint == report.fingerprint and last.at.endswith("Z")
        assert case.rows("SELECT COUNT(*) AS n FROM ledger")[0]["n"] == events   # nothing in the case
    note = json.loads((config_dir() / verify_memory.FILE).read_text(encoding="utf-8"))
    assert [v["fingerprint"] for v in note.values()] == [report.fingerprint]
    # an export (a read-only action) is not a change; a note on an item is
    with Case.open(path) as case:
        with case.transaction():
            case.log("exported", details={"format": "pdf"})
        still = verify_memory.recall(case)
        assert still is not None and not still.changed_since
        item = case.items()[0]["id"]
        with case.transaction():
            case.update("items", item, {"notes": "seen on channel X"}, action="edited")
        stale = verify_memory.recall(case)
        assert stale is not None and stale.ok and stale.changed_since


def test_a_copy_elsewhere_and_an_unwritable_config(tmp_path: Path, corpora: Path,
                                                    monkeypatch) -> None:
    path = _case(tmp_path, corpora)
    with Case.open(path, write=False) as case:
        assert verify_memory.remember(case, verify_case(case))
    copy = tmp_path / "copy.casefile"
    shutil.copytree(path, copy, ignore=shutil.ignore_patterns("case.lock"))
    with Case.open(copy, write=False) as case:
        assert verify_memory.recall(case) is None        # same case id, but this copy was not verified
        blocked = tmp_path / "not-a-folder"
        blocked.write_text("a file where the config folder should be")
        monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
        assert verify_memory.remember(case, verify_case(case)) is False   # not kept, no error


def test_the_cli_verify_is_noted_for_the_window(tmp_path: Path, corpora: Path) -> None:
    path = _case(tmp_path, corpora)
    res = subprocess.run([sys.executable, "-m", "casefile", "verify", str(path), "--json"],
                         capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert res.returncode == 0, res.stderr
    with Case.open(path, write=False) as case:
        last = verify_memory.recall(case)
        assert last is not None and last.ok
        assert last.fingerprint == json.loads(res.stdout)["fingerprint"]
