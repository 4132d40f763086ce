"""Undo/Redo of analyst edits: each step is a tracked store update, so the ledger keeps every change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from casefile.store import Case

EDITABLE = {"notes", "sensitive"}
EditValue = str | int | None          # notes text (or None), sensitive flag 0/1


class EditItemCommand(QUndoCommand):
    """Change one field of an item (notes, sensitive flag); undo writes the old value back."""

    def __init__(self, case: Case, item_id: str, field: str, value: EditValue, text: str,
                 on_change: Callable[[str], None], on_error: Callable[[str], None]) -> None:
        super().__init__(text)
        if field not in EDITABLE:
            raise ValueError(f"{field} is not an analyst-editable item field")
        self.case, self.item_id, self.field = case, item_id, field
        self.old: EditValue = case.get_row("items", item_id)[field]
        self.new = value
        self.on_change, self.on_error = on_change, on_error
        self._first = True

    def _apply(self, value: EditValue, *, action: str, reason: str | None) -> bool:
        try:
            with self.case.transaction():
                self.case.update("items", self.item_id, {self.field: value}, action=action,
                                 item_id=self.item_id, reason=reason)
        except Exception as exc:  # noqa: BLE001 - shown to the user; the stack stays truthful
            self.on_error(f"Could not save the change to {self.field}: {exc}")
            return False
        self.on_change(self.item_id)
        return True

    def redo(self) -> None:
        ok = self._apply(self.new, action="edited", reason=None if self._first else "redo")
        if not ok and self._first:
            self.setObsolete(True)
        self._first = False

    def undo(self) -> None:
        self._apply(self.old, action="edited", reason="undo")
