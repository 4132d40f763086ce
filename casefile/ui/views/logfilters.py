"""The custody log's filters: by kind of action, by file or record, and every event unfolded."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from casefile.ui.views import custody
from casefile.ui.views.records import Names


class LogFilters(QWidget):
    """Two choices and a checkbox beside the log's text filter; emits changed() when one moves."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of action")
        self.record = QComboBox()
        self.record.setAccessibleName("File or record")
        self.record.setMinimumContentsLength(28)
        self.every = QCheckBox("Every event")
        self.every.setAccessibleName("Show every ledger event unfolded")
        self.every.setToolTip("Each ledger event on its own row, the bookkeeping ones too")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.kind, self.record, self.every):
            layout.addWidget(w)
        self.kind.activated.connect(lambda _i: self.changed.emit())
        self.record.activated.connect(lambda _i: self.changed.emit())
        self.every.toggled.connect(lambda _on: self.changed.emit())

    def fill(self, entries: list[custody.LogEntry], nm: Names) -> list[custody.LogEntry]:
        """Offer the kinds and records this log holds (keeping the choices made) and return the
        entries that pass them."""
        if self.every.isChecked() and entries:
            entries = _unfolded(entries)
        kind, record = self.kind.currentData(), self.record.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem("Every kind of action", "")
        for key, title in custody.kinds_present(entries):
            self.kind.addItem(title, key)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.kind.blockSignals(False)
        self.record.blockSignals(True)
        self.record.clear()
        self.record.addItem("Every file and record", "")
        seen: dict[str, str] = {}
        for e in entries:
            for rid in (e.item_id, e.record_id):
                if rid and rid not in seen and rid in nm.refs:
                    seen[rid] = nm.label(rid) if rid in nm.files else _about(e, rid, nm)
        for rid, text in sorted(seen.items(), key=lambda kv: _ref_key(nm.refs.get(kv[0], ""))):
            self.record.addItem(text, rid)
        self.record.setCurrentIndex(max(self.record.findData(record), 0))
        self.record.blockSignals(False)
        return custody.only(entries, self.kind.currentData() or None, self.record.currentData() or None)

    def choose(self, kind: str | None = None, record: str | None = None) -> None:
        """Pick a kind and/or record (tests, and a click elsewhere that asks for one record's log)."""
        if kind is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        if record is not None:
            self.record.setCurrentIndex(max(self.record.findData(record), 0))
        self.changed.emit()


def _about(e: custody.LogEntry, rid: str, nm: Names) -> str:
    ref = nm.refs.get(rid, "")
    words = e.what.split(ref, 1)[1].strip() if ref and ref in e.what else ""
    return f"{ref} {words}".strip() if words else ref


def _ref_key(ref: str) -> tuple[str, int]:
    digits = "".join(ch for ch in ref if ch.isdigit())
    return ref[:1], int(digits or 0)


def _unfolded(entries: list[custody.LogEntry]) -> list[custody.LogEntry]:
    """Each folded event as its own row, named by its own action."""
    out: list[custody.LogEntry] = []
    for e in entries:
        out.append(custody.LogEntry(e.seq, e.at, e.actor, e.action, e.kind, e.what, e.item_id,
                                    e.record_id, e.hash))
        for r in e.folded:
            words = custody.SEALS.get(r["action"], r["action"].replace("-", " "))
            table = custody.TABLES.get(r["target_table"] or "")
            out.append(custody.LogEntry(r["seq"], r["at"], r["actor"], r["action"], e.kind,
                                        f"  ↳ {words}" + (f" ({table})" if table else ""),
                                        r["item_id"], None, r["hash"]))
    return sorted(out, key=lambda x: x.seq)
