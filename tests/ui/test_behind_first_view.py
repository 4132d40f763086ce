"""The window opens a case on its first view at once; the rest (the map's tracks, the timeline's
events) is read behind it, with its progress in the status bar, which goes when all is read."""

from __future__ import annotations

import re
from pathlib import Path

from uihelp import TRACE


def _case_with_flights(corpora: Path, where: Path) -> tuple[Path, int]:
    from casefile.flights import query as flights
    from casefile.importers.pipeline import import_paths
    from casefile.store import Case

    case = Case.create(where, "Read behind the first view")
    try:
        report = import_paths(case, [corpora / TRACE, *(corpora / "flights/fr24").glob("*.*[lv]"),
                                     corpora / "flights/gpx/SkyDolly_Nile.gpx",
                                     *(corpora / "flights/flightaware").glob("*.kml")],
                              workers=1)
        assert report.count("imported") >= 4
        return where, len(flights.tracks(case))
    finally:
        case.close()


def test_rest_of_the_case_loads_behind_the_first_view_with_progress(win, qtbot, corpora, tmp_path,
                                                                     monkeypatch):
    path, n_tracks = _case_with_flights(corpora, tmp_path / "behind")
    assert n_tracks >= 3
    label = win.status_loading
    said: list[str] = []
    set_text = label.setText
    monkeypatch.setattr(label, "setText", lambda text: (said.append(text), set_text(text)))

    assert win.open_case(path)
    # the first view is there at once, the rest is announced as loading
    assert win.stack.currentWidget() is win.records and win.records.model.rowCount() >= 4
    assert label.isVisible() and label.text().startswith("Loading")
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=60000)     # gone once all is read
    assert not win.behind.loading

    tracks = [t for t in said if t.startswith("Loading the map: flight tracks")]
    assert tracks, said
    counts = [re.search(r"(\d+)/([\d,]+)…$", t) for t in tracks]
    assert all(m and int(m.group(2).replace(",", "")) == n_tracks for m in counts), tracks
    assert any(t.startswith("Loading the timeline") for t in said), said

    # the map shows what was read behind, without reading it again
    with qtbot.waitSignal(win.viewLoaded, timeout=20000):
        win.show_view("map")
    assert win.map.data is win.behind.results["map"]
    assert win.map.data.stretches
    assert not label.isVisible()


def test_a_change_forgets_what_was_read_behind(win, qtbot, corpora, tmp_path):
    path, _n = _case_with_flights(corpora, tmp_path / "changed")
    assert win.open_case(path)
    qtbot.waitUntil(lambda: not win.behind.loading, timeout=60000)
    old = win.behind.results["map"]
    win.refresh()                       # what an import or an edit does when it is done
    assert "map" not in win.behind.results
    with qtbot.waitSignal(win.viewLoaded, timeout=20000):
        win.show_view("map")
    assert win.map.data is not old and win.map.data.stretches
