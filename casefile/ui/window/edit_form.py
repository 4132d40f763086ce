"""Opening an edit form from the window: the form for an action, then its Edit on the undo stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casefile.ui.forms.dialog import FormDialog
from casefile.ui.forms.records import form

if TYPE_CHECKING:
    from casefile.ui.window.case import CaseWindow


def ask(win: CaseWindow, action: str, rid: str | None) -> FormDialog | None:
    """Open the form for an action; OK pushes the Edit on the undo stack. Returns the open form."""
    if win.case is None:
        win.notify("Edit", "Open or create a case first.", error=True)
        return None
    got = form(win.case, win, action, rid)
    if got is None:
        return None
    dlg, build = got

    def done() -> None:
        try:
            edit = build(dlg.values())
        except (ValueError, KeyError) as exc:
            win.notify(dlg.windowTitle(), str(exc), error=True)
            return
        win.push_edit(edit)

    dlg.accepted.connect(done)
    dlg.open()
    return dlg
