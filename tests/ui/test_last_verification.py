"""The status bar's last verification survives reopening the case although verify writes nothing in
it: the outcome is noted per user, outside the case; a case changed since, or never verified on
this computer, says so and offers Verify."""

from __future__ import annotations

import shutil
from pathlib import Path

from edithelp import settle
from uihelp import GPS_PHOTOS, wait_op

from casefile.settings import config_dir
from casefile.store import verify_memory


def _case_files(path: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in path.iterdir() if p.name != "case.lock"}


def _ledger(win) -> list[tuple[int, str]]:
    return [(r["seq"], r["action"]) for r in win.case.rows("SELECT seq, action FROM ledger")]


def test_last_verification_is_shown_after_reopening(win, qtbot, corpora, tmp_path: Path) -> None:
    assert win.create_case(tmp_path / "kept", "Kept case")
    path = win.case.path
    wait_op(qtbot, win.import_files([str(corpora / GPS_PHOTOS / "DSCN0025.jpg")]))
    assert win.status_verify.text().startswith("Not verified on this computer")
    assert "href='verify'" in win.status_verify.text()
    before, files = _ledger(win), _case_files(path)

    # the link in the status bar verifies the case (what a click on "Verify" emits)
    n = len(win.messages)
    win.status_verify.linkActivated.emit("verify")
    qtbot.waitUntil(lambda: len(win.messages) > n, timeout=60000)
    assert win.last_verify is not None and win.last_verify.ok
    shown = win.status_verify.text()
    assert shown.startswith("Last verification: intact (") and " UTC)" in shown
    assert "href" not in shown
    assert _ledger(win) == before, "verify wrote an event in the case"
    assert _case_files(path) == files, "verify wrote a file in the case"
    assert (config_dir() / verify_memory.FILE).is_file()      # the note is kept outside the case
    fingerprint = win.last_verify.fingerprint

    # reopened: still known, with the head that was verified in the tooltip
    win.close_case()
    assert win.status_verify.text() == ""
    assert win.open_case(path)
    assert win.status_verify.text() == shown
    assert win.last_verify is None          # the window has not verified in this session ...
    assert fingerprint in win.status_verify.toolTip()   # ... but says which head it verified
    assert "outside the case" in win.status_verify.toolTip()
    win.grab().save(str(tmp_path / "reopened.png"))

    # a recorded change after the verification: the status says it came before, and offers Verify
    item_id = win.case.items()[0]["id"]
    assert win.edit_item(item_id, "notes", "seen on channel X", "Edit note")
    settle(win, qtbot)
    changed = win.status_verify.text()
    assert changed.startswith("Last verification: intact (") and "before later changes" in changed
    assert "href='verify'" in changed
    win.close_case()
    assert win.open_case(path)
    assert "before later changes" in win.status_verify.text()
    wait_op(qtbot, win.verify())
    assert "before later changes" not in win.status_verify.text()
    win.close_case()

    # a copy of the case elsewhere was not verified there
    copy = tmp_path / "copy.casefile"
    shutil.copytree(path, copy, ignore=shutil.ignore_patterns("case.lock"))
    assert win.open_case(copy)
    assert win.status_verify.text().startswith("Not verified on this computer")
    win.close_case()


def test_a_problem_found_stays_red_after_reopening(win, qtbot, corpora, tmp_path: Path) -> None:
    import os
    import stat

    assert win.create_case(tmp_path / "tampered", "Tampered case")
    path = win.case.path
    wait_op(qtbot, win.import_files([str(corpora / GPS_PHOTOS / "DSCN0027.jpg")]))
    blob = win.case.blob_path(win.case.items()[0])
    os.chmod(blob, os.stat(blob).st_mode | stat.S_IWUSR)
    data = bytearray(blob.read_bytes())
    data[len(data) // 2] ^= 0xFF
    blob.write_bytes(bytes(data))
    wait_op(qtbot, win.verify())
    assert not win.last_verify.ok
    win.close_case()
    assert win.open_case(path)
    text = win.status_verify.text()
    assert text.startswith("Last verification: 1 problem(s) (") and "c62828" in win.status_verify.styleSheet()
    win.close_case()
