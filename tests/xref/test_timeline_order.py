"""Timeline order: by the UTC instant itself, whatever form a recorded time was written in, with
zone-unknown events placed by the middle of their window and marked as such."""

from __future__ import annotations

import json
from pathlib import Path

from xref_helpers import fleet_inputs, photo, unknown_tv, utc_tv

from casefile.timeutil import parse_z
from casefile.xref.chronology import events
from casefile.xref.model import SourceIn


def _instants(evs) -> list[float]:
    return [parse_z(e.time_utc).timestamp() for e in evs]


def test_recorded_times_in_other_forms_sort_by_their_instant() -> None:
    inputs = fleet_inputs()
    inputs.photos = [photo("P2026", utc_tv("2026-03-23 11:00")),
                     photo("P2029", utc_tv("2029-03-23 18:10"))]
    inputs.sources = [
        SourceIn("S1", "offset form", None, "2026-03-23T12:00:00+02:00"),     # 10:00 UTC
        SourceIn("S2", "no milliseconds", None, "2026-03-23T11:00:00Z"),       # with P2026
        SourceIn("S3", "later", None, "2026-11-25T15:36:50.480Z")]
    evs = events(inputs)
    assert _instants(evs) == sorted(_instants(evs))
    late = [e.item_ids[0] for e in evs if e.time_utc.startswith("202")]
    assert late == ["S1", "S2", "P2026", "S3", "P2029"]   # same instant: sources lane first
    s1 = next(e for e in evs if e.item_ids == ("S1",))
    assert s1.time_utc == "2026-03-23T10:00:00.000Z"        # one sortable form for all


def test_zone_unknown_events_are_placed_by_their_window_and_marked() -> None:
    inputs = fleet_inputs()
    # local noon, zone unknown: could be 2019-03-22T22:00Z .. 2019-03-24T00:00Z, middle 23rd 11:00
    inputs.photos = [photo("PU", unknown_tv("2019-03-23T12:00:00")),
                     photo("PA", utc_tv("2019-03-23 10:30")), photo("PB", utc_tv("2019-03-23 11:30"))]
    inputs.sources = [SourceIn("S1", "Post", unknown_tv("2019-03-23T00:00:00"), None)]
    evs = events(inputs)
    order = [e.item_ids[0] for e in evs if e.lane in ("photos", "sources")]
    assert order == ["S1", "PA", "PU", "PB"]
    pu = next(e for e in evs if e.item_ids == ("PU",))
    assert pu.time_utc == "2019-03-23T11:00:00.000Z" and pu.basis == "unknown"
    assert "time zone unknown" in pu.label
    assert "2019-03-22 22:00 UTC to 2019-03-24 00:00 UTC" in pu.label
    s1 = next(e for e in evs if e.item_ids == ("S1",))
    assert "time zone unknown" in s1.label and s1.basis == "unknown"
    assert all("zone unknown" not in e.label for e in evs if e.item_ids in (("PA",), ("PB",)))


def test_demo_timeline_json_is_in_utc_order(tmp_path: Path, capsys) -> None:
    from casefile.cli import main
    from casefile.demo.builder import build_demo

    result = build_demo(tmp_path, say=lambda _msg: None)
    assert not result.errors
    case_dir = next(tmp_path.glob("*.casefile"))
    assert main(["timeline", str(case_dir), "--json"]) == 0
    evs = json.loads(capsys.readouterr().out)["events"]
    instants = [parse_z(e["time_utc"]).timestamp() for e in evs]
    assert instants == sorted(instants)
    wrong = next(e for e in evs if "demo-09-wrong-year" in e["label"])
    assert wrong["time_utc"].startswith("2029-03-23T18:10")
    later = [e for e in evs if parse_z(e["time_utc"]) > parse_z(wrong["time_utc"])]
    assert later == []                       # the camera's 2029 is after everything else
    collected = [e for e in evs if e["kind"] == "collected"]
    assert collected and all(evs.index(c) < evs.index(wrong) for c in collected)
    no_zone = next(e for e in evs if "demo-05-no-time-zone" in e["label"])
    assert no_zone["basis"] == "unknown" and "time zone unknown" in no_zone["label"]
