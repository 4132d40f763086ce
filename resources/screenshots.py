"""Save the README screenshots of the desktop application from a case (e.g. the demo case).

Usage: python resources/screenshots.py CASE OUT_DIR
Renders offscreen when there is no display. Views: photos, map, timeline, findings.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Open CASE, show each view with a photo selected, and save one PNG per view."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from casefile.ui.app import application
    from casefile.ui.mainwindow import MainWindow

    case_path, out = argv[0], Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    win = MainWindow()
    win.resize(1500, 900)
    if not win.open_case(case_path):
        print(win.messages[-1][1], file=sys.stderr)
        return 1
    win.show()

    def settle(ms: int = 800) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    assert win.case is not None
    from casefile.ui import adapters

    photos = [r["id"] for r in win.case.items() if r["kind"] == "photo"]

    def warnings(item_id: str) -> int:
        try:
            return sum(c.severity == "warning" for c in adapters.photo_checks(win.case, item_id))
        except adapters.Unavailable:
            return 0

    target = max(photos, key=warnings) if photos else win.case.items()[0]["id"]
    for key, dock in (("photos", win.metadata), ("map", win.provenance), ("timeline", win.xref),
                      ("findings", win.xref), ("all", win.provenance)):
        win.show_view(key)
        win.select_item(target)
        dock.raise_()
        if dock is win.metadata:
            win.metadata.tabs.setCurrentIndex(1)        # the checks
        settle()
        path = out / f"{key}.png"
        win.grab().save(str(path), "PNG")
        print(f"wrote {path}")
    win.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
