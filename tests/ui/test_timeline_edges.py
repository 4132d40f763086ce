"""The timeline view at the calendar's edges: events in years 0001 and 9999 (with hours of
uncertainty) fit, zoom, pan and paint without an overflow, and ticks name the year as 0001."""

from __future__ import annotations

from datetime import UTC, datetime

from casefile.ui.views.timeline import Event, TimelineView, ticks


def test_events_at_year_0001_and_9999(qtbot) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    first = datetime(1, 1, 1, 6, tzinfo=UTC)
    last = datetime(9999, 12, 31, 17, tzinfo=UTC)
    view.set_events([Event(first, 6 * 3600.0, "photos", "Photo y1.jpg captured", ()),
                     Event(last, 7 * 3600.0, "photos", "Photo y9999.jpg captured", ())])
    for _ in range(3):
        view.zoom(0.5)
        view.pan(-1.0)
        view.pan(2.0)
    view.zoom(1e9, at_x=5)
    view.grab()                                   # paints
    out, fmt = ticks(first, (last - first).total_seconds(), 900, lambda s: 7.0 * len(s))
    assert out and out[0].year == 1 and len(out) < 40
    assert out[0].strftime(fmt.replace("%Y", f"{out[0].year:04d}")).startswith("0001")
