"""Suggested entity mentions: what the scenario article names, and what must not be suggested."""

from __future__ import annotations

from casefile.analyst.mentions import suggest_mentions, summarise


def _values(text: str, kind: str) -> set[str]:
    return {m.value for m in suggest_mentions(text) if m.kind == kind}


def test_scenario_article_suggests_types_airports_and_the_person(article):
    rows = summarise(suggest_mentions(article.read_text("utf-8")))
    by_kind: dict[str, set[str]] = {}
    for r in rows:
        by_kind.setdefault(r["kind"], set()).add(r["value"])
    assert {"An-124", "Il-62"} <= by_kind["aircraft-type"]
    assert {"UUMU", "SVMI"} <= by_kind["airport"]           # Chkalovsky, Caracas
    assert "Vasily Tonkoshkurov" in by_kind["person"]
    assert {"Javier Mayorca", "Nicolas Maduro"} <= by_kind["person"]
    assert {"Flightradar24", "ADS-B Exchange"} <= by_kind["organisation"]
    # the article names no registrations or hex codes: none may be invented
    assert "registration" not in by_kind and "icao-hex" not in by_kind
    an124 = next(r for r in rows if r["value"] == "An-124")
    assert an124["count"] == 3 and "Antonov AN-124" in an124["forms"]
    assert an124["detail"] == "ICAO type A124"
    # no word of the article is taken for a person when it is a country, month or title
    assert not any(w in " ".join(by_kind["person"]) for w in ("Russian", "March", "President"))


def test_registrations_and_hex_codes():
    text = ("RA-82010 and UR-82072 flew; N8774Q (hex ac134a) too. Mode S 4B1805 seen. "
            "EW-78827 and G-EUPT.")
    assert _values(text, "registration") == {"RA-82010", "UR-82072", "N8774Q", "EW-78827", "G-EUPT"}
    assert _values(text, "icao-hex") == {"ac134a", "4b1805"}


def test_things_that_are_not_registrations_or_hex():
    text = ("An AN-124, an Il-62 and a Tu-154 parked; SU-27 is a fighter; the facade cost 123456 "
            "dollars; the CEO of OPEC and the CSS met; KC-135 refuelled.")
    assert _values(text, "registration") == set()
    assert _values(text, "icao-hex") == set()
    assert {"An-124", "Il-62", "Tu-154", "KC-135"} <= _values(text, "aircraft-type")
    assert _values(text, "airport") == set()


def test_airport_codes_need_airport_context_for_three_letters():
    assert _values("landed at Maiquetía (CCS) after leaving UUMU", "airport") == {"SVMI", "UUMU"}
    assert _values("the CCS forecast it", "airport") == set()


def test_cyrillic_and_emoji_text_keeps_positions():
    text = "🇷🇺 Ан-124 и RA-82010 в Каракасе ✈️"
    found = [m for m in suggest_mentions(text) if m.kind == "registration"]
    assert [text[m.start:m.end] for m in found] == ["RA-82010"]


def test_cyrillic_names_titles_hyphens_and_colour_codes():
    assert _values("Генерал Василий Тонкошкуров прилетел", "person") == {"Василий Тонкошкуров"}
    assert _values("Bassel Al-Assad airport in Latakia", "person") == {"Bassel Al-Assad"}
    assert _values("Bassel Al-Assad airport in Latakia", "airport") == {"OSLK"}
    assert _values("colour #ff0000 and #A1B2C3", "icao-hex") == set()
    assert _values("landed at Vnukovo, not Sheremetyevo", "airport") == {"UUWW", "UUEE"}
