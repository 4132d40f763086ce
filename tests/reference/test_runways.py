"""OurAirports airfields and runways, and the aircraft performance table that decides which fit."""

from __future__ import annotations

import pytest

from casefile.geo import distance_km
from casefile.reference import runways
from casefile.reference.aircraft_types import category_performance, designator, performance


def test_brussels_is_where_its_runways_are() -> None:
    # airportsdata puts EBBR at 50.5405, 4.2904 (degrees-minutes-seconds typed as decimals)
    f = runways.field("EBBR")
    assert f is not None and f.iata == "BRU" and f.type == "large_airport" and f.scheduled
    centre = f.runway_centre
    assert centre is not None
    assert distance_km(50.9014, 4.4844, *centre) < 2.0
    assert distance_km(f.lat, f.lon, *centre) < 2.0
    assert runways.field("BRU") is f


@pytest.mark.parametrize(("text", "kind"), [
    ("ASPH-G", "hard"), ("CON", "hard"), ("Asphalt", "hard"), ("PEM", "hard"),
    ("TURF-G", "soft"), ("Grass", "soft"), ("GRAVEL", "soft"), ("GRVL", "soft"), ("Dirt", "soft"),
    ("WATER", "water"), ("Water-E", "water"), ("", "unknown"), ("UNK", "unknown"), ("G", "unknown"),
])
def test_surfaces_read_from_free_text(text: str, kind: str) -> None:
    assert runways.classify_surface(text) == kind


def test_a_737_fits_spokane_not_the_grass_and_gravel_strips_nearer() -> None:
    b739 = performance("Boeing 737-900ER")
    assert b739.designator == "B739" and b739.needs_runway and b739.surfaces == ("hard",)
    near = runways.fields_within(47.40, -117.40, 40.0)
    fitting = {f.code for _, f in near if runways.fits(f, b739)}
    assert "KGEG" in fitting
    spangle = runways.field("03WA")
    assert spangle is not None and spangle.name == "Spangle Field"
    assert not runways.fits(spangle, b739)
    assert all(f.type != "heliport" for _, f in near if f.code in fitting)


def test_helicopters_fit_heliports_and_reach_less_far() -> None:
    h135 = performance("EC135")
    assert h135.category == "helicopter" and not h135.needs_runway
    heliport = runways.field("LSXV")
    assert heliport is not None and heliport.type == "heliport"
    assert runways.fits(heliport, h135)
    assert not runways.fits(heliport, performance("A320"))
    assert h135.max_gs_kt < performance("A320").max_gs_kt


def test_unknown_types_get_the_cautious_default() -> None:
    unknown = performance("XQ99")
    assert unknown.category == "unknown" and unknown.designator is None
    assert unknown.max_gs_kt >= max(performance(c).max_gs_kt for c in ("B744", "A388", "GLF6"))
    assert unknown.min_runway_m <= min(performance(c).min_runway_m for c in ("C172", "PC12"))
    assert category_performance("helicopter").needs_runway is False
    assert designator("Boeing 737-800") == "B738"


def test_a_city_lists_its_own_airports_first_by_size() -> None:
    denver = [f.code for f in runways.by_municipality("Denver")]
    assert denver[0] == "KDEN"
    assert {"LSZH", "LSMD"} <= {f.code for f in runways.by_municipality("Zürich")} | \
        {f.code for f in runways.by_municipality("Zurich")}


def test_runways_near_a_point_have_both_ends() -> None:
    found = runways.runways_within(50.90, 4.48, 5.0)
    assert len(found) >= 3
    assert all(r.ends[0] is not None and r.ends[1] is not None for r in found)
