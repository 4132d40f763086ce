"""The reference scenario as data: airports, the two aircraft, the source record and its six claims.

The article itself is third-party text and is NOT shipped: the source carries its bibliographic
details and a short summary in our own words; the claims are our own wording of what it asserts.
Aircraft identity is not invented: the ICAO hex codes are made up (clearly illustrative) and the
registrations are unknown, because the article names none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casefile.demo import ILLUSTRATIVE


@dataclass(frozen=True)
class Airport:
    icao: str
    name: str
    lat: float
    lon: float
    elev_ft: int
    tz: str
    apron: tuple[float, float]     # a parking position on the apron (lat, lon)


#: Reference points as in the airportsdata package; apron positions picked off the airport layout.
UUMU = Airport("UUMU", "Chkalovsky", 55.8783, 38.0617, 499, "Europe/Moscow", (55.8818, 38.0532))
OSLK = Airport("OSLK", "Latakia / Hmeimim (Bassel Al-Assad)", 35.4011, 35.9487, 157, "Asia/Damascus",
               (35.4063, 35.9452))
SVMI = Airport("SVMI", "Caracas Maiquetía (Simón Bolívar)", 10.60312, -66.99059, 235, "America/Caracas",
               (10.5987, -66.9873))
AIRPORTS = {a.icao: a for a in (UUMU, OSLK, SVMI)}


@dataclass(frozen=True)
class DemoAircraft:
    icao24: str          # made up, inside the Russian Federation allocation block 140000-15FFFF
    type_code: str       # ICAO type designator
    description: str
    role: str


IL62 = DemoAircraft("15d3a1", "IL62", "ILYUSHIN IL-62", "passenger jet (reported)")
AN124 = DemoAircraft("15d3b7", "A124", "ANTONOV AN-124 RUSLAN", "cargo plane (reported)")


@dataclass(frozen=True)
class DemoSource:
    """A source as the demo records it: bibliographic details, a grade and our own summary."""

    kind: str
    title: str
    publisher: str
    author: str | None
    published: str
    published_tz: str | None
    reliability: str
    reliability_rationale: str
    summary: str
    url: str | None = None
    dateline: str | None = None


#: The article, described (not copied). Times are as the article gives them (Caracas dateline).
ARTICLE = DemoSource(
    kind="news-article",
    title="[no headline in the saved copy] Report: two Russian Air Force planes land in Caracas",
    publisher="FRN (the outlet names itself \u201cFRN\u201d in the text)",
    author=None,
    dateline="CARACAS",
    published="2019-03-24",
    published_tz="America/Caracas",
    url=None,
    reliability="D",
    reliability_rationale=(
        "Partisan outlet that mixes attributed reporting with opinion and unattributed assertions; "
        "its factual core cites flight-tracking sites, local journalists and social-media posts "
        "that can be checked independently."),
    summary=(
        "Our summary: the report says flight trackers showed two Russian Air Force aircraft, an "
        "Il-62 and an An-124, flying from Chkalovsky near Moscow to Caracas via Syria on 22 March "
        "2019, landing at Maiquetía on 23 March with a defence official and about 100 troops, and "
        "the cargo plane leaving on the afternoon of 24 March. It adds background on earlier "
        "Russian flights and aid, and opinion."),
)

SOCIAL_POST = DemoSource(
    kind="social-media-post",
    title="Post with a photo of an An-124 said to be in Caracas \u201ctoday, March 23 2019\u201d",
    publisher="Twitter",
    author="@Capt_Navy",
    published="2019-03-24",
    published_tz=None,
    url=None,
    reliability="F",
    reliability_rationale="Anonymous account; the post is dated the day after the date it gives "
                          "for its photo; the photo's origin is not stated.",
    summary="Cited in the article. Our photo standing in for it is SYNTHETIC (made by Casefile).",
)


@dataclass(frozen=True)
class DemoClaim:
    key: str
    text: str
    kind: str
    credibility: int
    start_local: str | None      # asserted window, local time at the place (ISO without zone)
    end_local: str | None
    tz: str | None
    place_icao: str | None
    aircraft: tuple[str, ...] = ()      # which demo aircraft the claim is about (icao24)
    note: str = ""
    place_text: str | None = None
    sources: tuple[str, ...] = field(default=("article",))


CLAIMS: tuple[DemoClaim, ...] = (
    DemoClaim("departure-uumu",
              "According to a flight-tracking site cited by the report, an Il-62 passenger jet and "
              "an An-124 cargo plane left the Chkalovsky military airfield for Caracas on Friday "
              "22 March 2019, with a stop in Syria.",
              "departure", 3, "2019-03-22T00:00:00", "2019-03-22T23:59:59", "Europe/Moscow", "UUMU",
              (IL62.icao24, AN124.icao24), note="Second-hand: the report cites the tracker, "
                                                "we have not seen its page."),
    DemoClaim("arrival-svmi",
              "Two Russian Air Force aircraft landed at Maiquetía, Caracas on Saturday 23 March 2019 "
              "(Caracas time), according to local journalists.",
              "arrival", 2, "2019-03-23T00:00:00", "2019-03-23T23:59:59", "America/Caracas", "SVMI",
              (IL62.icao24, AN124.icao24)),
    DemoClaim("photo-an124-caracas",
              "A social-media post dated 24 March shows a photo said to be of an An-124 in Caracas "
              "\u201ctoday, March 23 2019\u201d.",
              "presence", 3, "2019-03-23T00:00:00", "2019-03-23T23:59:59", "America/Caracas", "SVMI",
              (AN124.icao24,), sources=("article", "social"),
              note="The post's date (24 March) and the date it states (23 March) differ."),
    DemoClaim("passengers-cargo",
              "On board, on arrival on 23 March: local journalists spoke of close to a hundred "
              "soldiers and a senior Russian defence official; a reporter named the chief of staff "
              "of the Russian ground forces on the first plane and 35 tonnes of material on the "
              "cargo plane.",
              "personnel", 6, "2019-03-23T00:00:00", "2019-03-23T23:59:59", "America/Caracas", "SVMI",
              (IL62.icao24, AN124.icao24),
              note="A landing can show the flight happened, never who or what was on board."),
    DemoClaim("departure-svmi",
              "Another flight-tracking site showed the cargo plane leaving Caracas on the afternoon "
              "of Sunday 24 March 2019.",
              "departure", 3, "2019-03-24T12:00:00", "2019-03-24T18:59:59", "America/Caracas", "SVMI",
              (AN124.icao24,)),
    DemoClaim("bombers-2018",
              "Background: the report says a pair of nuclear-capable Russian bombers had landed in "
              "Venezuela in December 2018.",
              "arrival", 3, "2018-12-01T00:00:00", "2018-12-31T23:59:59", "America/Caracas", None,
              place_text="Venezuela",
              note="The only flight record for it is a reported flight typed in from this same "
                   "article: circular, so not independently checked."),
    DemoClaim("background",
              "Background assertions: Russia sent about 300 tonnes of aid in February; and an "
              "unattributed assertion about what a burned aid convoy carried.",
              "other", 6, None, None, None, None, (),
              note="Mixes reported background with an unsupported claim; not testable against "
                   "this case's records."),
)

PROVENANCE_NOTE = ILLUSTRATIVE
