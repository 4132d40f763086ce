"""Filling an edit form the way a person would, then waiting for the edit to land."""

from __future__ import annotations


def fill(win, qtbot, action: str, rid: str | None, values: dict[str, str]):
    """Open the form for `action`, type the values, press OK, wait until the edit has run."""
    from casefile.ui.window import edit_form

    dlg = edit_form.ask(win, action, rid)
    assert dlg is not None, action
    for name, value in values.items():
        dlg.set_value(name, value)
    before = win.undo_stack.index()
    dlg._accept()
    settle(win, qtbot)
    return win.undo_stack.index() > before       # on the stack (a failed edit is taken off)


def settle(win, qtbot) -> None:
    """Wait until every edit (and the cross-reference run after them) has finished."""
    qtbot.waitUntil(lambda: win.edits.idle, timeout=60000)
    qtbot.wait(20)


def undo(win, qtbot) -> None:
    win.act_undo.trigger()
    settle(win, qtbot)


def redo(win, qtbot) -> None:
    win.act_redo.trigger()
    settle(win, qtbot)


def events(case, action: str | None = None) -> list[dict]:
    """Ledger events (newest last), optionally of one action."""
    rows = case.events()
    return [e for e in rows if action is None or e["action"] == action]
