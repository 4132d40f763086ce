"""Evidence provenance: identity, hashes, acquisitions, custody events, derivations, Verify this item."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from casefile.analyst import query as analyst
from casefile.errors import NotFound
from casefile.present.times import TimeDisplay
from casefile.store import Case
from casefile.ui.views.records import human_size


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


class _Mono(str):
    """A cell shown in a small fixed-width font (hashes, paths): fits the dock, copies whole."""


def _cell(c: object) -> str:
    if isinstance(c, _Mono):
        return f"<td><code style='font-size:small'>{_e(c)}</code></td>"
    return f"<td>{_e(c)}</td>"


def _table(headers: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th align='left'>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(_cell(c) for c in r) + "</tr>" for r in rows)
    return f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


def provenance_html(case: Case, item_id: str, td: TimeDisplay) -> str:
    """The provenance of one item as HTML (identity, hashes, acquisitions, events, derivations)."""
    try:
        item = case.resolve_item(item_id)
    except NotFound:
        return f"<p>No item {_e(item_id)} in this case.</p>"
    parts = [f"<h3>{_e(item['original_name'] or item['id'])}</h3>",
             _table(["Field", "Value"], [
                 ["Item id", item["id"]], ["Kind", item["kind"]], ["Type", item["mime"]],
                 ["Size", f"{human_size(item['size'])} ({item['size']} bytes)"],
                 ["SHA-256", _Mono(item["sha256"])], ["MD5", _Mono(item["md5"])],
                 ["Imported", td.fmt(item["created_at"])], ["Importer", item["importer"]],
                 ["Sensitive", "yes" if item["sensitive"] else "no"], ["Notes", item["notes"] or ""],
                 ["Stored at", _Mono(item["blob_path"])]])]
    parts.append(_analyst(case, item["id"]))
    if item["removed_at"]:
        parts.append(f"<p><b>Removed</b> {_e(td.fmt(item['removed_at']))}: {_e(item['removed_reason'])}</p>")
    acqs = case.acquisitions(item["id"])
    parts.append(f"<h4>Acquisitions ({len(acqs)})</h4>")
    parts.append("<ul>" + "".join(_acquisition(a, td) for a in acqs) + "</ul>")
    events = case.events(item["id"])
    parts.append(f"<h4>Custody events ({len(events)})</h4>")
    parts.append(_table(["#", "When", "Who", "Action", "What", "Event hash"], [
        [e["seq"], td.fmt(e["at"]), e["actor"], e["action"], _what(e), _Mono(e["hash"][:12] + "…")]
        for e in events]))
    ders = case.derivations(item["id"])
    parts.append(f"<h4>Derived working copies ({len(ders)})</h4>")
    parts.append(_table(["Kind", "Tool", "Version", "Parameters", "SHA-256"], [
        [d["kind"], d["tool"], d["tool_version"], d["params"], d["sha256"][:16] + "…"] for d in ders])
        if ders else "<p>None.</p>")
    return "".join(parts)


def _acquisition(a: Mapping[str, Any], td: TimeDisplay) -> str:
    """One acquisition as a short entry (a six-column table is unreadable in a narrow dock)."""
    lines = [f"<b>{_e(td.fmt(a['acquired_at']))}</b> — {_e(a['acquired_by'])}, {_e(a['method'])}"]
    origin = a["source_url"] or a["original_path"]
    if origin:
        lines.append(f"from <code style='font-size:small'>{_e(origin)}</code>")
    if a["original_mtime"]:
        lines.append(f"file time: {_e(td.fmt(a['original_mtime']))}")
    if a["note"]:
        lines.append(f"note: {_e(a['note'])}")
    return "<li>" + "<br>".join(lines) + "</li>"


def _analyst(case: Case, item_id: str) -> str:
    """Tags and linked claims."""
    tags = analyst.tags(case, item_id)
    claims = analyst.claims_of_item(case, item_id)
    text = {c.id: c.text for c in analyst.list_claims(case)} if claims else {}
    links = "; ".join(f"{rel}: {text.get(cid, cid)[:80]}" for cid, rel in claims)
    return (f"<p><b>Tags:</b> {_e(', '.join(tags) or 'none')}<br>"
            f"<b>Linked claims:</b> {_e(links or 'none')}</p>")


def _what(event: Mapping[str, Any]) -> str:
    d = event["details"]
    if "after" in d:
        return "changed " + ", ".join(f"{k}: {json.dumps(d['before'].get(k))} → {json.dumps(v)}"
                                      for k, v in d["after"].items())
    if event["action"] == "verified":
        return "integrity OK" if d.get("ok") else f"{len(d.get('problems', []))} problem(s)"
    return f"{event['target_table'] or ''}"


class ProvenanceDock(QDockWidget):
    """Follows the selection; 'Verify this item' asks the window to run the check."""

    verifyRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Evidence provenance", parent)
        self.setObjectName("ProvenanceDock")
        self.setAccessibleName("Evidence provenance")
        self.item_id: str | None = None
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Provenance details")
        self.browser.setOpenLinks(False)
        self.verify_button = QPushButton("&Verify this item")
        self.verify_button.setAccessibleName("Verify this item")
        self.verify_button.setEnabled(False)
        self.result = QLabel("")
        self.result.setWordWrap(True)
        self.result.setAccessibleName("Verification result")
        box = QWidget()
        lay = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.result, 1)
        lay.addLayout(row)
        lay.addWidget(self.browser)
        self.setWidget(box)
        self.verify_button.clicked.connect(lambda: self.item_id and self.verifyRequested.emit(self.item_id))

    def show_item(self, case: Case | None, item_id: str | None, td: TimeDisplay) -> None:
        self.item_id = item_id
        self.result.setText("")
        self.result.setStyleSheet("")
        self.verify_button.setEnabled(bool(case and item_id))
        if case is None or not item_id:
            self.browser.setHtml("<p>Select an item to see where it came from and who handled it.</p>")
            return
        self.browser.setHtml(provenance_html(case, item_id, td))

    def show_result(self, item_id: str, ok: bool, problems: list[str]) -> None:
        """Show the outcome of verifying this item."""
        if item_id != self.item_id:
            return
        if ok:
            self.result.setText("✔ Intact: files and records match the custody ledger.")
            self.result.setStyleSheet("color: #1a7f37; font-weight: bold;")
        else:
            self.result.setText("✘ TAMPERED OR DAMAGED: " + "; ".join(problems))
            self.result.setStyleSheet("color: #c62828; font-weight: bold;")
