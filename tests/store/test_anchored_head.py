"""The ledger head file is anchored: a missing or older head file is named by every verify until
the investigator accepts a new head (`ledger accept-head`, recorded with the reason); ordinary
writes never recreate or advance it; reports and bundles print the fingerprint `--expect` takes."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from casefile.cli import main
from casefile.store import Case, headfile


def _case(tmp_path: Path, corpora: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["new", str(tmp_path / "h"), "--title", "Anchored head"]) == 0
    case = tmp_path / "h.casefile"
    photos = sorted((corpora / "exif-samples" / "jpg" / "gps").glob("*.jpg"))[:2]
    assert main(["add", str(case), *map(str, photos)]) == 0
    assert main(["note", "add", str(case), "case", "first note"]) == 0
    capsys.readouterr()
    return case


def _verify(case: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["verify", str(case), *extra])
    return code, capsys.readouterr().out


def _cut_ledger(case: Path, keep: int) -> None:
    """Delete the ledger's last events with the append-only guards lifted and put back."""
    conn = sqlite3.connect(case / "case.sqlite")
    triggers = conn.execute("SELECT sql FROM sqlite_master WHERE type='trigger' AND name IN "
                            "('ledger_no_update', 'ledger_no_delete')").fetchall()
    conn.execute("DROP TRIGGER ledger_no_update")
    conn.execute("DROP TRIGGER ledger_no_delete")
    conn.execute("DELETE FROM ledger WHERE seq > ?", [keep])
    for (sql,) in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_missing_head_stays_an_error_until_accepted(tmp_path: Path, corpora: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    case = _case(tmp_path, corpora, capsys)
    code, out = _verify(case, capsys)
    assert code == 0, out
    (case / headfile.NAME).unlink()
    for _ in range(2):
        code, out = _verify(case, capsys)
        assert code == 1 and "ledger-head.json is missing" in out
        assert "casefile ledger accept-head CASE --reason" in out
    assert main(["note", "add", str(case), "case", "an ordinary write"]) == 0
    assert not (case / headfile.NAME).exists()           # never silently recreated
    assert _verify(case, capsys)[0] == 1
    assert main(["ledger", "accept-head", str(case), "--reason", "the head file was deleted by a "
                 "backup tool; fingerprint compared with the one in my notes"]) == 0
    capsys.readouterr()
    code, out = _verify(case, capsys)
    assert code == 0, out
    with Case.open(case, write=False) as c:
        accepted = [e for e in c.events() if e["action"] == "ledger-head-accepted"]
    assert len(accepted) == 1 and accepted[0]["details"]["head_file_was"] is None
    assert "backup tool" in accepted[0]["details"]["reason"]


def test_laundered_ledger_is_never_ok(tmp_path: Path, corpora: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The attack: the ledger cut short (guards put back) and the head file deleted. Every verify
    fails, a write does not recreate the head, and `--expect` with the noted fingerprint fails."""
    case = _case(tmp_path, corpora, capsys)
    noted = json.loads((case / headfile.NAME).read_text())["fingerprint"]
    seq = int(noted.split("-")[0])
    _cut_ledger(case, seq - 3)
    (case / headfile.NAME).unlink()
    for _ in range(2):
        code, out = _verify(case, capsys)
        assert code == 1 and "ledger-head.json is missing" in out
    assert main(["note", "add", str(case), "case", "a write after the cut"]) == 0
    capsys.readouterr()
    code, out = _verify(case, capsys)
    assert code == 1 and "ledger-head.json is missing" in out
    code, out = _verify(case, capsys, "--expect", noted)
    assert code == 1 and "FAIL expect" in out


def test_older_head_file_is_named(tmp_path: Path, corpora: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    """An older copy of the head file put back (the ledger holds its event): named, not accepted
    as a lag, and not advanced by the next write."""
    case = _case(tmp_path, corpora, capsys)
    shutil.copyfile(case / headfile.NAME, tmp_path / "old-head.json")
    assert main(["note", "add", str(case), "case", "second note"]) == 0
    shutil.copyfile(tmp_path / "old-head.json", case / headfile.NAME)
    capsys.readouterr()
    code, out = _verify(case, capsys)
    assert code == 1 and "the head file is older than the ledger" in out
    assert main(["note", "add", str(case), "case", "third note"]) == 0
    assert (case / headfile.NAME).read_bytes() == (tmp_path / "old-head.json").read_bytes()
    capsys.readouterr()
    assert _verify(case, capsys)[0] == 1


def test_fingerprint_on_report_and_bundle(tmp_path: Path, corpora: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """What a report and a bundle print is a fingerprint `verify --expect` accepts."""
    case = _case(tmp_path, corpora, capsys)
    assert main(["report", str(case), "-o", str(tmp_path / "r.pdf"), "--sections",
                 "summary,custody", "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)["fingerprint"]
    assert main(["bundle", str(case), "-o", str(tmp_path / "b.zip"), "--json"]) == 0
    bun = json.loads(capsys.readouterr().out)["fingerprint"]
    assert headfile.parse_fingerprint(rep) and headfile.parse_fingerprint(bun)
    assert _verify(case, capsys, "--expect", rep)[0] == 0
    assert _verify(case, capsys, "--expect", bun)[0] == 0
    assert main(["verify", str(tmp_path / "b.zip"), "--expect", bun]) == 0
    from pypdf import PdfReader

    cover = PdfReader(str(tmp_path / "r.pdf")).pages[0].extract_text()
    assert rep in cover                                   # on the report's cover


def test_killed_between_commit_and_head_still_verifies(tmp_path: Path, corpora: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A process killed after its COMMIT and before the head file names the new event: the head
    file's pending record (written durably before the COMMIT) vouches for it; the next write
    moves the head on as usual."""
    import subprocess
    import sys

    case = _case(tmp_path, corpora, capsys)
    code = ("import os, sys\nfrom casefile.store import Case, headfile\n"
            "c = Case.open(sys.argv[1])\n"
            "headfile.write = lambda *a, **k: os._exit(9)   # killed right after the COMMIT\n"
            "with c.transaction():\n    c.log('test-event', details={'n': 1})\n")
    done = subprocess.run([sys.executable, "-c", code, str(case)], timeout=120)
    assert done.returncode == 9
    head = json.loads((case / headfile.NAME).read_text())
    assert head["pending"][0] == head["seq"] + 1
    code_, out = _verify(case, capsys)
    assert code_ == 0, out
    assert main(["note", "add", str(case), "case", "after the kill"]) == 0
    capsys.readouterr()
    head = json.loads((case / headfile.NAME).read_text())
    assert "pending" not in head
    code_, out = _verify(case, capsys)
    assert code_ == 0, out
