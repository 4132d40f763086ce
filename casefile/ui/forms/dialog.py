"""One small form dialog for every edit: fields declared as data, values read back as a dict."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel


@dataclass
class Field:
    """One input: text (one line), long (several lines) or choice (from a list)."""

    name: str
    label: str
    kind: str = "text"
    choices: Sequence[tuple[str, str]] = ()      # (value, what the person reads)
    value: str = ""
    hint: str = ""
    required: bool = False


class FormDialog(QDialog):
    """A form of Fields; `values()` gives {name: text or chosen value} ("" when left empty)."""

    def __init__(self, parent: QWidget | None, title: str, fields: Sequence[Field], *,
                 intro: str = "", check: Callable[[dict[str, str]], str | None] | None = None) -> None:
        QDialog.__init__(self, parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.fields = list(fields)
        self.check = check
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout(self)
        if intro:
            note = QLabel(intro, wordWrap=True)
            form.addRow(note)
        for f in self.fields:
            w: QWidget
            if f.kind == "choice":
                box = QComboBox()
                for value, text in f.choices:
                    box.addItem(text, value)
                at = box.findData(f.value)
                box.setCurrentIndex(max(at, 0))
                w = box
            elif f.kind == "long":
                edit = QPlainTextEdit(f.value)
                edit.setPlaceholderText(f.hint)
                edit.setMinimumHeight(70)
                w = edit
            else:
                line = QLineEdit(f.value)
                line.setPlaceholderText(f.hint)
                w = line
            w.setAccessibleName(f.label.replace("&", "").rstrip(":"))
            self.widgets[f.name] = w
            form.addRow(f.label, w)
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def set_value(self, name: str, value: str) -> None:
        """Fill a field (tests and pre-filled forms)."""
        w = self.widgets[name]
        if isinstance(w, QComboBox):
            w.setCurrentIndex(max(w.findData(value), 0))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value)
        elif isinstance(w, QLineEdit):
            w.setText(value)

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, w in self.widgets.items():
            if isinstance(w, QComboBox):
                out[name] = str(w.currentData() or "")
            elif isinstance(w, QPlainTextEdit):
                out[name] = w.toPlainText().strip()
            elif isinstance(w, QLineEdit):
                out[name] = w.text().strip()
        return out

    def _accept(self) -> None:
        vals = self.values()
        missing = [f.label.replace("&", "").rstrip(":") for f in self.fields
                   if f.required and not vals.get(f.name)]
        problem = (f"Please fill in: {', '.join(missing)}." if missing
                   else self.check(vals) if self.check else None)
        if problem:
            QMessageBox.warning(self, self.windowTitle(), problem)
            return
        self.accept()


def split_list(text: str) -> list[str]:
    """Comma- or line-separated values, trimmed, empty ones dropped."""
    return [p.strip() for p in text.replace("\n", ",").split(",") if p.strip()]
