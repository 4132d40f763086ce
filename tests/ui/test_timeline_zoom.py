"""The timeline shows the span that holds most of the dated things (the investigated day), counts
the outliers (a 2015 photo, the 2026 collection dates) at its edges, and zooms to a selection."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def _ev(t: datetime, lane: str, iid: str, unc: float = 0.0):
    from casefile.ui.views.timeline import Event

    return Event(t, unc, lane, iid, (iid,))


def test_most_of_the_dated_things_fill_the_view_and_outliers_are_counted(qtbot):
    from casefile.ui.views.timeline import TimelineView

    day = datetime(2022, 8, 2, 7, 0, tzinfo=UTC)
    events = [_ev(day + timedelta(minutes=25 * i), "flights", f"leg{i}") for i in range(12)]
    events += [_ev(day + timedelta(hours=3), "claims", "claim", 12 * 3600)]
    events.append(_ev(datetime(2015, 6, 1, tzinfo=UTC), "photos", "old-photo"))
    events += [_ev(datetime(2026, 12, 7, h, tzinfo=UTC), "sources", f"s{h}") for h in (1, 2, 3)]
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.set_events(events)
    view.show()
    view.grab()                                      # paint: the edge counts are made then
    assert view.span_s < 3 * 24 * 3600               # the investigated day, not eleven years
    assert view.t0 <= day and datetime.fromtimestamp(view.t0.timestamp() + view.span_s, UTC) >= \
        day + timedelta(hours=5)
    assert view.edge_counts == {("photos", -1): 1, ("sources", 1): 3}
    # selecting the 2015 photo brings it into view at the same zoom
    span = view.span_s
    assert view.select_item("old-photo")
    assert view.t0 <= datetime(2015, 6, 1, tzinfo=UTC) <= view.t0 + timedelta(seconds=view.span_s)
    assert view.span_s == span
    # a selection that is a dot in the view is zoomed to
    view.span_s = 20 * 365 * 86400.0
    assert view.select_item("leg3")
    assert view.span_s <= 2 * 3600 and view.t0 <= day + timedelta(minutes=75) <= \
        view.t0 + timedelta(seconds=view.span_s)
