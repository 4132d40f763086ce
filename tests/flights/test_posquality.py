"""Position source and quality (issue 25, item 2): readsb's per-point `type` and the NACp/NIC its
details state reach the stored points; MLAT, TIS-B or a poor NACp widen a position's uncertainty
and alone neither make an observed landing nor outweigh reported positions in the spoof check;
a tracker's estimated point is never served as observed.

The corpora's readsb trace is ADS-B throughout (one `other` point); Flightradar24's exports here
(CSV, KML, playback JSON) carry no estimated flag, and the `traffic` records no source at all.
Where a test needs MLAT or estimated points it relabels a real track and says so."""

from __future__ import annotations

import json

from casefile.flights import points as P
from casefile.flights import posquality as PQ
from casefile.flights import query as Q
from casefile.flights.quality import _believable
from tests.flights.helpers import import_one, store_rows

TRACE = "flights/readsb/trace_full_ac134a.json"


def _sources(case) -> list[str | None]:
    [tp] = P.load_many(case)
    return tp.cols.column("src")


def test_readsb_accuracy_reaches_the_points(corpora, fresh_case):
    import_one(fresh_case, corpora / TRACE)
    src = _sources(fresh_case)
    assert src.count("adsb_icao;nacp=10;nic=8") > 500      # the details state NACp 10, NIC 8
    assert "other" in src                                     # one point of an unnamed source
    assert PQ.of("adsb_icao;nacp=10;nic=8").uncertainty_m == 10.0
    assert PQ.of("other").weak and not PQ.of("adsb_icao;nacp=10").weak
    assert PQ.of("adsb_icao;nacp=4").weak and PQ.of("mlat").uncertainty_m == PQ.WEAK_M
    [ac] = Q.list_aircraft(fresh_case)
    w = Q.where(fresh_case, ac.id, "2024-08-12T01:30:00Z")
    assert w.status == "airborne" and w.uncertainty_m == 10.0, w
    assert "not positions the aircraft reported" not in w.reason


def test_mlat_positions_alone_make_no_observed_landing(corpora, fresh_case, tmp_path):
    # the real trace, relabelled: every position from 02:48:30 to 02:52:00 (the landing at Palm
    # Beach and the taxi after it) marked as multilateration, its details dropped
    doc = json.loads((corpora / TRACE).read_text())
    t0 = doc["timestamp"]
    lo, hi = 1723430910.0 - t0, 1723431120.0 - t0
    for p in doc["trace"]:
        if lo <= p[0] <= hi:
            p[9], p[8] = "mlat", None
    f = tmp_path / "trace_full_ac134a_mlat_landing.json"
    f.write_text(json.dumps(doc))
    import_one(fresh_case, f)
    [leg] = [x for x in Q.legs(fresh_case) if not x.reported]
    assert not leg.landing.observed, leg.landing.note
    assert "multilateration" in leg.landing.note
    assert leg.landing.evidence["candidate_airport"] in ("KPBI", "KDJT")
    [ac] = Q.list_aircraft(fresh_case)
    w = Q.where(fresh_case, ac.id, "2024-08-12T02:51:00Z")
    assert w.status == "ground" and w.uncertainty_m == PQ.WEAK_M
    assert "multilateration (MLAT)" in w.reason


def test_estimated_points_are_never_observed(fresh_case):
    # made-up cruise rows (no corpus file flags a tracker's estimate): every third estimated
    t0 = 1553256000.0
    rows = [(t0 + 20 * k, 50.0 + 0.01 * k, 8.0, 35000.0, None, False, 450.0, 0.0, 0.0, "TEST1",
             "estimated" if k % 3 == 1 else "adsb_icao", 0) for k in range(30)]
    store_rows(fresh_case, rows)
    [ac] = Q.list_aircraft(fresh_case)
    w = Q.where(fresh_case, ac.id, "2019-03-22T12:00:20Z")
    assert w.status == "airborne"
    assert w.reason.startswith("a position estimated by the tracker"), w.reason
    assert "no receiver observed it" in w.reason
    real = Q.where(fresh_case, ac.id, "2019-03-22T12:00:00Z")
    assert real.reason.startswith("an observed position"), real.reason


def test_weak_positions_alone_never_outweigh_reported_ones():
    t = [float(k) for k in range(10)]
    lat, lon = [50.0 + 0.001 * k for k in range(10)], [8.0] * 10
    run = list(range(10))
    assert _believable(run, t, lat, lon, None, ["adsb_icao"] * 10) == 10.0
    assert _believable(run, t, lat, lon, None, ["mlat"] * 10) < 1.0
    assert _believable(run, t, lat, lon, None, ["tisb_icao"] * 5 + ["adsb_icao"] * 5) > 5.0
