"""Probe: claim verdicts on real tracks the claim rules were NOT tuned on, against labels read by
hand from the raw points.

The rules of issue 29 were tuned on `traffic/fr24-2ce4f83f.json` (SPAR19) only. The files here
were kept aside; each claim's expected verdict was decided by reading the file's raw points (not
Casefile's legs), and the reading is written beside it. A verdict is WRONG when it says
consistent where the raw points say inconsistent or the other way round, or takes a side where
the raw points cannot settle it; it is WEAK when it stays undetermined where the points settle it.

    python benchmarks/claims_probe.py [--verbose]

Prints one line per claim and the counts; exits 1 when any verdict is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FLIGHTS = Path(os.environ.get("CASEFILE_SHARED", ROOT.parent / "shared")) / "corpora" / "flights"

#: The held-out files (what the raw points show, read by hand):
#: - EDW24 = traffic/fr24-34a8254b.json: Edelweiss WK24 (callsign EDW24), A343, Zurich -> Cancun,
#:   6 Apr 2024. Last ground point 11:04:23Z, first airborne 11:04:37Z (1,225 ft) at LSZH; last
#:   airborne 21:40:46Z (50 ft), first ground 21:40:55Z at MMUN; points to 21:42:37Z. Over England
#:   at 12:17Z (52.85,-1.29), New York at 18:30Z (40.78,-73.90), through the Yucatan channel about
#:   120 km west of Cuba's western tip at 21:05-21:20Z. Zurich is UTC+2, Cancun UTC-5 that day.
#: - TK1745 = traffic/fr24-372355e5.json: Turkish TK1745 (callsign THY9BP), B738, Istanbul LTFM ->
#:   Oslo ENGM, 17 Sep 2024. On the ground at LTFM 07:31:21Z, no point until 07:50:29Z at the same
#:   spot (0.03 km); take-off between 08:01:54Z and 08:02:03Z; over Poland 09:34Z (50.81,20.49),
#:   over the Baltic (55.81,16.95) 10:18Z, i.e. well east of Germany; landing between 11:17:08Z
#:   and 11:17:15Z at ENGM; points to 11:22:26Z taxiing. Istanbul UTC+3, Oslo UTC+2.
#: - N8774Q = readsb/trace_full_ac134a.json: Southwest B38M N8774Q (hex ac134a, SWA506), 12 Aug
#:   2024: cruising over Pennsylvania-Georgia-Florida from 00:00Z, last airborne 02:49:12Z, on the
#:   ground at West Palm Beach KPBI 02:49:34Z to 02:53:52Z, no point until 10:49:39Z at the same
#:   spot, then taxiing until the last point 10:52:06Z. New York zone (UTC-4).
#: - RYR2RG = opensky/states_RYR2RG_...csv: 4d2271, one point a second from 15:45:00Z to
#:   16:05:00Z, 2 Feb 2022, at FL370 from near Lyon (45.86,4.96) to (44.57,2.25); passes 3.6 km
#:   from 45.30,3.80 at 15:53:30Z and no nearer than 15.5 km to 45.00,3.00.
#: - DLH1534 = flightaware/FlightAware_DLH1534_LSZH_EDDF_20210817.kml: Lufthansa LH1534, 17 Aug
#:   2021, first point 12:43:24Z already airborne just west of LSZH (587 m), last 13:19:29Z at 53 m
#:   on final at EDDF; the take-off and landing themselves are not in the file.
#: Second set, written and run only after every rule change (nothing was changed after it ran):
#: - ELY1747 = traffic/featured-elal747.json.gz: El Al 747 738043, 3 Nov 2019, Rome LIRF ->
#:   Tel Aviv LLBG. Ground 0 ft at 10:10:40Z, 212 ft at 10:10:50Z (take-off; Rome UTC+1);
#:   162 ft at 15:07:50Z, 0 ft at 15:08:00Z (landing; Israel UTC+2); points every 10 s to
#:   15:19:40Z on the ground. 12:00-14:30Z it stays north of 33.26 N (Egypt's coast is south of
#:   31.7 N); at 14:31:30Z it passes 11 km from Paphos, Cyprus.
#: - DLH4TR = traffic/noisy-noisy_landing.json.gz: 3c664e, 11 Nov 2019, on final for LSZH; last
#:   point 18:09:59Z at 1,675 ft (LSZH 1,416 ft), descending 768 ft/min: lands ~20 s later.
#: - REGA1 = traffic/ambulances-rega_zh.json.gz: rescue helicopter 4b43ac, 24 May 2019,
#:   21:18:39-21:24:17Z; from 21:23 hovering at 1,450 ft (field 1,470 ft) at 8-17 kt 0.8 km from
#:   Dubendorf LSMD, 9.9 km from Zurich LSZH; Zurich UTC+2.
FILES = {
    "EDW24": "traffic/fr24-34a8254b.json",
    "TK1745": "traffic/fr24-372355e5.json",
    "N8774Q": "readsb/trace_full_ac134a.json",
    "RYR2RG": "opensky/states_RYR2RG_2022-02-02_from_traffic_cache.csv",
    "DLH1534": "flightaware/FlightAware_DLH1534_LSZH_EDDF_20210817.kml",
    "ELY1747": "traffic/featured-elal747.json.gz",
    "DLH4TR": "traffic/noisy-noisy_landing.json.gz",
    "REGA1": "traffic/ambulances-rega_zh.json.gz",
}


@dataclass(frozen=True)
class Probe:
    expect: str                  # consistent | inconsistent | undetermined
    kind: str
    aircraft: str
    place: str
    why: str                     # how the expected verdict was read from the raw points
    when: str | None = None
    start: str | None = None
    end: str | None = None
    tz: str | None = None
    about: bool = False
    form: dict[str, str] = field(default_factory=dict)


P = Probe
PROBES = [
    # ---- EDW24 / WK24 (fr24-34a8254b) ----
    P("consistent", "departure", "EDW24", "LSZH", "take-off 11:04:23-11:04:37Z = 13:04 CEST",
      when="2024-04-06 13:04", tz="Europe/Zurich"),
    P("consistent", "departure", "WK24", "Zurich", "same take-off; no zone: Zurich's own",
      when="2024-04-06 13:05"),
    P("consistent", "arrival", "WK24", "MMUN", "landing 21:40:46-21:40:55Z = 16:40 Cancun",
      when="2024-04-06 16:41", tz="America/Cancun"),
    P("consistent", "arrival", "EDW24", "Cancun", "about 16:30 local spans 16:15-16:45",
      when="2024-04-06 16:30", tz="America/Cancun", about=True),
    P("inconsistent", "arrival", "EDW24", "MMUN", "at 21:10Z it was airborne at FL380 over the "
      "Gulf, points every few minutes", when="2024-04-06 16:10", tz="America/Cancun"),
    P("consistent", "transit", "EDW24", "United States", "over New York at 18:30Z",
      start="2024-04-06T18:00Z", end="2024-04-06T19:30Z"),
    P("consistent", "transit", "EDW24", "United Kingdom", "52.85,-1.29 at 12:17Z is England",
      start="2024-04-06T12:10Z", end="2024-04-06T12:30Z"),
    P("inconsistent", "transit", "EDW24", "Cuba", "Yucatan channel, ~120 km west of Cuba's tip",
      start="2024-04-06T20:50Z", end="2024-04-06T21:30Z"),
    P("inconsistent", "presence", "EDW24", "Paris", "at 11:30Z at FL300+ over eastern France, "
      "180 km from Paris", when="2024-04-06T11:30Z"),
    P("consistent", "departure", "WK24", "LSZH", "the date of the take-off (local day)",
      when="2024-04-06", tz="Europe/Zurich"),
    P("undetermined", "departure", "EDW24", "LSZH", "the next day: after the records end, and "
      "Cancun-Zurich is reachable in a day", when="2024-04-07", tz="Europe/Zurich"),
    # ---- TK1745 / THY9BP (fr24-372355e5) ----
    P("consistent", "departure", "THY1745", "LTFM", "take-off 08:01:54-08:02:03Z = 11:02 TRT; the "
      "ICAO form of the file's flight number TK1745", when="2024-09-17 11:02",
      tz="Europe/Istanbul"),
    P("consistent", "departure", "TK1745", "Istanbul", "11:00 Istanbul = 08:00Z, 84 s before the "
      "take-off window: inside the 2-min rounding", when="2024-09-17 11:00"),
    P("consistent", "arrival", "TK1745", "ENGM", "landing 11:17:08-11:17:15Z = 13:17 CEST",
      when="2024-09-17T13:17+02:00"),
    P("undetermined", "arrival", "TK1745", "Oslo", "13:21 local is 3.3 min after the landing "
      "window: beyond rounding, within 3x", when="2024-09-17 13:21", tz="Europe/Oslo"),
    P("inconsistent", "arrival", "THY9BP", "ENTO", "it landed at ENGM, not Torp",
      when="2024-09-17 13:17", tz="Europe/Oslo"),
    P("consistent", "presence", "THY9BP", "LTFM", "on the ground at the same spot at 07:31:21Z "
      "and 07:50:29Z: probably still there at 07:40Z", when="2024-09-17T07:40Z"),
    P("consistent", "transit", "TK1745", "Poland", "50.81,20.49 at 09:34Z",
      start="2024-09-17T09:00Z", end="2024-09-17T10:00Z"),
    P("inconsistent", "transit", "TK1745", "Germany", "path stays ~250 km east of Germany",
      start="2024-09-17T08:30Z", end="2024-09-17T10:30Z"),
    P("inconsistent", "presence", "TK1745", "Moscow", "18 min after its last position at Oslo, "
      "~1,650 km away", when="2024-09-17T11:40Z"),
    P("undetermined", "presence", "TK1745", "Moscow", "8.5 h after the records end",
      when="2024-09-17T20:00Z"),
    # ---- N8774Q / ac134a (readsb) ----
    P("consistent", "arrival", "N8774Q", "PBI", "landing 02:49:12-02:49:34Z = 22:49 EDT on the "
      "11th", when="2024-08-11 22:49", tz="America/New_York"),
    P("consistent", "arrival", "N8774Q", "West Palm Beach", "same landing; no zone: the city's",
      when="2024-08-11 22:50"),
    P("consistent", "presence", "ac134a", "PBI", "ground at the same spot 02:53:52Z and "
      "10:49:39Z: probably still there", when="2024-08-12T06:00Z"),
    P("consistent", "presence", "N8774Q", "26.6835,-80.0900", "the same stay, by coordinates",
      when="2024-08-12T06:00:00Z"),
    P("undetermined", "presence", "ac134a", "Orlando", "inside the 8-h gap, Orlando 230 km away: "
      "reachable", when="2024-08-12T06:00Z"),
    P("inconsistent", "presence", "N8774Q", "Atlanta", "68 s after a ground point at PBI, "
      "950 km away", when="2024-08-12T02:55:00Z"),
    P("inconsistent", "transit", "N8774Q", "Mexico", "the whole path is over the eastern US",
      start="2024-08-12T00:00Z", end="2024-08-12T02:50Z"),
    P("consistent", "transit", "ac134a", "United States", "over Virginia/Tennessee",
      start="2024-08-12T01:00Z", end="2024-08-12T02:00Z"),
    P("undetermined", "departure", "N8774Q", "PBI", "still taxiing at the last point 10:52:06Z: "
      "the take-off is after the records", when="2024-08-12 06:53", tz="America/New_York"),
    # ---- RYR2RG / 4d2271 (OpenSky) ----
    P("consistent", "transit", "RYR2RG", "France", "every point is over France",
      start="2022-02-02T15:50Z", end="2022-02-02T16:00Z"),
    P("inconsistent", "transit", "4d2271", "Italy", "~150 km from Italy at the closest",
      start="2022-02-02T15:45Z", end="2022-02-02T16:05Z"),
    P("inconsistent", "presence", "RYR2RG", "London", "790 km from its last point 15 min before",
      when="2022-02-02T16:20Z"),
    P("undetermined", "presence", "RYR2RG", "Dublin", "a whole day, 20 min of it recorded",
      when="2022-02-02", tz="Europe/Dublin"),
    P("consistent", "transit", "RYR2RG", "45.30,3.80", "passes 3.6 km from it at 15:53:30Z",
      start="2022-02-02T15:50Z", end="2022-02-02T16:00Z"),
    P("inconsistent", "transit", "4d2271", "45.00,3.00", "no nearer than 15.5 km (reach 10 km), "
      "a point a second", start="2022-02-02T15:55Z", end="2022-02-02T16:02Z"),
    # ---- DLH1534 (FlightAware KML) ----
    P("inconsistent", "arrival", "LH1534", "EDDF", "at 13:00Z airborne over Germany, the landing "
      "came after 13:19:29Z", when="2021-08-17 15:00", tz="Europe/Berlin"),
    P("undetermined", "arrival", "DLH1534", "EDDF", "the day before the records: nothing shows "
      "where it was", when="2021-08-16", tz="Europe/Berlin"),
    # ---- the second set (fresh): ELY1747 / 738043, DLH4TR, REGA1 ----
    P("consistent", "departure", "ELY1747", "LIRF", "take-off 10:10:40-10:10:50Z; no zone: Rome's",
      when="2019-11-03 11:10"),
    P("consistent", "departure", "LY1747", "Rome", "the IATA form of the callsign's flight",
      when="2019-11-03 11:11", tz="Europe/Rome"),
    P("consistent", "arrival", "738043", "LLBG", "landing 15:07:50-15:08:00Z = 17:08 IST",
      when="2019-11-03 17:08", tz="Asia/Jerusalem"),
    P("consistent", "arrival", "ELY1747", "Tel Aviv", "about 17:00 local spans the landing",
      when="2019-11-03 17:00", tz="Asia/Jerusalem", about=True),
    P("inconsistent", "arrival", "ELY1747", "LLBG", "at 14:28-14:31Z at FL310 over the sea west "
      "of Cyprus", when="2019-11-03 16:30", tz="Asia/Jerusalem"),
    P("inconsistent", "arrival", "ELY1747", "LLHA", "it landed at LLBG, not Haifa",
      when="2019-11-03 17:08", tz="Asia/Jerusalem"),
    P("inconsistent", "transit", "ELY1747", "Egypt", "north of 33.26 N all that time",
      start="2019-11-03T12:00Z", end="2019-11-03T14:30Z"),
    P("consistent", "transit", "ELY1747", "Cyprus", "11 km from Paphos at 14:31:30Z",
      start="2019-11-03T14:20Z", end="2019-11-03T14:40Z"),
    P("inconsistent", "presence", "ELY1747", "Athens", "22 min after landing at LLBG, 1,200 km",
      when="2019-11-03T15:30Z"),
    P("consistent", "presence", "738043", "LLBG", "on the ground there at 15:18Z",
      when="2019-11-03T15:18Z"),
    P("consistent", "departure", "ELY1747", "LIRF", "the day, Rome time", when="2019-11-03",
      tz="Europe/Rome"),
    P("consistent", "arrival", "DLH4TR", "LSZH", "260 ft above the field, descending, at "
      "18:09:59Z: lands about 18:10:20Z", when="2019-11-11 19:10", tz="Europe/Zurich"),
    P("undetermined", "arrival", "DLH4TR", "LSZH", "20 min after the last point: a second "
      "landing cannot be excluded", when="2019-11-11 19:30", tz="Europe/Zurich"),
    P("inconsistent", "arrival", "REGA1", "LSZH", "hovering at Dubendorf, 9.9 km away, until "
      "13 s before the window ends", when="2019-05-24 23:24", tz="Europe/Zurich"),
    P("consistent", "presence", "4b43ac", "LSMD", "at field height 0.8 km from it",
      when="2019-05-24 23:24", tz="Europe/Zurich"),
]


def run(verbose: bool) -> int:
    from casefile.analyst import claims as cl
    from casefile.importers.pipeline import import_paths
    from casefile.store import Case
    from casefile.xref.query import XrefSession

    missing = [f for f in FILES.values() if not (FLIGHTS / f).exists()]
    if missing:
        print(f"corpora not found: {missing}")
        return 2
    tmp = Path(tempfile.mkdtemp())
    case = Case.create(tmp / "probe", "claims probe", investigator="probe", default_tz=None)
    import_paths(case, [FLIGHTS / f for f in FILES.values()], workers=1)
    ids = []
    for n, p in enumerate(PROBES, 1):
        c = cl.add_claim(case, f"probe {n}: {p.kind} {p.place}", kind=p.kind, when=p.when,
                         start=p.start, end=p.end, tz=p.tz, place_ref=p.place,
                         aircraft_refs=[p.aircraft], approx=p.about)
        ids.append(c.id)
    found = XrefSession(case).run()
    by_claim: dict[str, Any] = {}
    for f in found:
        if f.kind == "claim-flights":
            by_claim[f.item_ids[0]] = f
    wrong = weak = 0
    for n, (p, cid) in enumerate(zip(PROBES, ids, strict=True), 1):
        f = by_claim.get(cid)
        got = f.verdict if f is not None else "no finding"
        if got == p.expect:
            mark = "ok   "
        elif got == "undetermined" and p.expect != "undetermined":
            mark, weak = "WEAK ", weak + 1
        else:
            mark, wrong = "WRONG", wrong + 1
        conf = f"{f.confidence:.2f}" if f is not None else "-"
        print(f"{mark} {n:2d} {p.kind:9s} {p.aircraft:8s} {p.place:16s} expect {p.expect:12s} "
              f"got {got:12s} {conf}  ({p.why})")
        if verbose or mark != "ok   ":
            print(f"        {f.explanation if f is not None else ''}")
    print(f"\n{len(PROBES)} claims on {len(FILES)} held-out files: {wrong} wrong, {weak} weak "
          f"(undetermined where the raw points settle it), "
          f"{len(PROBES) - wrong - weak} as labelled")
    case.close()
    return 1 if wrong else 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    sys.exit(run(ap.parse_args().verbose))
