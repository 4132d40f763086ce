"""Help ▸ User Guide: the guide shipped inside the package, shown offline in a QTextBrowser."""

from __future__ import annotations

from importlib import resources

from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget


def guide_text() -> str:
    """The user guide (Markdown), read from the installed package (a wheel or a frozen build)."""
    return resources.files("casefile.ui").joinpath("help", "guide.md").read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """The guide in its own window; links never leave the machine (external ones are not followed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Casefile User Guide")
        self.resize(760, 820)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.setMarkdown(guide_text())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
