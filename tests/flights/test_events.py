"""Touch-and-go, low approach and go-around are events inside a leg with time windows, never
landings (issue 25, items 1 and 2). Real records of VOR05's calibration flight at Funchal (LPMA,
192 ft), read by hand (tests/data/truth/labels.py); where a test changes records it says how."""

from __future__ import annotations

import gzip
import json

from casefile.flights import query as Q
from casefile.timeutil import parse_z
from tests.flights.helpers import import_one

FUNCHAL = "flights/traffic/calibration-funchal.json.gz"
# the two low passes over the runway, read by hand: 50-125 ft at 150-160 kt, then climbing
PASSES = (("2018-11-23T13:00:35Z", "2018-11-23T13:01:15Z"), ("2018-11-23T13:07:35Z", "2018-11-23T13:08:05Z"))


def _ms(iso: str) -> int:
    return int(parse_z(iso).timestamp() * 1000)


def _legs(case):
    return [x for x in Q.legs(case) if not x.reported]


def _inside(window, lo, hi, slack_s=60):
    a, b = (parse_z(x).timestamp() for x in window)
    return a <= parse_z(hi).timestamp() + slack_s and b >= parse_z(lo).timestamp() - slack_s


def test_low_approaches_and_a_go_around_are_events_of_one_leg(corpora, fresh_case):
    import_one(fresh_case, corpora / FUNCHAL)
    [leg] = _legs(fresh_case)
    assert leg.landing.observed and leg.landing.airport_icao == "LPMA"
    kinds = [(e.kind, e.airport_icao) for e in leg.events]
    assert kinds == [("go-around", "LPMA"), ("low-approach", "LPMA"), ("low-approach", "LPMA")]
    for (lo, hi), ev in zip(PASSES, leg.events[1:], strict=True):
        assert _inside(ev.window_utc, lo, hi), ev.window_utc
        assert "not a landing" in ev.note


def _changed(corpora, tmp_path, change):
    recs = json.loads(gzip.open(corpora / FUNCHAL).read())
    n = 0
    for r in recs:
        if any(_ms(lo) <= r["timestamp"] <= _ms(hi) for lo, hi in PASSES):
            n += change(r)
    assert n >= 3
    path = tmp_path / "funchal-changed.json"
    path.write_text(json.dumps(recs))
    return path


def test_a_low_approach_at_pressure_altitude_zero_is_low_not_a_landing(corpora, fresh_case,
                                                                       tmp_path):
    # CHANGED: every altitude of 125 ft or less in the two passes set to 0 (a pressure altitude
    # pinned at 0, as transponders report below the field on a low QNH day); speed stays 150 kt
    def pin(r):
        if r["altitude"] is not None and r["altitude"] <= 125:
            r["altitude"] = 0.0
            return 1
        return 0

    import_one(fresh_case, _changed(corpora, tmp_path, pin))
    [leg] = _legs(fresh_case)
    assert [e.kind for e in leg.events][-2:] == ["low-approach", "low-approach"]
    [ac] = Q.list_aircraft(fresh_case)
    w = Q.where(fresh_case, ac.id, "2018-11-23T13:01:00Z")
    assert w.status == "airborne", w.reason


def test_a_touch_and_go_flagged_on_the_ground_is_an_event_not_a_landing(corpora, fresh_case,
                                                                      tmp_path):
    # CHANGED: the records of the two passes at 100 ft or less carry the on-ground flag (a
    # source that saw the wheels touch), the speed stays 150-165 kt
    def touch(r):
        r["onground"] = r["altitude"] is not None and r["altitude"] <= 100
        return int(r["onground"])

    import_one(fresh_case, _changed(corpora, tmp_path, touch))
    [leg] = _legs(fresh_case)
    assert [e.kind for e in leg.events][-2:] == ["touch-and-go", "touch-and-go"]
    assert leg.landing.observed and leg.landing.airport_icao == "LPMA"
