"""Save the README screenshots of the desktop application from a case (e.g. the demo case).

Usage: python resources/screenshots.py CASE OUT_DIR
Renders offscreen when there is no display. Writes the README's file names: photos-and-checks.png,
map.png, timeline.png and findings.png (the Findings view with the cross-reference dock enlarged).
A temporary settings folder keeps a saved window layout out of the pictures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    """Open CASE, show each view with a photo selected, and save one PNG per view."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="casefile-shots-")
    from PySide6.QtCore import QEventLoop, Qt, QTimer

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

    def inconsistent(item_id: str) -> int:
        try:
            return sum(fd.verdict == "inconsistent" for fd in adapters.findings(win.case, item_id))
        except adapters.Unavailable:
            return 0

    target = max(photos, key=warnings) if photos else win.case.items()[0]["id"]
    flagged = max(photos, key=inconsistent) if photos else target
    vertical = Qt.Orientation.Vertical
    for name, key, dock, item in (("photos-and-checks", "photos", win.metadata, target),
                                  ("map", "map", win.provenance, target),
                                  ("timeline", "timeline", win.provenance, target),
                                  ("findings", "findings", win.xref, flagged)):
        win.show_view(key)
        win.select_item(item)
        if key == "findings":                           # the photo's inconsistent finding, as clicked
            view = win.records
            for r in range(view.proxy.rowCount()):
                rec = view.model.rows[view.proxy.mapToSource(view.proxy.index(r, 0)).row()]
                if rec.verdict == "inconsistent" and item in rec.item_ids:
                    view.table.setCurrentIndex(view.proxy.index(r, 0))
                    break
        dock.raise_()
        if dock is win.metadata:
            win.metadata.tabs.setCurrentIndex(1)        # the checks
        if dock is win.xref:                            # the findings are what this picture shows
            win.resizeDocks([win.provenance, win.xref], [150, 750], vertical)
        else:
            win.resizeDocks([win.provenance, win.xref], [600, 220], vertical)
        settle()
        path = out / f"{name}.png"
        win.grab().save(str(path), "PNG")
        print(f"wrote {path}")
    win.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
