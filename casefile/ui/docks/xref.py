"""Cross-reference findings that involve the selected item; each linked item one click away.

Inputs read as labelled rows (times with their basis, places, distances, the aircraft); the exact
inputs stay behind a per-finding "Exact inputs (JSON)" toggle, so every number traces to them.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QDockWidget, QTextBrowser, QWidget

from casefile.model.findings import Finding
from casefile.present.findings import title as finding_title
from casefile.present.times import TimeDisplay
from casefile.store import Case
from casefile.store.reads import item_names
from casefile.ui.docks.readable import Reader, inputs_html
from casefile.xref.query import findings

VERDICT_COLOR = {"consistent": "#1a7f37", "inconsistent": "#c62828", "undetermined": "#8a6d00"}


VERDICT_ORDER = {"inconsistent": 0, "undetermined": 1, "consistent": 2}


def findings_html(case: Case, item_id: str, td: TimeDisplay | None = None,
                  expanded: set[str] | frozenset[str] = frozenset(), focus: str | None = None) -> str:
    """The findings for one item as HTML, linked items as item: links, the exact inputs of the
    findings in `expanded` shown as JSON (a json: link toggles them). The `focus` finding (the
    row chosen in the Findings view) comes first, then inconsistent, undetermined, consistent."""
    td = td or TimeDisplay()
    found = findings(case, item_id)
    if not found:
        return "<p>No cross-reference findings involve this item.</p>"
    names = item_names(case)
    found.sort(key=lambda fd: (fd.id != focus, VERDICT_ORDER.get(fd.verdict, 3)))
    return "<hr>".join(_finding_html(fd, item_id, td, names, fd.id in expanded, fd.id == focus)
                       for fd in found)


def _finding_html(fd: Finding, item_id: str, td: TimeDisplay, names: dict[str, str], expanded: bool,
                  chosen: bool) -> str:
    """One finding: verdict, explanation, linked items, readable inputs, assumptions, exact inputs."""
    reader = Reader(td, names, set(names))
    reader.learn(fd.inputs)
    links = " · ".join(reader.ref(i) for i in fd.item_ids if i != item_id) or "—"
    assumptions = "".join(f"<li>{html.escape(a)}</li>" for a in fd.assumptions)
    title = finding_title(fd.kind)
    fid = html.escape(fd.id)
    if expanded:
        raw = html.escape(json.dumps(fd.inputs, ensure_ascii=False, indent=1, default=str))
        exact = (f"<p><a href='json:{fid}'>▾ Exact inputs (JSON)</a></p>"
                 f"<pre style='font-size:small; white-space:pre-wrap'>{raw}</pre>")
    else:
        exact = f"<p><a href='json:{fid}'>▸ Exact inputs (JSON)</a></p>"
    lead = "<p><small>▶ the finding selected in the list</small></p>" if chosen else ""
    color = VERDICT_COLOR.get(fd.verdict, "#000")
    return (lead + f"<h4 style='color:{color}'>{html.escape(fd.verdict.upper())} — {html.escape(title)}</h4>"
            f"<p><small>{html.escape(fd.confidence_note or f'Confidence {fd.confidence:.2f}.')}"
            "</small></p>"
            f"<p>{html.escape(fd.explanation)}</p><p><b>Linked items:</b> {links}</p>"
            f"<p><b>Inputs:</b></p>{_readable(fd.inputs, td, names)}"
            + (f"<p><b>Assumptions:</b></p><ul>{assumptions}</ul>" if assumptions else "")
            + exact)


def _readable(inputs: dict[str, Any], td: TimeDisplay, names: dict[str, str]) -> str:
    """The labelled rows; an input shape they cannot lay out points to the exact inputs instead."""
    try:
        return inputs_html(inputs, td, names, set(names))
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        return f"<p><i>These inputs are shown only as exact JSON below ({html.escape(str(exc))}).</i></p>"


class XrefDock(QDockWidget):
    """Emits itemActivated(item_id) when a linked item is clicked."""

    itemActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
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
