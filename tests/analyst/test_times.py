"""Typed times: nothing is filled in from today, weekdays must match, written dates are whole days."""

from __future__ import annotations

import pytest

from casefile.analyst import claims, sources
from casefile.analyst.times import analyst_time
from casefile.errors import InvalidInput


@pytest.mark.parametrize("text,message", [
    ("March 2019", "not a full date"), ("Saturday", "not a full date"),
    ("23 March", "not a full date"), ("2019", "not a full date"), ("2019-03", "not a full date"),
    ("10:00", "not a full date"), ("Friday 23 March 2019", "was a Saturday, not a Friday"),
    ("03/04/2019", "day/month or month/day"), ("pizza", "cannot read"),
])
def test_incomplete_or_inconsistent_times_are_refused(text, message):
    with pytest.raises(InvalidInput, match=message) as err:
        analyst_time(text, tz="America/Caracas", default_tz=None, field="start")
    assert str(err.value).startswith("start: ")


def test_written_dates_and_times():
    caracas = {"tz": "America/Caracas", "default_tz": None, "field": "t"}
    day = analyst_time("Saturday 23 March 2019", bound="start", **caracas)
    assert day.utc == "2019-03-23T04:00:00.000Z" and day.raw == "Saturday 23 March 2019"
    assert analyst_time("23 March 2019", bound="end", **caracas).utc == "2019-03-24T03:59:59.999Z"
    point = analyst_time("March 24, 2019", **caracas)
    assert point.utc == "2019-03-24T16:00:00.000Z" and point.uncertainty_s == 43200
    exact = analyst_time("24 March 2019 15:30", **caracas)
    assert exact.utc == "2019-03-24T19:30:00.000Z" and exact.uncertainty_s == 30
    assert exact.precision == "minute"
    assert analyst_time("24/03/2019", **caracas).utc == "2019-03-24T16:00:00.000Z"  # unambiguous
    assert analyst_time("2019-03-24T15:30+03:00", **caracas).utc == "2019-03-24T12:30:00.000Z"


def test_claims_and_sources_refuse_incomplete_dates_and_write_nothing(fresh_case):
    before = fresh_case.head()[0]
    with pytest.raises(InvalidInput, match="not a full date"):
        claims.add_claim(fresh_case, "x", when="Saturday", tz="America/Caracas")
    with pytest.raises(InvalidInput, match="not a full date"):
        sources.add_source(fresh_case, title="x", published="March 2019")
    assert fresh_case.head()[0] == before
    c = claims.add_claim(fresh_case, "x", when="Saturday 23 March 2019", tz="America/Caracas")
    assert (c.window_start.utc, c.window_end.utc) == ("2019-03-23T04:00:00.000Z",
                                                      "2019-03-24T03:59:59.999Z")
