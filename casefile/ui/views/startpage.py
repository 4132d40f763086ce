"""The first page, before a case is open: what Casefile is and the ways to begin."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

INTRO = ("Casefile keeps an investigation — sources and what they claim, photos, flight records — in "
         "one case folder on this computer, checks them against each other and writes the report. "
         "It never contacts the network. Every change is kept in the case's custody log.")


class StartPage(QWidget):
    """Buttons for the demo, a new case, an existing case, a bundle; the recent cases."""

    demoRequested = Signal()
    newRequested = Signal()
    openRequested = Signal()
    bundleRequested = Signal()
    recentChosen = Signal(str)
    guideRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Start page")
        title = QLabel("<h1>Casefile</h1>")
        intro = QLabel(INTRO, wordWrap=True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        rows = [("demo", "Open the demo case", "A training case on a real 2019 news story, with illustrative "
                 "flight records and synthetic photos (all labelled as such). Built on this machine.",
                 self.demoRequested),
                ("new", "New case…", "Start an investigation: a title, a folder, the default time zone.",
                 self.newRequested),
                ("open", "Open case…", "A NAME.casefile folder on this computer.", self.openRequested),
                ("bundle", "Open a bundle…", "Restore a case bundle someone sent you, verify it, open it.",
                 self.bundleRequested),
                ("guide", "User guide", "How to run an investigation here (F1 at any time).",
                 self.guideRequested)]
        for i, (key, text, tip, signal) in enumerate(rows):
            button = QPushButton(text)
            button.setMinimumWidth(220)
            button.setMinimumHeight(36)
            button.setAccessibleName(text.rstrip("…"))
            button.clicked.connect(signal)
            self.buttons[key] = button
            grid.addWidget(button, i, 0)
            grid.addWidget(QLabel(tip, wordWrap=True), i, 1)
        grid.setColumnStretch(1, 1)
        self.recent_title = QLabel("<b>Recent cases</b>")
        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent cases")
        self.recent.setMaximumHeight(180)
        self.recent.itemClicked.connect(self._chosen)
        self.hint = QLabel("You can also drop a case folder, or files to import, on this window.")
        box = QWidget()
        box.setMaximumWidth(820)
        inner = QVBoxLayout(box)
        for w in (title, intro):
            inner.addWidget(w)
        inner.addSpacing(12)
        inner.addLayout(grid)
        inner.addSpacing(12)
        inner.addWidget(self.recent_title)
        inner.addWidget(self.recent)
        inner.addWidget(self.hint)
        box.setMinimumWidth(760)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        outer.addStretch(1)

    def _chosen(self, it: QListWidgetItem) -> None:
        self.recentChosen.emit(str(it.data(Qt.ItemDataRole.UserRole)))

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for p in paths:
            path = Path(p)
            it = QListWidgetItem(f"{path.name}    {html.unescape(str(path.parent))}")
            it.setData(Qt.ItemDataRole.UserRole, p)
            it.setToolTip(p if path.exists() else f"{p} (not found)")
            self.recent.addItem(it)
        self.recent.setVisible(bool(paths))
        self.recent_title.setVisible(bool(paths))
