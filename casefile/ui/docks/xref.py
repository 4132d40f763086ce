"""Cross-reference findings that involve the selected item; each linked item one click away.

Inputs read as labelled rows (times with their basis, places, distances, the aircraft); the exact
inputs stay behind a per-finding "Exact inputs (JSON)" toggle, so every number traces to them.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QDockWidget, QTextBrowser

from casefile.store import Case
from casefile.ui import adapters
from casefile.ui.adapters import field as f
from casefile.ui.docks.readable import Reader, inputs_html
from casefile.ui.timefmt import TimeDisplay

VERDICT_COLOR = {"consistent": "#1a7f37", "inconsistent": "#c62828", "undetermined": "#8a6d00"}
KIND_TITLE = {
    "photo-aircraft": "photo vs. flight track", "sun-position": "sun position vs. light in the photo",
    "claim-flights": "claim vs. flight records", "photo-duplicates": "same picture elsewhere",
    "time-photo-after-source": "capture time vs. publication",
    "time-claim-after-source": "claim vs. publication time",
    "time-source-vs-capture": "publication vs. collection time",
}


VERDICT_ORDER = {"inconsistent": 0, "undetermined": 1, "consistent": 2}


def findings_html(case: Case, item_id: str, td: TimeDisplay | None = None,
                  expanded: set[str] | frozenset = frozenset(), focus: str | None = None) -> str:
    """The findings for one item as HTML, linked items as item: links, the exact inputs of the
    findings in `expanded` shown as JSON (a json: link toggles them). The `focus` finding (the
    row chosen in the Findings view) comes first, then inconsistent, undetermined, consistent."""
    td = td or TimeDisplay()
    try:
        found = adapters.findings(case, item_id)
    except adapters.Unavailable as exc:
        return f"<p>Cross-reference is not available: {html.escape(str(exc))}.</p>"
    if not found:
        return "<p>No cross-reference findings involve this item.</p>"
    names = {r["id"]: r["original_name"] or r["id"] for r in case.rows("SELECT id, original_name FROM items")}
    found.sort(key=lambda fd: (f(fd, "id") != focus, VERDICT_ORDER.get(str(f(fd, "verdict")), 3)))
    out = []
    for fd in found:
        verdict, kind, fid = str(f(fd, "verdict")), str(f(fd, "kind")), str(f(fd, "id"))
        inputs = f(fd, "inputs") or {}
        reader = Reader(td, names, set(names))
        reader.learn(inputs)
        links = " · ".join(reader.ref(i) for i in f(fd, "item_ids") or () if i != item_id) or "—"
        assumptions = "".join(f"<li>{html.escape(str(a))}</li>" for a in f(fd, "assumptions") or ())
        title = KIND_TITLE.get(kind, kind)
        if fid in expanded:
            raw = html.escape(json.dumps(inputs, ensure_ascii=False, indent=1, default=str))
            exact = (f"<p><a href='json:{html.escape(fid)}'>▾ Exact inputs (JSON)</a></p>"
                     f"<pre style='font-size:small; white-space:pre-wrap'>{raw}</pre>")
        else:
            exact = f"<p><a href='json:{html.escape(fid)}'>▸ Exact inputs (JSON)</a></p>"
        chosen = "<p><small>▶ the finding selected in the list</small></p>" if fid == focus else ""
        color = VERDICT_COLOR.get(verdict, "#000")
        out.append(
            chosen + f"<h4 style='color:{color}'>{html.escape(verdict.upper())} — "
            f"{html.escape(title)}</h4>"
            f"<p><small>{html.escape(kind)} · confidence {float(f(fd, 'confidence') or 0):.0%}</small></p>"
            f"<p>{html.escape(str(f(fd, 'explanation')))}</p><p><b>Linked items:</b> {links}</p>"
            f"<p><b>Inputs:</b></p>{_readable(inputs, td, names)}"
            + (f"<p><b>Assumptions:</b></p><ul>{assumptions}</ul>" if assumptions else "")
            + exact)
    return "<hr>".join(out)


def _readable(inputs: dict, td: TimeDisplay, names: dict[str, str]) -> str:
    """The labelled rows; an input shape they cannot lay out points to the exact inputs instead."""
    try:
        return inputs_html(inputs, td, names, set(names))
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        return f"<p><i>These inputs are shown only as exact JSON below ({html.escape(str(exc))}).</i></p>"


class XrefDock(QDockWidget):
    """Emits itemActivated(item_id) when a linked item is clicked."""

    itemActivated = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__("Cross-reference findings", parent)
        self.setObjectName("XrefDock")
        self.setAccessibleName("Cross-reference findings")
        self.item_id: str | None = None
        self.case: Case | None = None
        self.td = TimeDisplay()
        self.expanded: set[str] = set()
        self.focus: str | None = None
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Findings for the selected item")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._clicked)
        self.setWidget(self.browser)

    def show_item(self, case: Case | None, item_id: str | None, td: TimeDisplay | None = None,
                  focus: str | None = None) -> None:
        """Show the findings of this item; `focus` (a finding id) first."""
        if item_id != self.item_id:
            self.expanded.clear()
        self.item_id, self.case, self.focus = item_id, case, focus
        if td is not None:
            self.td = td
        if case is None or not item_id:
            self.browser.setHtml("<p>Select an item to see the findings that involve it.</p>")
            return
        self.browser.setHtml(findings_html(case, item_id, self.td, self.expanded, focus))

    def toggle_exact(self, finding_id: str) -> None:
        """Show or hide one finding's exact inputs, keeping the reading position."""
        self.expanded.symmetric_difference_update({finding_id})
        if self.case is None or not self.item_id:
            return
        bar = self.browser.verticalScrollBar()
        pos = bar.value()
        self.browser.setHtml(findings_html(self.case, self.item_id, self.td, self.expanded, self.focus))
        bar.setValue(pos)

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("item:"):
            self.itemActivated.emit(text[5:])
        elif text.startswith("json:"):
            self.toggle_exact(text[5:])
