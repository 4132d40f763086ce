"""Claims: windows and zones, places, grades, statuses, several sources, evidence links."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.analyst import claims, sources
from casefile.errors import InvalidInput, NotFound
from casefile.store import verify_case
from casefile.timeutil import parse_z


def test_a_bare_local_date_is_that_whole_local_day(fresh_case):
    c = claims.add_claim(fresh_case, "landed on Saturday", when="2019-03-23", tz="America/Caracas")
    assert c.window_start.utc == "2019-03-23T04:00:00.000Z"
    assert c.window_end.utc == "2019-03-24T03:59:59.999Z"
    assert c.window_start.raw == "2019-03-23" and c.window_start.zone == "America/Caracas"
    assert claims.window_utc(c) == ("2019-03-23T04:00:00.000Z", "2019-03-24T03:59:59.999Z")


def test_explicit_offset_wins_and_unknown_zone_stays_unknown(fresh_case):
    c = claims.add_claim(fresh_case, "x", start="2019-03-24T12:00-04:00",
                         end="2019-03-24T18:00-04:00", tz="Europe/Moscow")
    assert (c.window_start.utc, c.window_end.utc) == ("2019-03-24T16:00:00.000Z",
                                                      "2019-03-24T22:00:00.000Z")
    u = claims.add_claim(fresh_case, "y", when="2019-03-24T15:00")
    assert u.window_start.utc is None and u.window_start.basis == "unknown"
    assert u.window_start.local == "2019-03-24T15:00:00"
    lo, hi = claims.window_utc(u)   # every zone on Earth, and the minute given (±30 s)
    assert lo == "2019-03-24T00:59:30.000Z" and hi == "2019-03-25T03:00:30.000Z"
    none = claims.add_claim(fresh_case, "no time asserted")
    assert none.window_start.basis == "unknown" and claims.window_utc(none) is None


def test_case_default_zone_is_used_and_named(tmp_path):
    from casefile.store import Case

    with Case.create(tmp_path / "c", "t", default_tz="America/Caracas") as case:
        c = claims.add_claim(case, "x", when="2019-03-23T10:00")
        assert c.window_start.basis == "case-default" and c.window_start.utc == "2019-03-23T14:00:00.000Z"


@pytest.mark.parametrize("kw,message", [
    ({"credibility": 7}, "1-6"), ({"credibility": 0}, "1-6"), ({"credibility": "two"}, "1-6"),
    ({"when": "sometime next week-ish"}, "cannot read"),
    ({"start": "2019-03-24", "end": "2019-03-23", "tz": "UTC"}, "before it starts"),
    ({"when": "2019-03-23", "tz": "Mars/Olympus"}, "unknown time zone"),
    ({"status": "probably"}, "not one of"), ({"kind": "rumour"}, "not one of"),
    ({"place_ref": "ZZZZ"}, "no airport"), ({"place_ref": "95.0, 10"}, "on Earth"),
])
def test_bad_values_are_clear_errors_and_write_nothing(fresh_case, kw, message):
    before = fresh_case.head()[0]
    with pytest.raises(InvalidInput, match=message):
        claims.add_claim(fresh_case, "a claim", **kw)
    assert fresh_case.head()[0] == before and claims.list_claims(fresh_case) == []


def test_places_codes_coordinates_and_names(fresh_case):
    by_iata = claims.add_claim(fresh_case, "a", place_ref="CCS")
    assert by_iata.place_icao == "SVMI" and round(by_iata.place_lat, 2) == 10.60
    coords = claims.add_claim(fresh_case, "b", place_ref="10.6, -66.99")
    assert (coords.place_lat, coords.place_lon, coords.place_icao) == (10.6, -66.99, None)
    name = claims.add_claim(fresh_case, "c", place_ref="Caracas, Venezuela")
    assert name.place_text == "Caracas, Venezuela" and name.place_icao is None


def test_one_claim_several_sources_and_missing_source(fresh_case):
    a = sources.add_source(fresh_case, title="article")
    b = sources.add_source(fresh_case, title="tracker page")
    c = claims.add_claim(fresh_case, "x", source_ids=[a.id], credibility="2")
    c = claims.add_sources(fresh_case, c.id, [b.id, a.id])
    assert c.source_ids == [a.id, b.id] and c.credibility == 2
    before = fresh_case.head()[0]
    with pytest.raises(NotFound, match="no source"):
        claims.add_claim(fresh_case, "y", source_ids=["NOSUCHSOURCE"])
    assert fresh_case.head()[0] == before


def test_links_supports_contradicts_context_and_missing_items(fresh_case, article_item):
    c = claims.add_claim(fresh_case, "x")
    claims.link(fresh_case, c.id, article_item, "supports", "first reading")
    assert claims.claim_links(fresh_case, c.id) == [(article_item, "supports", "first reading")]
    item_id, relation, note = claims.claim_links(fresh_case, c.id)[0]
    assert relation == "supports"
    claims.link(fresh_case, c.id, article_item, "contradicts", "on a closer look")
    ev = [e for e in fresh_case.events() if e["action"] == "claim-link-edited"][0]
    assert ev["details"]["before"] == {"relation": "supports", "note": "first reading"}
    assert claims.claims_of_item(fresh_case, article_item) == [(c.id, "contradicts")]
    before = fresh_case.head()[0]
    with pytest.raises(NotFound):
        claims.link(fresh_case, c.id, "01ZZZZZZZZZZZZZZZZZZZZZZZZ", "supports")
    with pytest.raises(InvalidInput, match="not one of"):
        claims.link(fresh_case, c.id, article_item, "proves")
    assert fresh_case.head()[0] == before
    claims.unlink(fresh_case, c.id, article_item, reason="wrong claim")
    assert claims.claim_links(fresh_case, c.id) == []


def test_status_grade_edit_and_delete_with_reason(fresh_case, article_item):
    s = sources.add_source(fresh_case, title="s")
    c = claims.add_claim(fresh_case, "Ан-124 landed 🇻🇪", quoted=True, source_ids=[s.id],
                         aircraft_refs=["a124", "A124", "ra-82010"], kind="arrival")
    assert c.aircraft_refs == ["a124", "ra-82010"] and c.quoted   # as typed, each once
    claims.set_status(fresh_case, c.id, "Corroborated", reason="track shows landing")
    claims.grade_claim(fresh_case, c.id, 2)
    c2 = claims.edit_claim(fresh_case, c.id, {"when": "2019-03-23", "place": "SVMI"},
                           tz="America/Caracas")
    assert (c2.status, c2.credibility, c2.place_icao) == ("corroborated", 2, "SVMI")
    assert c2.text == "Ан-124 landed 🇻🇪" and c2.credibility_meaning == "probably true"
    with pytest.raises(InvalidInput):
        claims.set_status(fresh_case, c.id, "true")
    claims.link(fresh_case, c.id, article_item, "context")
    claims.delete_claim(fresh_case, c.id, reason="merged into another claim")
    assert claims.list_claims(fresh_case) == []
    assert sources.list_sources(fresh_case)[0].id == s.id
    assert verify_case(fresh_case).ok


def test_removing_a_source_or_entity_is_reasoned(fresh_case):
    a = sources.add_source(fresh_case, title="a")
    b = sources.add_source(fresh_case, title="b")
    from casefile.analyst import entities

    e = entities.add_entity(fresh_case, "person", "Javier Mayorca")
    c = claims.add_claim(fresh_case, "x", source_ids=[a.id, b.id], entity_ids=[e.id])
    with pytest.raises(InvalidInput, match="reason"):
        claims.remove_source(fresh_case, c.id, b.id, reason="")
    c = claims.remove_source(fresh_case, c.id, b.id, reason="b only repeats a")
    c = claims.remove_entity(fresh_case, c.id, e.id, reason="not involved")
    assert c.source_ids == [a.id] and c.entity_ids == []
    with pytest.raises(InvalidInput, match="not a source"):
        claims.remove_source(fresh_case, c.id, b.id, reason="again")
    reasons = [e["details"]["reason"] for e in fresh_case.events() if e["action"] == "deleted"]
    assert reasons == ["b only repeats a", "not involved"]


_ZONES = ["America/Caracas", "Europe/Moscow", "America/New_York", "Australia/Lord_Howe",
          "Asia/Kathmandu", "Pacific/Kiritimati", "Europe/London", "UTC"]


@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)),
       zone=st.sampled_from(_ZONES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_local_day_is_one_local_day_in_utc(fresh_case, day, zone):
    s, e = claims.window(fresh_case, when=day.isoformat(), tz=zone)
    start, end = parse_z(s.utc), parse_z(e.utc)
    local = start.astimezone(ZoneInfo(zone))
    assert (local.date(), local.hour, local.minute) == (day, 0, 0)
    assert end.astimezone(ZoneInfo(zone)).date() == day
    hours = (end - start).total_seconds() / 3600
    assert 22.9 <= hours <= 25.0   # 24 h, or 23 / 25 h (or 23.5 / 24.5 h) on DST change days


def test_editing_one_end_keeps_the_other_as_recorded(fresh_case):
    c = claims.add_claim(fresh_case, "x", when="2019-03-23", tz="America/Caracas")
    c2 = claims.edit_claim(fresh_case, c.id, {"start": "2019-03-23T12:00"}, tz="America/Caracas")
    assert c2.window_start.utc == "2019-03-23T16:00:00.000Z"
    assert c2.window_end == c.window_end                        # zone and reading unchanged
    with pytest.raises(InvalidInput, match="before it starts"):
        claims.edit_claim(fresh_case, c.id, {"end": "2019-03-22"}, tz="America/Caracas")
    assert claims.get_claim(fresh_case, c.id).window_end == c.window_end


def test_a_time_without_a_zone_takes_the_zone_of_the_claims_place(fresh_case):
    c = claims.add_claim(fresh_case, "landed at Songshan", when="2022-08-02 22:44", place_ref="RCSS")
    assert c.window_start.basis == "location-tz" and c.window_start.zone == "Asia/Taipei"
    assert c.window_start.utc == "2022-08-02T14:44:00.000Z"
    assert c.window_start.precision == "minute" and c.window_start.uncertainty_s == 30
    moved = claims.edit_claim(fresh_case, c.id, {"place": "WMSA"})   # read again in Malaysia's zone
    assert moved.window_start.zone == "Asia/Kuala_Lumpur"
    assert moved.window_start.utc == "2022-08-02T14:44:00.000Z"     # both UTC+8: same instant
    far = claims.edit_claim(fresh_case, c.id, {"place": "KDEN"})
    assert far.window_start.zone == "America/Denver" and far.window_end.zone == "America/Denver"
    assert far.window_start.utc == "2022-08-03T04:44:00.000Z"
    vague = claims.add_claim(fresh_case, "somewhere", when="2022-08-02 22:44", place_ref="Vietnam")
    assert vague.window_start.utc is None and vague.window_start.basis == "unknown"
