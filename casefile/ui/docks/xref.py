"""Cross-reference findings that involve the selected item; each linked item one click away."""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QDockWidget, QTextBrowser

from casefile.store import Case
from casefile.ui import adapters
from casefile.ui.adapters import field as f

VERDICT_COLOR = {"consistent": "#1a7f37", "inconsistent": "#c62828", "undetermined": "#8a6d00"}


def findings_html(case: Case, item_id: str) -> str:
    """The findings for one item as HTML, linked items as item: links."""
    try:
        found = adapters.findings(case, item_id)
    except adapters.Unavailable as exc:
        return f"<p>Cross-reference is not available: {html.escape(str(exc))}.</p>"
    if not found:
        return "<p>No cross-reference findings involve this item.</p>"
    names = {r["id"]: r["original_name"] for r in case.rows("SELECT id, original_name FROM items")}
    out = []
    for fd in found:
        verdict = str(f(fd, "verdict"))
        links = " · ".join(
            f"<a href='item:{html.escape(i)}'>{html.escape(names.get(i) or i)}</a>"
            for i in f(fd, "item_ids") or () if i != item_id) or "—"
        inputs = "".join(
            f"<li><b>{html.escape(str(k))}</b>: <code>"
            f"{html.escape(json.dumps(v, ensure_ascii=False, default=str))}</code></li>"
            for k, v in (f(fd, "inputs") or {}).items())
        assumptions = "".join(f"<li>{html.escape(str(a))}</li>" for a in f(fd, "assumptions") or ())
        out.append(
            f"<h4 style='color:{VERDICT_COLOR.get(verdict, '#000')}'>{html.escape(verdict.upper())} — "
            f"{html.escape(str(f(fd, 'kind')))} ({float(f(fd, 'confidence') or 0):.0%})</h4>"
            f"<p>{html.escape(str(f(fd, 'explanation')))}</p><p><b>Linked items:</b> {links}</p>"
            f"<p><b>Inputs:</b></p><ul>{inputs}</ul>"
            + (f"<p><b>Assumptions:</b></p><ul>{assumptions}</ul>" if assumptions else ""))
    return "<hr>".join(out)


class XrefDock(QDockWidget):
    """Emits itemActivated(item_id) when a linked item is clicked."""

    itemActivated = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__("Cross-reference findings", parent)
        self.setObjectName("XrefDock")
        self.setAccessibleName("Cross-reference findings")
        self.item_id: str | None = None
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Findings for the selected item")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._clicked)
        self.setWidget(self.browser)

    def show_item(self, case: Case | None, item_id: str | None) -> None:
        self.item_id = item_id
        if case is None or not item_id:
            self.browser.setHtml("<p>Select an item to see the findings that involve it.</p>")
            return
        self.browser.setHtml(findings_html(case, item_id))

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("item:"):
            self.itemActivated.emit(text[5:])
