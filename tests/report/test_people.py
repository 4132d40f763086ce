"""Names, numbers and times as the report writes them for people."""

from __future__ import annotations

from casefile.present.numbers import coords
from casefile.present.times import span, when, with_local
from casefile.report.people import Names
from casefile.timeutil import TimeValue


def test_times_in_utc_with_local_time_and_basis() -> None:
    exif = TimeValue(raw="2019:03:23 15:20:00 -04:00", utc="2019-03-23T19:20:00.000Z",
                     basis="exif-offset", uncertainty_s=1.0, local="2019-03-23T15:20:00.000",
                     zone="-04:00")
    assert when(exif) == ("23 Mar 2019 19:20 UTC (15:20 local, UTC−04:00), zone from the "
                          "EXIF offset")
    placed = TimeValue(raw="2019:03:24 15:10:00", utc="2019-03-24T19:10:00.000Z",
                       basis="location-tz", uncertainty_s=1.0, zone="America/New_York")
    assert "(15:10 America/New York)" in when(placed)      # the zone never broken mid-word
    unknown = TimeValue(raw="2019:03:24 12:00:00", utc=None, basis="unknown", uncertainty_s=1.0,
                        local="2019-03-24T12:00:00.000")
    text = when(unknown)
    assert text.startswith("24 Mar 2019 12:00 local time, zone unknown")
    assert "23 Mar 2019 21:59 to 25 Mar 2019 00:00" in text       # never read as UTC
    assert with_local("2019-03-23T23:30:00.000Z", "Europe/Moscow") == \
        "23 Mar 2019 23:30 UTC (24 Mar 2019 02:30 Europe/Moscow)"


def test_a_claim_window_with_its_local_day() -> None:
    start = TimeValue(raw="2019-03-22T00:00:00", utc="2019-03-21T21:00:00.000Z", basis="analyst",
                      zone="Europe/Moscow")
    end = TimeValue(raw="2019-03-22T23:59:59", utc="2019-03-22T20:59:59.000Z", basis="analyst",
                    zone="Europe/Moscow")
    assert span(start, end) == ("21 Mar 2019 21:00 to 22 Mar 2019 20:59 UTC "
                                "(22 Mar 2019 00:00 to 23:59 Europe/Moscow)")
    none = TimeValue(raw="", utc=None, basis="unknown")
    assert span(none, none) == "no time stated"


def test_coordinates_with_hemispheres() -> None:
    assert coords(10.5979, -66.9881) == "10.5979° N, 66.9881° W"
    assert coords(-33.9, 151.2) == "33.9000° S, 151.2000° E"


def test_free_text_names_records_and_drops_raw_ids() -> None:
    photo, other = "01M8V2DJQH35KNZ57M1G9QDE5J", "01M8V2DJRDHKKFWM691C8B44R5"
    names = Names({photo: "P2", other: "P10", "Fb9d0e3c1aa0f7e2d6a4c8b11": "X4"},
                  {photo: "repost.jpg", other: "reencode.jpg"})
    text = names.text(f"The earliest is {photo}, like reencode.jpg (item {other}; 0 of 64 bits); "
                      f"see Fb9d0e3c1aa0f7e2d6a4c8b11 at 10.5979, -66.9881 on "
                      f"2019-03-23T10:00:00.000Z; hash {'ab' * 32}.")
    assert text == ("The earliest is P2 repost.jpg, like reencode.jpg (P10; 0 of 64 bits); see X4 "
                    "at 10.5979° N, 66.9881° W on 23 Mar 2019 10:00 UTC; hash SHA-256 "
                    "abababababab….")
    assert names.text("0123456789ABCDEFGHJKMNPQRS") == "a record"      # unknown id: never shown
