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
    from casefile.ui.window.main import MainWindow

APP_ID = "org.casefile.Casefile"
#: seconds a thread that wants the GIL waits before the holder is asked to let go (Python's default
#: is 0.005). Painting a table calls Python once per cell, and each call waited up to that long
#: while a worker thread sorted or indexed: 100,000 rows sorted in a worker held the window
#: 180-217 ms at 0.005 and 44-65 ms at 0.0005 in the same load (benchmarks/gui.py tables).
GIL_SWITCH_S = 0.0005


def application() -> QApplication:
    """The QApplication (created once), with names used by QSettings and the desktop."""
    sys.setswitchinterval(GIL_SWITCH_S)
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


#: what `--view` accepts: the navigator's entries, and "start" for the first-run page
VIEWS = ("start", "all", "sources", "claims", "photos", "flights", "entities", "findings", "map",
         "timeline", "ledger")


def run(case_path: str | None, screenshot: str | None = None, investigator: str | None = None, *,
        view: str | None = None, select: str | None = None) -> int:
    """Open the window (and the case); with screenshot, show `view` with `select` (a short
    reference such as C4, or an id) selected, save the PNG and exit 0."""
    if screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # a picture needs no screen
    if view is not None and view not in VIEWS:
        print(f"casefile: error: --view: no view {view!r} (choose {', '.join(VIEWS)})", file=sys.stderr)
        return 2
    app = application()
    from casefile.ui.window.main import MainWindow

    win = MainWindow(investigator=investigator)
    if screenshot:
        win.resize(1400, 860)                  # the documented size, whatever was saved last time
    if case_path and view != "start":
        ok = win.open_case(case_path)
        if not ok and screenshot:
            print(f"casefile: error: {win.messages[-1][1]}", file=sys.stderr)
            return 1
    win.show()
    if screenshot:
        return _screenshot(app, win, screenshot, view, select)
    return app.exec()


def _settle(win: MainWindow, ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _resolve(win: MainWindow, select: str) -> str | None:
    from casefile.errors import CasefileError
    from casefile.store.refs import KINDS
    from casefile.store.resolve import resolve

    assert win.case is not None
    try:
        return resolve(win.case, select, "".join(KINDS))
    except CasefileError as exc:
        print(f"casefile: error: --select: {exc}", file=sys.stderr)
        return None


def _screenshot(app: QApplication, win: MainWindow, out: str, view: str | None, select: str | None) -> int:
    chosen: str | None = None
    if win.case is not None:
        if select:
            chosen = _resolve(win, select)
            if chosen is None:
                win.close()
                return 1
        else:
            first = win.records.model.item_id(0) if win.records.model.rows else None
            chosen = next((r["id"] for r in win.case.items("photo")), None) or first
        if view and view != "all":
            if view in ("map", "timeline"):
                with _waiting(win, view):
                    win.show_view(view)
            else:
                win.show_view(view)
        if chosen:
            win.select_item(chosen)
            if view in (None, "all", "sources", "claims", "entities", "findings", "ledger"):
                win.records.select_item(chosen)
        if view == "map" and chosen and select:
            _map_moment(win, chosen)
    _settle(win, 1500)                           # let thumbnails and images arrive
    ok = win.grab().save(out, "PNG")
    win.close()
    if not ok:
        print(f"casefile: error: cannot write the screenshot to {out}", file=sys.stderr)
        return 1
    return 0


class _waiting:
    """Wait (up to 60 s) for a view read off the UI thread to arrive."""

    def __init__(self, win: MainWindow, key: str) -> None:
        self.win, self.key, self.done = win, key, False

    def _loaded(self, key: str) -> None:
        self.done = self.done or key == self.key

    def __enter__(self) -> None:
        self.win.viewLoaded.connect(self._loaded)

    def __exit__(self, *exc: object) -> None:
        for _ in range(600):
            if self.done:
                break
            _settle(self.win, 100)
        self.win.viewLoaded.disconnect(self._loaded)


def _map_moment(win: MainWindow, chosen: str) -> None:
    """The map for a selected photo: zoomed to it, the slider at the moment it was taken."""
    pane = win.map_pane
    ph = win.map.data.photos.get(chosen)
    win.map.zoom_to_selection()
    if ph is not None and ph.t is not None:
        pane.set_time(ph.t)
    elif pane.span is not None:
        pane.slider.setValue(500)
    for _ in range(300):
        _settle(win, 50)
        if not pane.pending:
            break
