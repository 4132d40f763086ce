"""stretches(): a track's usable points split at coverage gaps, so maps draw gaps as gaps."""

from __future__ import annotations

from casefile.flights import query as Q
from tests.flights.helpers import import_one, store_rows, tracks_of

T0 = 1553256000.0   # 2019-03-22T12:00:00Z


def _row(t: float, lat: float, lon: float) -> tuple:
    return (t, lat, lon, 30000.0, None, False, 450.0, 90.0, 0.0, "RFF123", "adsb_icao", 0)


def test_readsb_trace_splits_at_its_eight_hour_gap(corpora, fresh_case):
    # read by hand: the trace runs 00:00:05-02:53:59, nothing until 10:49:39, then 23 points
    out = import_one(fresh_case, corpora / "flights/readsb/trace_full_ac134a.json")
    (trk,) = tracks_of(fresh_case, out.item_id)
    parts = Q.stretches(fresh_case, trk["id"])
    assert [len(p) for p in parts] == [754, 23]
    assert parts[0][-1].time_utc == "2024-08-12T02:53:59.310Z"
    assert parts[1][0].time_utc == "2024-08-12T10:49:39.380Z"
    assert sum(map(len, parts)) == trk["points"] - trk["flagged"]


def test_flagged_points_are_left_out_and_short_holes_do_not_split(fresh_case):
    rows = [_row(T0 + k * 60, 10.0, -60.0 + k * 0.1) for k in range(5)]          # one a minute
    rows.append(_row(T0 + 300, 40.0, 40.0))                                      # a jump: flagged
    rows += [_row(T0 + 3600 + k * 60, 10.0, -59.0 + k * 0.1) for k in range(3)]   # after 55 min
    tid = store_rows(fresh_case, rows)
    parts = Q.stretches(fresh_case, tid)
    assert [len(p) for p in parts] == [5, 3]
    assert all(p.quality is None for part in parts for p in part)
