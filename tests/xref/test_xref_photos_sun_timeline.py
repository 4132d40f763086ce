"""Near-duplicates, sun position, the timeline, and stored/incremental runs."""

from __future__ import annotations

from dataclasses import replace

from xref_helpers import fleet_inputs, photo, unknown_tv, utc_tv

from casefile.xref import sun
from casefile.xref.chronology import display, events
from casefile.xref.engine import Engine
from casefile.xref.model import LightHint, SourceIn
from casefile.xref.session import XrefSession, findings

BASE = 0x9F3A_55C0_1E2D_7B48


def _h(flip_bits: int = 0) -> str:
    return f"{BASE ^ ((1 << flip_bits) - 1):016x}"


def test_near_duplicates_are_grouped_and_ordered_by_earliest_appearance():
    inputs = fleet_inputs()
    inputs.photos = [
        photo("PA", utc_tv("2019-03-23 20:00"), phash=_h(0)),      # captured, original
        replace(photo("PB", None, phash=_h(3)), label="repost.jpg"),  # a repost, 3 bits away
        photo("PC", None, phash=_h(20)),                             # a different picture
    ]
    inputs.sources = [SourceIn("S1", "Repost", utc_tv("2019-03-23 19:00", basis="source-stated"),
                               None, ("PB",))]
    dups = [f for f in Engine(inputs).run() if f.kind == "photo-duplicates"]
    assert len(dups) == 1
    f = dups[0]
    # The repost's source published at 19:00, before PA's capture time at 20:00: PB first.
    assert list(f.item_ids) == ["PB", "PA"]
    assert f.inputs["order"][0]["how"] == "published"
    assert f.inputs["pairs"] == [{"a": "PA", "b": "PB", "phash_bits": 3, "dhash_bits": None}]
    assert "PC" not in f.item_ids
    # said as people say it: the file's name and a time to the minute, never an id or an ISO stamp
    assert "earliest known appearance is repost.jpg, which was published by 'Repost' by " \
           "2019-03-23 19:00 UTC" in f.explanation


def test_light_hint_from_exif_exposure():
    sunny = sun.light_hint({"EXIF ExposureTime": "1/500", "EXIF FNumber": "8",
                            "EXIF ISOSpeedRatings": "100"})
    assert sunny.kind == "daylight" and "15.0" in sunny.reason
    night = sun.light_hint({"EXIF SceneCaptureType": "Night scene"})
    assert night.kind == "dark"
    assert sun.light_hint({"EXIF ExposureTime": "1/60", "EXIF FNumber": "4",
                           "EXIF ISOSpeedRatings": "400"}) is None
    assert sun.light_hint({}) is None


def test_daylight_photo_with_the_sun_below_the_horizon_is_flagged():
    # 03:00 UTC is 23:00 in Caracas: the sun is far below the horizon.
    p = replace(photo("P1", utc_tv("2019-03-23 03:00")),
                light=LightHint("daylight", "exposure value 15.0"))
    f = sun.sun_finding(p)
    assert f.verdict == "inconsistent"
    assert f.inputs["sun_at_centre"]["elevation_deg"] < -30
    day = sun.sun_finding(replace(p, capture=utc_tv("2019-03-23 16:30")))
    assert day.verdict == "consistent" and day.inputs["sun_at_centre"]["elevation_deg"] > 60
    plain = sun.sun_finding(replace(p, light=None))
    assert plain.verdict == "undetermined"
    assert 0 <= plain.inputs["sun_at_centre"]["azimuth_deg"] <= 360


def test_timeline_in_utc_a_zone_and_local_time():
    inputs = fleet_inputs()
    inputs.photos = [photo("P1", utc_tv("2019-03-23 11:00")), photo("P2", unknown_tv("2019-03-23T16:00:00"))]
    evs = events(inputs)
    times = [e.time_utc for e in evs]
    assert times == sorted(times)
    landing = next(e for e in evs if e.kind == "landing" and "SVMI" in e.label)
    assert landing.local_zone == "America/Caracas"
    assert display([landing])[0].display == "2019-03-23 10:00:00 UTC"
    assert display([landing], "local")[0].display.startswith("2019-03-23 06:00:00 -04:00")
    assert "+03:00" in display([landing], "Europe/Moscow")[0].display
    unk = next(e for e in evs if e.item_ids == ("P2",))
    assert unk.basis == "unknown" and unk.uncertainty_s == 13 * 3600
    assert "zone unknown" in unk.label
    gap = next(e for e in evs if e.kind == "gap")
    assert gap.end_utc == "2019-03-23T15:00:00.000Z"


def test_stored_run_and_one_photo_update(fresh_case):
    inputs = fleet_inputs()
    inputs.photos = [photo("P1", utc_tv("2019-03-23 11:00"), tags=("RA-82035",), phash=_h(0)),
                     photo("P2", utc_tv("2019-03-23 14:00"), tags=("RA-82035",), phash=_h(2))]
    session = XrefSession(fresh_case, Engine(inputs))
    first = session.run()
    stored = findings(fresh_case)
    assert sorted(f.id for f in stored) == sorted(f.id for f in first)
    # What is read back is exactly what was computed (every field, inputs included).
    assert [f.to_dict() for f in stored] == [f.to_dict() for f in sorted(first, key=lambda f: (f.kind, f.id))]
    assert {f.verdict for f in findings(fresh_case, "P2") if f.kind == "photo-aircraft"} == {"undetermined"}
    ev = [e for e in fresh_case.events() if e["action"] == "xref-run"]
    assert ev and ev[-1]["details"]["findings"] == len(first)

    # Move P2 to 11:30 (ground at SVMI) and change its picture: only P2's findings change.
    moved = replace(inputs.photos[1], capture=utc_tv("2019-03-23 11:30"), phash=_h(30))
    session.apply("P2", moved)
    after = findings(fresh_case)
    p2 = [f for f in after if "P2" in f.item_ids]
    assert {f.verdict for f in p2 if f.kind == "photo-aircraft"} == {"consistent"}
    assert not [f for f in after if f.kind == "photo-duplicates"]
    p1_before = {f.id for f in first if f.item_ids[0] == "P1" and f.kind != "photo-duplicates"}
    assert p1_before <= {f.id for f in after}
    # The incremental result equals a full recompute over the changed inputs.
    inputs2 = fleet_inputs()
    inputs2.photos = [inputs.photos[0], moved]
    assert sorted(f.id for f in Engine(inputs2).run()) == sorted(f.id for f in after)


def test_an_unreadable_record_is_reported_and_the_others_still_checked(fresh_case):
    from casefile.timeutil import TimeValue
    from casefile.xref.session import last_run

    inputs = fleet_inputs()
    broken = TimeValue(raw="2019:03:23 25:99:00", utc="2019-03-23T25:99:00.000Z", basis="exif-offset")
    inputs.photos = [photo("BAD", broken, tags=("RA-82035",)),
                     photo("GOOD", utc_tv("2019-03-23 11:00"), tags=("RA-82035",))]
    session = XrefSession(fresh_case, Engine(inputs))
    found = session.run()
    assert {f.item_ids[0] for f in found} == {"GOOD"}
    run = last_run(fresh_case)
    assert len(run["problems"]) == 1 and run["problems"][0].startswith("photo BAD: ")
    ev = [e for e in fresh_case.events() if e["action"] == "xref-run"][-1]
    assert ev["details"]["problems"] == run["problems"]
