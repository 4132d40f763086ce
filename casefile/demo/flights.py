"""Illustrative readsb `trace_full` files for the scenario's route, generated (not real tracker data).

The tracks follow the reported route (Chkalovsky -> Latakia/Hmeimim -> Caracas, 22-23 March 2019,
and the An-124 leaving Caracas on the afternoon of 24 March) along great circles, with an ocean
coverage gap, so the cross-reference can say "undetermined". Every file says it is illustrative.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casefile import geo
from casefile.demo import ILLUSTRATIVE
from casefile.demo.scenario import AN124, IL62, OSLK, SVMI, UUMU, Airport, DemoAircraft
from casefile.timeutil import parse_z

KT_PER_KMH = 1 / 1.852
#: One trace sample: (epoch s, lat, lon, altitude in ft or "ground", vertical rate in ft/min or None).
Sample = tuple[float, float, float, int | str, int | None]


def utc(text: str) -> float:
    """Epoch seconds of an ISO time written with Z."""
    return parse_z(text).timestamp()


def _slerp(a: tuple[float, float], b: tuple[float, float], f: float) -> tuple[float, float]:
    """The point a fraction f of the way from a to b along the great circle."""
    return geo.intermediate(a[0], a[1], b[0], b[1], f)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance."""
    return geo.distance_km(a[0], a[1], b[0], b[1])


def bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Initial course from a to b, degrees true."""
    return geo.bearing_deg(a[0], a[1], b[0], b[1])


@dataclass(frozen=True)
class Ground:
    """Parked or taxiing at an airport from start to end (UTC)."""

    airport: Airport
    start: str
    end: str
    step_s: int = 300


@dataclass(frozen=True)
class Flight:
    """Airborne from one airport towards another; `end_at` cuts the track off in the air."""

    origin: Airport
    dest: Airport
    takeoff: str
    landing: str
    cruise_ft: int = 33000
    gaps: tuple[tuple[str, str], ...] = ()
    end_at: str | None = None
    step_s: int = 60


@dataclass
class TraceSpec:
    aircraft: DemoAircraft
    filename: str
    phases: list[Ground | Flight] = field(default_factory=list)
    site: str = "readsb / ADS-B Exchange globe history (format)"


def _altitude(elapsed: float, remaining: float, cruise_ft: int, elev_from: int, elev_to: int) -> float:
    """Barometric altitude: climb at 2000 ft/min, cruise, descend at 1500 ft/min."""
    up = elev_from + 2000 * elapsed / 60
    down = elev_to + 1500 * remaining / 60
    return min(float(cruise_ft), up, down)


def _flight_times(t0: float, t1: float, step_s: int) -> list[float]:
    """Sample times: every 20 s for the first and last 4 minutes, every step_s in between."""
    times, t = [], t0 + 20
    while t < t1:
        times.append(t)
        near_end = t - t0 < 240 or t1 - t <= 240 + step_s
        t += 20 if near_end else step_s
    return times


def _flight_points(f: Flight) -> list[Sample]:
    """(t, lat, lon, alt, vrate) samples of one flight, without the gap and cut-off parts."""
    t0, t1 = utc(f.takeoff), utc(f.landing)
    stop = utc(f.end_at) if f.end_at else t1
    gaps = [(utc(a), utc(b)) for a, b in f.gaps]
    out: list[Sample] = []
    prev_t, prev_alt = t0, float(f.origin.elev_ft)
    for t in _flight_times(t0, t1, f.step_s):
        if t > stop:
            break
        alt = _altitude(t - t0, t1 - t, f.cruise_ft, f.origin.elev_ft, f.dest.elev_ft)
        if not any(a < t < b for a, b in gaps):
            lat, lon = _slerp((f.origin.lat, f.origin.lon), (f.dest.lat, f.dest.lon), (t - t0) / (t1 - t0))
            vrate = (alt - prev_alt) / (t - prev_t) * 60
            out.append((t, lat, lon, int(round(alt / 25.0) * 25), int(round(vrate / 64.0) * 64)))
        prev_t, prev_alt = t, alt
    return out


def _ground_points(g: Ground, taxi_in: bool, taxi_out: bool) -> list[Sample]:
    """Ground samples: a short taxi between the runway and the apron, then parked."""
    t0, t1 = utc(g.start), utc(g.end)
    runway, apron = (g.airport.lat, g.airport.lon), g.airport.apron
    taxi = 600.0
    out: list[Sample] = []
    t = t0
    while t <= t1:
        if taxi_in and t - t0 < taxi:
            lat, lon = _slerp(runway, apron, (t - t0) / taxi)
        elif taxi_out and t1 - t < taxi:
            lat, lon = _slerp(apron, runway, 1 - (t1 - t) / taxi)
        else:
            lat, lon = apron
        out.append((t, lat, lon, "ground", None))
        near_taxi = (taxi_in and t - t0 < taxi) or (taxi_out and t1 - t < taxi + g.step_s)
        t += 60 if near_taxi else g.step_s
    return out


def trace_json(spec: TraceSpec) -> dict[str, Any]:
    """The readsb trace_full document for one aircraft."""
    samples: list[Sample] = []
    phases = spec.phases
    for i, ph in enumerate(phases):
        if isinstance(ph, Ground):
            taxi_in = i > 0 and isinstance(phases[i - 1], Flight)
            taxi_out = i + 1 < len(phases) and isinstance(phases[i + 1], Flight)
            samples.extend(_ground_points(ph, taxi_in, taxi_out))
        else:
            samples.extend(_flight_points(ph))
    samples.sort(key=lambda s: s[0])
    day0 = math.floor(samples[0][0] / 86400) * 86400
    trace: list[list[Any]] = []
    prev = None
    for n, (t, lat, lon, alt, vrate) in enumerate(samples):
        gs, trk = 0.0, None
        if prev is not None and t > prev[0]:
            km = distance_km((prev[1], prev[2]), (lat, lon))
            gs = km / ((t - prev[0]) / 3600) * KT_PER_KMH
            trk = bearing((prev[1], prev[2]), (lat, lon)) if km > 0.01 else (trace[-1][5] if trace else None)
        details = ({"type": "adsb_icao", "category": "A5", "casefile_note": ILLUSTRATIVE}
                   if n % 20 == 0 else None)
        geom = alt + 150 if isinstance(alt, int) else None
        trace.append([round(t - day0, 2), round(lat, 6), round(lon, 6), alt, round(gs, 1),
                      None if trk is None else round(trk, 1), 0, vrate, details, "adsb_icao",
                      geom, None, None, None])
        prev = (t, lat, lon, alt)
    ac = spec.aircraft
    return {"icao": ac.icao24, "t": ac.type_code, "desc": ac.description, "dbFlags": 1,
            "casefile_note": f"{ILLUSTRATIVE}. Registration unknown: the source names none, and none "
                             f"is invented. ICAO address made up for the demo. Format: {spec.site}.",
            "timestamp": float(day0), "trace": trace}


def scenario_traces() -> list[TraceSpec]:
    """The demo's tracks: Il-62 and An-124 to Caracas, and the An-124 leaving on the 24th."""
    il62 = TraceSpec(IL62, f"trace_full_{IL62.icao24}.json", [
        Ground(UUMU, "2019-03-22T11:40:00Z", "2019-03-22T12:10:00Z"),
        Flight(UUMU, OSLK, "2019-03-22T12:10:00Z", "2019-03-22T15:45:00Z", 35000),
        Ground(OSLK, "2019-03-22T15:45:00Z", "2019-03-23T01:50:00Z"),
        Flight(OSLK, SVMI, "2019-03-23T01:50:00Z", "2019-03-23T14:35:00Z", 37000,
               gaps=(("2019-03-23T06:40:00Z", "2019-03-23T11:50:00Z"),)),
        Ground(SVMI, "2019-03-23T14:35:00Z", "2019-03-23T16:30:00Z"),
    ])
    an124 = TraceSpec(AN124, f"trace_full_{AN124.icao24}.json", [
        Ground(UUMU, "2019-03-22T12:35:00Z", "2019-03-22T13:05:00Z"),
        Flight(UUMU, OSLK, "2019-03-22T13:05:00Z", "2019-03-22T16:50:00Z", 31000),
        Ground(OSLK, "2019-03-22T16:50:00Z", "2019-03-23T02:40:00Z"),
        Flight(OSLK, SVMI, "2019-03-23T02:40:00Z", "2019-03-23T16:05:00Z", 33000,
               gaps=(("2019-03-23T06:50:00Z", "2019-03-23T12:20:00Z"),)),
        Ground(SVMI, "2019-03-23T16:05:00Z", "2019-03-24T00:00:00Z"),
    ])
    leaving = TraceSpec(AN124, f"adsbx_trace_full_{AN124.icao24}_2019-03-24.json", [
        Ground(SVMI, "2019-03-24T17:00:00Z", "2019-03-24T19:25:00Z"),
        Flight(SVMI, OSLK, "2019-03-24T19:25:00Z", "2019-03-25T09:00:00Z", 33000,
               end_at="2019-03-24T20:10:00Z"),
    ], site="ADS-B Exchange trace_full (format); the track ends in the air where coverage ends")
    return [il62, an124, leaving]


def write_traces(folder: Path) -> list[Path]:
    """Write the illustrative trace files into folder; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for spec in scenario_traces():
        p = folder / spec.filename
        p.write_text(json.dumps(trace_json(spec), separators=(",", ":")), encoding="utf-8")
        paths.append(p)
    return paths
