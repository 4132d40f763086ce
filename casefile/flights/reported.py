"""Flights entered by hand from a report (news, witness): kept as "reported, not tracked"."""

from __future__ import annotations

import json
from typing import Any

from casefile.errors import InvalidInput, NotFound
from casefile.flights.aircraft import find
from casefile.ids import new_id
from casefile.model.flights import ReportedFlight
from casefile.reference.aircraft_types import designator
from casefile.reference.airports import index as airport_index
from casefile.store import Case
from casefile.store.resolve import resolve
from casefile.timeutil import TimeValue, now_z, parse_analyst_time


def add_reported_flight(case: Case, *, aircraft: str, from_icao: str | None = None,
                        to_icao: str | None = None, departed: str | None = None,
                        arrived: str | None = None, tz: str | None = None,
                        departed_uncertainty_s: float | None = None,
                        arrived_uncertainty_s: float | None = None,
                        note: str | None = None, departed_tz: str | None = None,
                        arrived_tz: str | None = None,
                        source: str | None = None) -> ReportedFlight:
    """Record a reported flight; airports must be known codes, times are parsed as the analyst typed
    (each end in its own zone: departed_tz / arrived_tz, else tz), the aircraft is kept as typed and
    resolved to an airframe or a type, and `source` (id or S-reference) says which report it is from."""
    if not aircraft.strip():
        raise InvalidInput("say which aircraft (registration, hex or type as reported)",
                           field="aircraft")
    codes = {}
    for name, code in (("from", from_icao), ("to", to_icao)):
        if code:
            ap = airport_index().get(code)
            if ap is None:
                raise InvalidInput(f"unknown airport code {code!r} (give an ICAO code such as UUMU)",
                                   field=name)
            codes[name] = ap.icao
    if not (from_icao or to_icao or departed or arrived):
        raise InvalidInput("a reported flight needs at least an airport or a time", field="flight")
    times: dict[str, TimeValue | None] = {}
    for name, text, unc, zone in (("departed", departed, departed_uncertainty_s, departed_tz or tz),
                                  ("arrived", arrived, arrived_uncertainty_s, arrived_tz or tz)):
        times[name] = parse_analyst_time(text, tz=zone, default_tz=case.default_tz, field=name,
                                         uncertainty_s=unc) if text else None
    dep, arr = times["departed"], times["arrived"]
    dw, aw = (dep.window() if dep and dep.utc else None), (arr.window() if arr and arr.utc else None)
    if dep and arr and dw and aw and aw[1] < dw[0]:   # even their stated precision cannot meet
        raise InvalidInput(f"arrival {arr.utc} is before departure {dep.utc}", field="arrived")
    source_id = _source_id(case, source) if source else None
    try:
        found = find(case, aircraft)
        aircraft_id: str | None = found.id
        ac_type = designator(found.type_code) or found.type_code or designator(found.description)
    except NotFound:
        aircraft_id, ac_type = None, designator(aircraft)
    row = {"id": new_id(), "aircraft_ref": aircraft.strip(), "aircraft_id": aircraft_id,
           "from_icao": codes.get("from"), "to_icao": codes.get("to"),
           "departed": json.dumps(dep.to_dict()) if dep else None,
           "arrived": json.dumps(arr.to_dict()) if arr else None,
           "source_note": note, "created_at": now_z(), "created_by": case.actor,
           "source_id": source_id, "aircraft_type": ac_type}
    with case.transaction():
        case.insert("reported_flights", row, action="reported-flight-added")
    return to_model(row)


def _source_id(case: Case, text: str) -> str:
    """A source's id from its id, short reference (S2), title or id prefix."""
    return resolve(case, text, "S", lists="casefile source list CASE")


def to_model(row: dict[str, Any]) -> ReportedFlight:
    def tv(text: str | None) -> TimeValue | None:
        return TimeValue.from_dict(json.loads(text)) if text else None

    return ReportedFlight(id=row["id"], aircraft_ref=row["aircraft_ref"],
                          aircraft_id=row["aircraft_id"], from_icao=row["from_icao"],
                          to_icao=row["to_icao"], departed=tv(row["departed"]),
                          arrived=tv(row["arrived"]), source_note=row["source_note"],
                          created_at=row["created_at"], created_by=row["created_by"],
                          source_id=row.get("source_id"), aircraft_type=row.get("aircraft_type"))
