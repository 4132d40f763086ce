"""Time rules: UTC text with a basis, never a silent UTC, nothing filled in from today."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.errors import InvalidInput
from casefile.timeutil import (
    TimeValue,
    epoch,
    epoch_text,
    from_epoch,
    iso_z,
    parse_analyst_time,
    parse_z,
)


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1),
                    timezones=st.just(UTC)))
def test_iso_z_round_trips_to_the_millisecond_and_sorts(dt: datetime) -> None:
    text = iso_z(dt)
    assert len(text) == 24 and text.endswith("Z")
    assert abs(parse_z(text) - dt) < timedelta(milliseconds=1)
    later = iso_z(dt + timedelta(milliseconds=1))
    assert later > text


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError):
        iso_z(datetime(2019, 3, 23, 12, 0))


@pytest.mark.parametrize(("text", "tz", "default", "utc", "basis"), [
    ("2019-03-23T14:05-04:00", None, None, "2019-03-23T18:05:00.000Z", "analyst"),
    ("2019-03-23 14:05", "America/Caracas", None, "2019-03-23T18:05:00.000Z", "analyst"),
    ("2019-03-23 14:05", None, "Europe/Moscow", "2019-03-23T11:05:00.000Z", "case-default"),
    ("23 March 2019 14:05", "America/Caracas", "Europe/Moscow", "2019-03-23T18:05:00.000Z", "analyst"),
])
def test_zone_precedence(text: str, tz: str | None, default: str | None, utc: str, basis: str) -> None:
    tv = parse_analyst_time(text, tz=tz, default_tz=default)
    assert (tv.utc, tv.basis, tv.raw) == (utc, basis, text)


def test_unknown_zone_keeps_local_time_and_widens_window() -> None:
    tv = parse_analyst_time("2019-03-23 14:05")
    assert tv.utc is None and tv.basis == "unknown" and tv.local == "2019-03-23T14:05:00"
    start, end = tv.window()
    # every zone on Earth, and the minute it was given to (±30 s)
    assert start == datetime(2019, 3, 23, 0, 4, 30, tzinfo=UTC)
    assert end == datetime(2019, 3, 24, 2, 5, 30, tzinfo=UTC)
    assert tv.precision == "minute" and not tv.approx


def test_date_alone_is_the_whole_local_day() -> None:
    tv = parse_analyst_time("Saturday 23 March 2019", tz="America/Caracas")
    assert tv.utc == "2019-03-23T16:00:00.000Z" and tv.uncertainty_s == 12 * 3600


@pytest.mark.parametrize("text", ["March 2019", "Saturday", "2019-03", "03/04/2019",
                                  "Friday 23 March 2019", "", "not a date"])
def test_incomplete_ambiguous_or_inconsistent_dates_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_analyst_time(text, tz="UTC")


def test_epoch_seconds_round_to_the_nearest_millisecond() -> None:
    from casefile.timeutil import from_epoch

    assert from_epoch(1553256000.007) == "2019-03-22T12:00:00.007Z"
    assert from_epoch(1553256000.9996) == "2019-03-22T12:00:01.000Z"


# ---- one formatter for epoch seconds and datetimes ---------------------------------------------
@given(st.integers(min_value=-2_000_000_000_000, max_value=4_000_000_000_000))
def test_epoch_text_and_iso_z_agree_to_the_millisecond(ms):
    seconds = ms / 1000
    assert from_epoch(seconds) == iso_z(datetime.fromtimestamp(seconds, UTC))
    assert epoch(from_epoch(seconds)) == pytest.approx(seconds, abs=5e-4)


def test_epoch_text_rounds_once_to_the_nearest_millisecond():
    assert from_epoch(1373040773.62249946) == "2013-07-05T16:12:53.622Z"   # not .623 via microseconds
    assert from_epoch(1723420805.06) == "2024-08-12T00:00:05.060Z"
    assert from_epoch(0.0005) == "1970-01-01T00:00:00.001Z"
    assert epoch_text(None) is None and epoch(None) is None


@pytest.mark.parametrize(("text", "precision", "unc", "approx"), [
    ("2022-08-02 22:44", "minute", 30, False),
    ("2022-08-02 22:44:10", "second", 0, False),
    ("2022-08-02T22", "hour", 1800, False),
    ("2022-08-02 10pm", "hour", 1800, False),
    ("2 Aug 2022 10:15 pm", "minute", 30, False),
    ("about 2022-08-02 22:44", "minute", 930, True),
    ("around 2 August 2022", "day", 43200 + 900, True),
    ("2 August 2022", "day", 43200, False),
])
def test_a_typed_time_keeps_its_precision(text, precision, unc, approx) -> None:
    tv = parse_analyst_time(text, tz="Asia/Taipei")
    assert (tv.precision, tv.uncertainty_s, tv.approx) == (precision, unc, approx)
    assert TimeValue.from_dict(tv.to_dict()) == tv


def test_a_stored_time_without_the_new_fields_still_loads() -> None:
    old = {"raw": "x", "utc": "2019-03-23T14:05:00.000Z", "basis": "analyst", "uncertainty_s": 0.0,
           "local": None, "zone": None, "read_from": None}
    tv = TimeValue.from_dict(old)
    assert tv is not None and tv.precision is None and tv.approx is False
