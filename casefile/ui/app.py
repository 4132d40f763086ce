"""Entry point: `casefile gui [CASE] [--screenshot out.png]` calls run()."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from casefile import __version__

if TYPE_CHECKING:
    from casefile.ui.mainwindow import MainWindow

APP_ID = "org.casefile.Casefile"


def application() -> QApplication:
    """The QApplication (created once), with names used by QSettings and the desktop."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("Casefile")
    QCoreApplication.setApplicationName("Casefile")
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = Path(__file__).with_name("icons") / "casefile.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run(case_path: str | None, screenshot: str | None = None, investigator: str | None = None) -> int:
    """Open the window (and the case); with screenshot, render once, save the PNG and exit 0."""
    if screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # a picture needs no screen
    app = application()
    from casefile.ui.mainwindow import MainWindow

    win = MainWindow(investigator=investigator)
    if case_path:
        ok = win.open_case(case_path)
        if not ok and screenshot:
            print(f"casefile: error: {win.messages[-1][1]}", file=sys.stderr)
            return 1
    win.show()
    if screenshot:
        return _screenshot(app, win, screenshot)
    return app.exec()


def _screenshot(app: QApplication, win: MainWindow, out: str) -> int:
    if win.case is not None:
        first = win.records.model.item_id(0) if win.records.model.rows else None
        photo = next((r["id"] for r in win.case.items("photo")), None)
        chosen = photo or first
        if chosen:
            win.select_item(chosen)
    loop = QEventLoop()
    QTimer.singleShot(1500, loop.quit)     # let thumbnails and images arrive
    loop.exec()
    ok = win.grab().save(out, "PNG")
    win.close()
    if not ok:
        print(f"casefile: error: cannot write the screenshot to {out}", file=sys.stderr)
        return 1
    return 0
