"""A transit claim judged on the leg it names by origin and destination (issue 29, item 8), on the
real SPAR19 track (fr24-2ce4f83f.json: Subang WMSA -> Taipei Songshan RCSS on 2 August 2022, one
8-minute gap, the path never within ~700 km of Vietnam)."""

from __future__ import annotations

import pytest

from casefile.analyst import claims as cl
from casefile.commands import ClaimEdit, submit, undo
from casefile.errors import InvalidInput
from casefile.store import Case
from casefile.xref.query import XrefSession


def _finding(case: Case, claim_id: str):
    (f,) = [f for f in XrefSession(case).run()
            if f.kind == "claim-flights" and claim_id in f.item_ids]
    return f


def test_a_transit_naming_its_leg_needs_no_time_and_is_judged_on_that_leg(spar19):
    c = cl.add_claim(spar19, "flew over Vietnam on its way from Subang to Taipei", kind="transit",
                     place_ref="Vietnam", aircraft_refs=["SPAR19"], leg_from="WMSA",
                     leg_to="Taipei")
    assert (c.leg_from, c.leg_to) == ("WMSA", "Taipei")
    f = _finding(spar19, c.id)
    assert f.verdict == "inconsistent", f.explanation
    assert any("judged on the recorded leg" in a for a in f.assumptions), f.assumptions
    # the leg's time: from the take-off (07:41-07:42 UTC) to the landing (14:43 UTC)
    lo, hi = f.inputs["claim"]["window_utc"]
    assert lo.startswith("2022-08-02T07:4") and hi.startswith("2022-08-02T14:4")


def test_a_transit_over_a_country_the_leg_crosses_is_consistent(spar19):
    c = cl.add_claim(spar19, "crossed Taiwan's airspace to land", kind="transit",
                     place_ref="Taiwan", aircraft_refs=["SPAR19"], leg_from="Kuala Lumpur",
                     leg_to="RCSS")
    f = _finding(spar19, c.id)
    assert f.verdict == "consistent", f.explanation


def test_a_leg_the_records_do_not_hold_leaves_a_timeless_transit_undetermined(spar19):
    c = cl.add_claim(spar19, "flew back over Vietnam", kind="transit", place_ref="Vietnam",
                     aircraft_refs=["SPAR19"], leg_from="RCSS", leg_to="WMSA")
    f = _finding(spar19, c.id)
    assert f.verdict == "undetermined", f.explanation
    assert "No recorded leg" in f.explanation and "not evidence of no flight" in f.explanation


def test_a_leg_end_that_names_nothing_is_refused_and_an_edit_undoes(spar19):
    with pytest.raises(InvalidInput) as err:
        cl.add_claim(spar19, "x", kind="transit", place_ref="Vietnam", leg_from="Nowhereville Qq")
    assert err.value.field == "leg_from"
    c = cl.add_claim(spar19, "over Vietnam", kind="transit", place_ref="Vietnam",
                     aircraft_refs=["SPAR19"], when="2022-08-02", tz="UTC")
    submit(spar19, ClaimEdit(claim=c.id, leg_to="RCSS"))
    assert cl.get_claim(spar19, c.id).leg_to == "RCSS"
    undo(spar19)
    assert cl.get_claim(spar19, c.id).leg_to is None
