"""Screenshots of the window's issue-26 work, made from a case built of files the work was NOT
tuned on (the tests use SPAR19, fr24-2ce4f83f): Turkish Airlines TK1745 Istanbul → Oslo
(fr24-372355e5.json) and four GPS photos from exif-samples (DSCN0021/25/27/29).

Usage: python resources/window_shots.py OUT_DIR
Renders offscreen when there is no display, at 1400×860, one PNG per item of the issue.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
TRACK = CORPORA / "flights/traffic/fr24-372355e5.json"
PHOTOS = [CORPORA / "exif-samples/jpg/gps" / f"DSCN00{n}.jpg" for n in (21, 25, 27, 29)]


def main(argv: list[str]) -> int:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="casefile-shots-")
    from PySide6.QtCore import QEventLoop, QRectF, QTimer, QUrl
    from PySide6.QtWidgets import QDialog

    from casefile.analyst import query as analyst
    from casefile.ui.app import application
    from casefile.ui.forms.claims import NO_SOURCE
    from casefile.ui.window import edit_form
    from casefile.ui.window.exports import report_dialog
    from casefile.ui.window.main import MainWindow

    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    app = application()

    def settle(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def until(cond, ms: int = 60000) -> None:  # type: ignore[no-untyped-def]
        for _ in range(ms // 50):
            if cond():
                return
            settle(50)

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        ok = widget.grab().save(str(out / f"{name}.png"), "PNG")
        print(f"{'wrote' if ok else 'FAILED'} {out / (name + '.png')}")

    win = MainWindow()
    win.resize(1400, 860)
    win.show()
    path = Path(tempfile.mkdtemp()) / "tk1745"
    win.create_case(path, "TK1745 Istanbul to Oslo (held-out check)", default_tz="Europe/Oslo")
    op = win.import_files([str(TRACK), *map(str, PHOTOS)])
    until(lambda: op is not None and op.done, 180000)
    until(lambda: win.edits.idle)

    def form(action: str, rid: str | None, values: dict[str, str]) -> None:
        dlg = edit_form.ask(win, action, rid)
        assert dlg is not None
        for k, v in values.items():
            dlg.set_value(k, v)
        dlg._accept()
        until(lambda: win.edits.idle)
        settle(300)

    form("add-source", None, {"title": "Flightradar24 playback of TK1745", "kind": "flight-tracker-page",
                              "url": "https://www.flightradar24.com/data/flights/tk1745"})
    form("add-source", None, {"title": "Passenger post about the landing", "kind": "social-media-post"})
    s1 = analyst.list_sources(win.case)[0].id
    form("add-claim", s1, {"text": "TK1745 landed at Oslo Gardermoen on 17 September", "kind": "arrival",
                           "start": "2024-09-17", "tz": "Europe/Oslo", "place": "ENGM", "source": s1})
    form("add-claim", None, {"text": "A second Turkish aircraft followed it to Oslo", "kind": "presence",
                             "start": "2024-09-17 13:00", "end": "2024-09-17 15:00", "tz": "Europe/Oslo",
                             "source": NO_SOURCE})
    photos = {it["original_name"]: it["id"] for it in win.case.items()}
    placed = photos["DSCN0021.jpg"]
    form("place-photo", placed, {"lat": "60.1939", "lon": "11.1004",
                                 "note": "terminal roof matched on the airport diagram"})

    # 1. every Details link does what it says: a photo's page, and the form its link opens
    win.show_view("all")
    win.select_item(placed)
    win.details.raise_()
    settle(800)
    save(win, "i26-1-details-links")
    win.details.browser.anchorClicked.emit(QUrl(f"do:aircraft-tag:{placed}"))
    settle(300)
    dlg = win.findChildren(QDialog)[-1]
    dlg.set_value("ref", "TC-JVF")  # type: ignore[attr-defined]
    save(dlg, "i26-1-link-opens-its-form")
    dlg.reject()

    # 2. export by format: the report dialog with DOCX chosen
    rd = report_dialog(win, "docx")
    assert rd is not None
    settle(300)
    save(rd, "i26-2-export-docx")
    rd.reject()

    # 3. claims: sources and windows as people read them; the one with no source marked
    win.show_view("claims")
    claims = analyst.list_claims(win.case)
    win.select_item(claims[0].id)
    win.records.select_item(claims[0].id)
    win.details.raise_()
    settle(800)
    save(win, "i26-3-claims-sources-and-windows")

    # 4. the file's own GPS beside the analyst's place
    win.show_view("photos")
    win.select_item(placed)
    win.photos.select_item(placed)
    win.metadata.raise_()
    settle(1500)
    save(win, "i26-4-own-gps-beside-place")

    # 6. callsigns: the Flights table; the aircraft among the entities
    win.show_view("flights")
    win.details.raise_()
    settle(500)
    save(win, "i26-6-flights-callsigns")
    win.show_view("entities")
    rows = win.records.model.rows
    if rows:
        win.select_item(rows[-1].id)
        win.records.select_item(rows[-1].id)
    settle(500)
    save(win, "i26-6-entities-aircraft-seen")

    # 5. playback: the selected flight, mid-flight, tracks coloured by altitude
    loaded: list[str] = []
    win.viewLoaded.connect(loaded.append)
    win.show_view("map")
    until(lambda: "map" in loaded)
    pane = win.map_pane
    track = photos[TRACK.name]
    win.select_item(track)
    pane.span_box.setCurrentIndex(pane.span_box.findData("selection"))
    win.set_slider_span("selection")
    pane.altitude_box.setChecked(True)
    pane.speed.setCurrentIndex(pane.speed.findData(300))
    assert pane.span is not None
    pane.set_time(pane.span[0] + (pane.span[1] - pane.span[0]) * 0.45)
    until(lambda: not pane.pending)
    settle(800)
    save(win, "i26-5-playback-selected-flight")

    # 7. runways at airport zoom: Oslo Gardermoen, the photo placed on it, the landing
    pane.span_box.setCurrentIndex(pane.span_box.findData("case"))
    win.set_slider_span("case")
    win.select_item(placed)
    pane.set_time(pane.span[1] - 240)
    win.map.fitInView(QRectF(11.03, -60.225, 0.14, 0.07))
    until(lambda: bool(win.map.runways.lines), 90000)
    until(lambda: not pane.pending)
    settle(800)
    save(win, "i26-7-runways-at-airport-zoom")

    # 8. the custody log for people, filtered to one claim
    win.show_view("ledger")
    settle(300)
    save(win, "i26-8-custody-log")
    win.log_filters.choose(record=claims[0].id)
    settle(300)
    save(win, "i26-8-custody-log-one-claim")
    win.close()
    app.processEvents()

    # 5 (again). dozens of aircraft: every traffic file of the corpora (none tuned on but SPAR19)
    win = MainWindow()
    win.resize(1400, 860)
    win.show()
    win.create_case(Path(tempfile.mkdtemp()) / "traffic", "Every traffic file (held-out check)")
    op = win.import_files([str(TRACK.parent)])
    until(lambda: op is not None and op.done, 600000)
    until(lambda: win.edits.idle)
    loaded.clear()
    win.viewLoaded.connect(loaded.append)
    win.show_view("map")
    until(lambda: "map" in loaded)
    pane = win.map_pane
    assert pane.span is not None
    pane.set_time(pane.span[0] + (pane.span[1] - pane.span[0]) * 0.5)
    until(lambda: not pane.pending)
    settle(1000)
    save(win, "i26-5-playback-many-aircraft")
    win.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
