"""Aircraft colours: stable per aircraft identity, the same whatever the order or spelling."""

from __future__ import annotations

from casefile.flights.palette import PALETTE, UNKNOWN, aircraft_color, color_for, identity
from casefile.model.flights import Aircraft


def _ac(icao24: str | None, registration: str | None, label: str = "") -> Aircraft:
    return Aircraft(id="01J" + (icao24 or registration or label or "x"), icao24=icao24,
                    registration=registration, type_code=None, description=None, operator=None,
                    country=None, military=None, label=label)


def test_colour_comes_from_identity_not_list_order():
    fleet = [_ac("15d3b7", None), _ac("15d3a1", None), _ac("ac134a", "N915UY")]
    first = [aircraft_color(a) for a in fleet]
    again = [aircraft_color(a) for a in reversed(fleet)]
    assert first == list(reversed(again))
    assert all(c in PALETTE for c in first)
    # the demo's two aircraft (An-124 and Il-62) are told apart on the map and in the PDF
    assert first[0] != first[1]


def test_spellings_of_one_aircraft_share_a_colour():
    assert identity("0x15D3B7") == identity(" 15d3b7") == "15d3b7"
    assert aircraft_color(_ac("15D3B7", "RA-82010")) == aircraft_color(_ac("15d3b7", None))
    assert color_for("RA-82010") == color_for("ra82010")
    # no hex: the registration decides, then the label
    assert aircraft_color(_ac(None, "RA-82010")) == color_for("RA82010")
    assert aircraft_color(_ac(None, None, "PWKZQ7")) == color_for("PWKZQ7")


def test_unknown_aircraft_is_grey():
    assert color_for("") == color_for(None) == color_for(" - ") == UNKNOWN


def test_a_case_never_shows_two_aircraft_in_one_colour_while_the_palette_lasts():
    from casefile.flights.palette import case_colors

    # 4ab179 and ac134a hash to the same colour on their own (seen in a real case)
    pair = [_ac("4ab179", None), _ac("ac134a", "N915UY")]
    assert color_for("4ab179") == color_for("ac134a")
    colours = case_colors(pair)
    assert len(set(colours.values())) == 2
    assert case_colors(list(reversed(pair))) == colours          # order of the list does not matter
    fleet = [_ac(f"{n:06x}", None) for n in range(0x3c0000, 0x3c0000 + len(PALETTE))]
    assert sorted(case_colors(fleet).values()) == sorted(PALETTE)
    bigger = case_colors([*fleet, _ac("ac134a", None)])         # more aircraft than colours: reused
    assert set(bigger.values()) == set(PALETTE)
    nameless = _ac(None, None, " ")
    assert case_colors([nameless])[nameless.id] == UNKNOWN
