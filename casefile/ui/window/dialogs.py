"""Dialogs: new case, settings, about."""

from __future__ import annotations

import platform
import sqlite3
from pathlib import Path

import PySide6
from PySide6.QtCore import QSettings, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from casefile import __version__
from casefile import settings as user_settings
from casefile.errors import CasefileError
from casefile.timeutil import get_zone
from casefile.ui.window.qsettings import int_value, str_value

OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel


def _zone_ok(text: str) -> bool:
    try:
        get_zone(text)
    except (CasefileError, ValueError, KeyError):
        return False
    return True


class NewCaseDialog(QDialog):
    """Title, folder, investigator and default time zone of a new case."""

    def __init__(self, parent: QWidget | None, investigator: str, default_tz: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Case")
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.title.setAccessibleName("Case title")
        self.folder = QLineEdit(str(Path.home()))
        self.folder.setAccessibleName("Case folder")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        self.name = QLineEdit()
        self.name.setPlaceholderText("case name (folder NAME.casefile)")
        self.name.setAccessibleName("Case folder name")
        self.investigator = QLineEdit(investigator)
        self.investigator.setAccessibleName("Investigator")
        self.tz = QLineEdit(default_tz)
        self.tz.setPlaceholderText("e.g. Europe/Berlin (empty: decide per item)")
        self.tz.setAccessibleName("Default time zone")
        form.addRow("&Title:", self.title)
        form.addRow("&Location:", row)
        form.addRow("&Name:", self.name)
        form.addRow("&Investigator:", self.investigator)
        form.addRow("Default time &zone:", self.tz)
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        d = QFileDialog.getExistingDirectory(self, "Where to create the case", self.folder.text())
        if d:
            self.folder.setText(d)

    def path(self) -> Path:
        name = self.name.text().strip() or self.title.text().strip().replace("/", "-")
        return Path(self.folder.text()) / name

    def _accept(self) -> None:
        if not self.title.text().strip():
            QMessageBox.warning(self, "New Case", "A case needs a title.")
        elif self.tz.text().strip() and not _zone_ok(self.tz.text().strip()):
            QMessageBox.warning(self, "New Case", f"Unknown time zone: {self.tz.text().strip()}")
        else:
            self.accept()


class SettingsDialog(QDialog):
    """Investigator name (shared with the command line), default time zone, thumbnail size."""

    def __init__(self, parent: QWidget | None, qs: QSettings) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.qs = qs
        form = QFormLayout(self)
        self.investigator = QLineEdit(user_settings.load().get("investigator", ""))
        self.investigator.setAccessibleName("Investigator name")
        self.investigator.setPlaceholderText(user_settings.investigator())
        self.tz = QLineEdit(str_value(qs, "default_tz"))
        self.tz.setAccessibleName("Default time zone")
        self.tz.setPlaceholderText("e.g. UTC or Europe/Berlin")
        self.thumb = QSpinBox()
        self.thumb.setRange(64, 256)
        self.thumb.setSingleStep(16)
        self.thumb.setSuffix(" px")
        self.thumb.setValue(int_value(qs, "thumbnail_size", 160))
        self.thumb.setAccessibleName("Thumbnail size")
        form.addRow("&Investigator name:", self.investigator)
        form.addRow("Default time &zone for new cases:", self.tz)
        form.addRow("&Thumbnail size:", self.thumb)
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        tz = self.tz.text().strip()
        if tz and not _zone_ok(tz):
            QMessageBox.warning(self, "Settings", f"Unknown time zone: {tz}")
            return
        self.save()
        self.accept()

    def save(self) -> None:
        values = user_settings.load()
        name = self.investigator.text().strip()
        if name:
            values["investigator"] = name
        else:
            values.pop("investigator", None)
        user_settings.save(values)
        self.qs.setValue("default_tz", self.tz.text().strip())
        self.qs.setValue("thumbnail_size", self.thumb.value())


def about_text() -> str:
    """Versions and licences for Help > About."""
    return (f"<h3>Casefile {__version__}</h3>"
            "<p>Offline evidence workbench for open-source investigators. It never contacts the network.</p>"
            f"<p>Python {platform.python_version()} · Qt {qVersion()} · PySide6 {PySide6.__version__} · "
            f"SQLite {sqlite3.sqlite_version}</p>"
            "<p><b>Licences</b>: Casefile is GPL-3.0-or-later. Qt and PySide6 are LGPL-3.0. "
            "Map data: Natural Earth (public domain), TopoJSON packaging by world-atlas (ISC). "
            "Airport data: airportsdata (MIT).</p>")


def show_about(parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle("About Casefile")
    box.setText(about_text())
    box.open()
    return box
