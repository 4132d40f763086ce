"""Undo/redo of analyst edits, verify showing a tampered item, and cancelling an import."""

from __future__ import annotations

import os
import stat

from edithelp import redo, settle, undo
from uihelp import GPS_PHOTOS, wait_op

from casefile.store import verify_case


def _edits(case, item_id):
    return [e for e in case.events(item_id) if e["action"] in ("edited", "restored")]


def test_undo_redo_of_a_note_is_recorded_in_the_ledger(opened, qtbot, corpora):
    win = opened
    wait_op(qtbot, win.import_files([str(corpora / GPS_PHOTOS / "DSCN0025.jpg")]))
    item_id = win.case.items()[0]["id"]
    win.select_item(item_id)
    assert win.edit_item(item_id, "notes", "seen on channel X", "Edit note")
    settle(win, qtbot)
    assert win.case.get_row("items", item_id)["notes"] == "seen on channel X"
    assert "seen on channel X" in win.provenance.browser.toPlainText()     # the panel follows
    assert win.act_undo.isEnabled() and not win.act_redo.isEnabled()
    undo(win, qtbot)
    assert win.case.get_row("items", item_id)["notes"] is None
    assert win.act_redo.isEnabled()
    redo(win, qtbot)
    assert win.case.get_row("items", item_id)["notes"] == "seen on channel X"
    edits = _edits(win.case, item_id)
    # nothing is silently lost: the edit, its undo and its redo are all in the ledger
    assert [(e["details"]["after"]["notes"], (e["details"].get("reason") or "")[:4]) for e in edits] == [
        ("seen on channel X", ""), (None, "undo"), ("seen on channel X", "redo")]
    assert verify_case(win.case, record=False).ok


def test_sensitive_flag_undo(opened, qtbot, corpora):
    win = opened
    wait_op(qtbot, win.import_files([str(corpora / GPS_PHOTOS / "DSCN0027.jpg")]))
    item_id = win.case.items()[0]["id"]
    win.edit_item(item_id, "sensitive", 1, "Mark sensitive")
    settle(win, qtbot)
    sens_col = [c.header for c in win.records.model.columns].index("Sensitive")
    assert win.records.model.index(0, sens_col).data() == "yes"
    undo(win, qtbot)
    assert win.case.get_row("items", item_id)["sensitive"] == 0
    assert win.records.model.index(0, sens_col).data() == ""


def test_verify_shows_a_tampered_item(opened, qtbot, corpora):
    win = opened
    files = [corpora / GPS_PHOTOS / n for n in ("DSCN0029.jpg", "DSCN0038.jpg")]
    wait_op(qtbot, win.import_files([str(p) for p in files]))
    items = {it["original_name"]: it for it in win.case.items()}
    victim, other = items["DSCN0038.jpg"], items["DSCN0029.jpg"]
    # a clean case verifies clean
    wait_op(qtbot, win.verify())
    assert win.last_verify.ok and "intact" in win.status_verify.text()
    # flip one byte of the evidence copy
    blob = win.case.blob_path(victim)
    os.chmod(blob, os.stat(blob).st_mode | stat.S_IWUSR)
    data = bytearray(blob.read_bytes())
    data[len(data) // 2] ^= 0xFF
    blob.write_bytes(bytes(data))
    wait_op(qtbot, win.verify())
    assert not win.last_verify.ok
    assert "problem" in win.status_verify.text()
    assert any(p.item_id == victim["id"] for p in win.last_verify.problems)
    assert not any(p.item_id == other["id"] for p in win.last_verify.problems)
    title, text = win.messages[-1]
    assert title == "Verify integrity" and "problem" in text
    # the tampered row is marked in the table, the other is not
    model = win.records.model
    assert victim["id"] in model.problems and other["id"] not in model.problems
    from PySide6.QtCore import Qt
    row = model.row_of(victim["id"])
    assert model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(model.row_of(other["id"]), 0).data(Qt.ItemDataRole.ForegroundRole) is None
    # "Verify this item" in the provenance panel
    win.select_item(victim["id"])
    win.provenance.verify_button.click()
    qtbot.waitUntil(lambda: "TAMPERED" in win.provenance.result.text(), timeout=20000)
    win.select_item(other["id"])
    win.provenance.verify_button.click()
    qtbot.waitUntil(lambda: "Intact" in win.provenance.result.text(), timeout=20000)


def test_cancel_of_an_import_leaves_the_case_consistent(opened, qtbot, corpora):
    win = opened
    folder = corpora / "exif-samples"
    op = win.import_files([str(folder)])
    # cancel as soon as the first files are in
    qtbot.waitUntil(lambda: len(win.case.items()) >= 2 or op.done, timeout=60000)
    assert not op.done, "the import finished before it could be cancelled"
    win.cancel_button.click()
    wait_op(qtbot, op)
    report = op.changes.result
    assert report.count("cancelled") > 0
    imported = {o.item_id for o in report.outcomes if o.status == "imported"}
    assert {it["id"] for it in win.case.items()} == imported
    assert verify_case(win.case, record=False).ok
    assert list((win.case.path / "tmp").iterdir()) == []          # no half-staged file left
    assert "cancelled" in op.changes.message
    assert win.progress.isHidden()


def test_a_case_held_elsewhere_opens_read_only_and_refuses_changes(win, qtbot, tmp_path, corpora):
    from casefile.store import Case

    holder = Case.create(tmp_path / "held", "Held elsewhere")
    try:
        assert win.open_case(holder.path)
        assert not win.case.writable and "[read-only]" in win.windowTitle()
        assert "read-only" in win.messages[-1][1]
        op = wait_op(qtbot, win.import_files([str(corpora / GPS_PHOTOS / "DSCN0010.jpg")]))
        assert op.changes is None or op.changes.result.count("imported") == 0
        assert "read-only" in win.messages[-1][1]                  # the refusal is shown
        assert win.case.items() == []
    finally:
        win.close_case()
        holder.close()
