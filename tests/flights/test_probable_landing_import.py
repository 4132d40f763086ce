"""End to end: a readsb trace that goes dark descending into UUMU and reappears climbing out of it."""

from __future__ import annotations

import json

from casefile.flights import query as Q
from flights.helpers import import_one

T0 = 1553212800.0     # 2019-03-22T00:00:00Z


def _pt(dt, lat, lon, alt, vr):
    return [dt, lat, lon, alt, 250.0, 0.0, 0, vr, None, "adsb_icao", None, None, None, None]


def test_probable_landing_not_interpolated(fresh_case, tmp_path):
    ap_lat, ap_lon = 55.8783, 38.0617
    pts = [_pt(0, 55.60, ap_lon, 9000, -1500), _pt(60, 55.70, ap_lon, 7000, -1500),
           _pt(120, 55.78, ap_lon, 4500, -1500), _pt(180, 55.84, ap_lon, 2000, -1200),
           _pt(180 + 4 * 3600, ap_lat + 0.02, ap_lon, 1400, 2000),
           _pt(240 + 4 * 3600, ap_lat + 0.10, ap_lon, 4000, 2000)]
    p = tmp_path / "trace_full_154042.json"
    p.write_text(json.dumps({"icao": "154042", "r": "RA-82014", "t": "A124", "dbFlags": 1,
                             "timestamp": T0, "trace": pts}))
    import_one(fresh_case, p)
    ac = Q.find_aircraft(fresh_case, "RA-82014")
    assert ac.military is True and ac.country == "Russian Federation"
    first, second = Q.legs(fresh_case, ac.id)
    assert first.landing.airport_icao == "UUMU" and not first.landing.observed
    assert first.landing.time_utc is None
    assert "probable landing at UUMU" in first.landing.note and "(not observed)" in first.landing.note
    assert first.landing.evidence["last_seen"]["alt_ft"] == 2000
    assert second.takeoff.airport_icao == "UUMU" and not second.takeoff.observed
    [gap] = Q.gaps(fresh_case, ac.id)
    assert gap.start_utc == "2019-03-22T00:03:00.000Z" and gap.end_utc == "2019-03-22T04:03:00.000Z"
    w = Q.where(fresh_case, "RA-82014", "2019-03-22T02:00:00Z")
    assert w.status == "unknown" and w.lat is None and "coverage gap" in w.reason
