"""Claim places from shipped data: airports, GeoNames cities, Natural Earth country outlines."""

from __future__ import annotations

from casefile.reference import places
from casefile.reference.aircraft_types import designator, type_name


def test_names_resolve_to_airport_city_country() -> None:
    assert places.find_place("SVMI").kind == "airport"          # type: ignore[union-attr]
    assert places.find_place("CCS").key == "SVMI"                # type: ignore[union-attr]
    caracas = places.find_place("Caracas")
    assert caracas is not None and caracas.kind == "city" and caracas.name == "Caracas, VE"
    syria = places.find_place("Syria")
    assert syria is not None and syria.kind == "country" and syria.key == "SY"
    assert places.find_place("Syrian Arab Republic") == syria
    assert places.find_place("Nowhere-on-Earth") is None


def test_country_outline_is_a_polygon_test() -> None:
    syria = places.find_place("Syria")
    assert syria is not None
    assert places.reaches(syria, 35.4011, 35.9487)            # Hmeimim air base (OSLK)
    assert not places.reaches(syria, 33.8209, 35.4884)        # Beirut airport, Lebanon
    assert places.distance_to(syria, 33.8209, 35.4884) > 10
    # a country crossing the 180th meridian: Chukotka is Russia, Alaska is not
    russia = places.find_place("Russia")
    assert russia is not None
    assert places.inside(russia, [66.0, 67.0, 64.8], [170.0, -178.0, -147.7]) == [True, True, False]
    # an enclave is a hole: Maseru (Lesotho) is not in South Africa, Johannesburg is
    za = places.find_place("South Africa")
    assert za is not None
    assert places.inside(za, [-29.31, -26.2], [27.48, 28.04]) == [False, True]


def test_city_reach_covers_its_airport() -> None:
    caracas = places.find_place("Caracas")
    assert caracas is not None and caracas.radius_km >= 20
    assert places.reaches(caracas, 10.60312, -66.99059)         # Maiquetía airport, ~18 km out
    madrid = places.find_place("Madrid")
    assert madrid is not None and not places.reaches(madrid, 10.60312, -66.99059)


def test_aircraft_types_by_designator_and_common_names() -> None:
    for typed in ("A124", "An-124", "AN124", "Ruslan", "Antonov An-124-100 Ruslan",
                  "ANTONOV AN-124 RUSLAN"):
        assert designator(typed) == "A124", typed
    for typed in ("IL62", "Il-62", "Ilyushin Il-62M"):
        assert designator(typed) == "IL62", typed
    for typed in ("RA-82010", "15d3b7", "UUMU", ""):
        assert designator(typed) is None, typed
    assert type_name("A124") == "An-124"
