"""Finding inputs and check fields read as labelled text: times with basis, places, units, names."""

from __future__ import annotations

from casefile.present.numbers import coords, duration, km, shorten
from casefile.present.times import TimeDisplay
from casefile.ui.docks.readable import field_text, inputs_html, place_text


def time_text(tv, td):
    return td.value_text(tv)

PHOTO = "01PHOTO0000000000000000000"
TRACE = "01TRACE0000000000000000000"
AIRCRAFT = "01AIRCRAFT0000000000000000"

EXIF_TIME = {"raw": "2019:03:23 16:02:10 -04:00", "utc": "2019-03-23T20:02:10.000Z", "basis": "exif-offset",
             "uncertainty_s": 1.0, "local": "2019-03-23T16:02:10.000"}


def test_a_time_names_its_basis_offset_uncertainty_and_raw_text():
    assert time_text(EXIF_TIME, TimeDisplay()) == (
        "2019-03-23 20:02:10 UTC (zone from the EXIF offset \u221204:00, ±1 s; "
        "as found: 2019:03:23 16:02:10 -04:00)")


def test_a_time_without_zone_is_not_shown_as_utc_but_with_its_window():
    tv = {"raw": "2019-03-24", "utc": None, "basis": "unknown", "uncertainty_s": 43200.0,
          "local": "2019-03-24T12:00:00", "zone": None,
          "window_utc": ["2019-03-23T10:00:00.000Z", "2019-03-25T12:00:00.000Z"]}
    text = time_text(tv, TimeDisplay())
    assert text.startswith("2019-03-24 local time (zone unknown, ±12 h;")
    assert "could be 2019-03-23 10:00:00 UTC to 2019-03-25 12:00:00 UTC" in text
    analyst = {"raw": "2019-03-23T00:00:00", "utc": "2019-03-23T04:00:00.000Z", "basis": "analyst",
               "uncertainty_s": 0.0, "local": None, "zone": "America/Caracas"}
    assert time_text(analyst, TimeDisplay()) == ("2019-03-23 04:00:00 UTC (as entered by the analyst in "
                                                 "America/Caracas; as found: 2019-03-23T00:00:00)")


def test_places_distances_and_durations_are_rounded_to_what_they_mean():
    assert coords(10.597900000000001, -66.9881) == "10.5979° N, 66.9881° W"
    exif = {"lat": 10.5979, "lon": -66.9881, "source": "exif"}
    assert place_text(exif) == "10.5979° N, 66.9881° W (EXIF GPS)"
    assert place_text({"icao": "SVMI", "lat": 10.60312, "lon": -66.99059}) == "SVMI, 10.6031° N, 66.9906° W"
    assert [km(0.0), km(0.64), km(12.345), km(2016.45)] == ["0 km", "0.64 km", "12.3 km", "2,016 km"]
    assert [duration(1.0), duration(250), duration(59999), duration(3 * 86400 + 7200)] == [
        "1 s", "4 min 10 s", "16 h 40 min", "3 d 2 h"]


def test_finding_inputs_become_labelled_rows_with_items_named_and_linked():
    inputs = {
        "photo": {"item_id": PHOTO, "capture": EXIF_TIME,
                  "window_utc": ["2019-03-23T20:02:09.000Z", "2019-03-23T20:02:11.000Z"],
                  "place": {"lat": 10.5979, "lon": -66.9881, "source": "exif"}},
        "aircraft": {"id": AIRCRAFT, "label": "15d3b7 (A124)", "tagged": True},
        "track_spans": [{"from": "2019-03-23T20:02:09.000Z", "to": "2019-03-23T20:02:11.000Z",
                         "state": "airborne", "leg_id": "01LEG"}],
        "near_km": 10.0,
        "nearest_observation": {"t": "2019-03-23T20:02:10.000Z", "seconds_from_photo_centre": 0.0,
                                "lat": 21.089102, "lon": -51.582156, "alt_ft": 33000.0, "ground": False,
                                "distance_km": 2016.45},
        "no_data_s": {AIRCRAFT: 59999},
        "thresholds": {"night_below_deg": -6.0, "day_above_deg": 6.0},
    }
    out = inputs_html(inputs, TimeDisplay(), {PHOTO: "IMG_1.jpg", TRACE: "trace.json"}, {PHOTO, TRACE})
    assert f"<a href='item:{PHOTO}'>IMG_1.jpg</a>" in out
    assert "<b>capture:</b> 2019-03-23 20:02:10 UTC (zone from the EXIF offset \u221204:00, ±1 s;" in out
    assert "<b>place:</b> 10.5979° N, 66.9881° W (EXIF GPS)" in out
    assert "<b>name:</b> 15d3b7 (A124)" in out and "<b>tagged on the photo:</b> yes" in out
    assert "<b>counts as near within:</b> 10 km" in out
    assert "altitude:</b> 33,000 ft" in out and "distance:</b> 2,016 km" in out
    assert "position:</b> 21.0891° N, 51.5822° W" in out
    assert "15d3b7 (A124): 16 h 40 min" in out          # an id named by the label the inputs give
    assert "night below:</b> \u22126°" in out
    assert "state: airborne" in out and "01LEG" not in out and "{" not in out


def test_check_fields_read_as_text_and_long_ones_are_shortened():
    tables = [[3, 2, 2, 3, 5, 8] * 11, [3, 3, 4, 8] * 16]
    text = field_text("tables", tables, TimeDisplay())
    assert text.startswith("[1] 3, 2, 2, 3, 5, 8, 3,") and " | [2] 3, 3, 4, 8" in text
    assert field_text("events", ["created by X", "saved by Y"], TimeDisplay()) == "created by X; saved by Y"
    assert field_text("capture", EXIF_TIME, TimeDisplay()).startswith(
        "2019-03-23 20:02:10 UTC (zone from the EXIF")
    assert field_text("difference_s", 148234.0, TimeDisplay()) == "41 h 11 min (148,234 s)"
    assert field_text("thumbnail_size", [160, 120], TimeDisplay()) == "160, 120"
    short = shorten(text, 120)
    assert len(short) <= 120 and short.endswith("…") and text.startswith(short[:-1])
    assert shorten("short", 120) == "short"


def test_odd_input_shapes_still_read_and_never_hide_a_value():
    inputs = {"place": None, "aircraft_ref": "RA-82010", "weird": [[1, 2], {"x_km": 3.456}],
              "empty": {}, "flag": False, "note": "text <b>not markup</b>"}
    out = inputs_html(inputs, TimeDisplay(), {}, set())
    assert "<b>place:</b> —" in out and "RA-82010" in out and "x: 3.46 km" in out
    assert "<b>empty:</b> none" in out and "<b>flag:</b> no" in out
    assert "text &lt;b&gt;not markup&lt;/b&gt;" in out
