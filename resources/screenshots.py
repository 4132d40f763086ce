"""Save the README screenshots of the desktop application from the demo case, at 1400×860.

Usage: python resources/screenshots.py CASE OUT_DIR
Renders offscreen when there is no display; a temporary settings folder keeps a saved window
layout and recent cases out of the pictures. One PNG per view (see SHOTS), each with a record
selected the way a person would select it. `casefile gui CASE --screenshot PNG --view NAME
--select REF` makes any single one of them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

#: file name, view, record selected (a short reference), the panel in front
SHOTS = [
    ("start", "start", None, None),
    ("all-evidence", "all", "P6", "provenance"),
    ("source-selected", "sources", "S1", "details"),
    ("claim-selected", "claims", "C2", "details"),
    ("photos-and-checks", "photos", "P6", "metadata"),
    ("flights", "flights", "F1", "provenance"),
    ("entities", "entities", "E2", "details"),
    ("findings", "findings", None, "details"),
    ("map", "map", None, "details"),
    ("map-zoomed-slider", "map", "P1", "details"),
    ("timeline", "timeline", "C2", "details"),
    ("custody-log", "ledger", None, "provenance"),
]


def main(argv: list[str]) -> int:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="casefile-shots-")
    from PySide6.QtCore import QEventLoop, QTimer

    from casefile.store.refs import resolve
    from casefile.ui.app import application
    from casefile.ui.window.main import MainWindow

    case_path, out = argv[0], Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = application()

    def settle(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    for name, view, ref, dock in SHOTS:
        win = MainWindow()
        win.resize(1400, 860)
        win.show()
        if view != "start":
            if not win.open_case(case_path):
                print(win.messages[-1][1], file=sys.stderr)
                return 1
            assert win.case is not None
            loaded: list[str] = []
            win.viewLoaded.connect(loaded.append)
            win.show_view(view)
            for _ in range(300):
                if view not in ("map", "timeline") or view in loaded:
                    break
                settle(100)
            if view == "findings":                     # an inconsistent finding, as clicked
                rows = win.records.model.rows
                pick = next((i for i, f in enumerate(rows) if f.verdict == "inconsistent"), 0)
                idx = win.records.proxy.mapFromSource(win.records.model.index(pick, 1))
                win.records.table.setCurrentIndex(idx)
            elif ref:
                rid = resolve(win.case, ref)
                win.select_item(rid)
                win.records.select_item(rid)
                win.photos.select_item(rid)
                if view == "map":
                    ph = win.map.data.photos.get(rid)
                    win.map.zoom_to_selection()
                    if ph is not None and ph.t is not None:
                        win.map_pane.set_time(ph.t)
            elif view == "map" and win.map_pane.span is not None:
                win.map_pane.slider.setValue(430)
            panels = {"details": win.details, "provenance": win.provenance, "metadata": win.metadata}
            panel = panels.get(dock or "")
            if panel is not None:
                panel.raise_()
            if dock == "metadata":
                win.metadata.tabs.setCurrentIndex(1)        # the checks
        settle(1800)                                        # thumbnails, the slider's moment
        ok = win.grab().save(str(out / f"{name}.png"), "PNG")
        print(f"{'wrote' if ok else 'FAILED'} {out / (name + '.png')}")
        win.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
