"""Aircraft identity: find the airframe a record is about, or create it; never invent identity."""

from __future__ import annotations

import json
from typing import Any, TypedDict

from casefile.flights.refs import AircraftRefs
from casefile.ids import new_id
from casefile.model.flights import Aircraft
from casefile.reference.icao24 import country_for, normalise_hex
from casefile.store import Case
from casefile.store.rows import AircraftRow
from casefile.timeutil import now_z

_FIELDS = ("registration", "type_code", "description", "operator", "military")


def row_to_aircraft(row: AircraftRow) -> Aircraft:
    mil = row.get("military")
    return Aircraft(id=row["id"], icao24=row["icao24"], registration=row["registration"],
                    type_code=row["type_code"], description=row["description"],
                    operator=row["operator"], country=row["country"],
                    military=None if mil is None else bool(mil), label=row.get("label") or "")


def resolve(case: Case, *, item_id: str, icao24: str | None, registration: str | None,
            type_code: str | None = None, description: str | None = None,
            operator: str | None = None, military: bool | None = None, label: str = "") -> str:
    """The id of the aircraft these facts name (same hex, else same registration), created if new.

    Facts a later file adds fill empty fields (recorded in the ledger); nothing already known is
    overwritten. A record with neither hex nor registration always gets a new, labelled aircraft.
    """
    hexa = normalise_hex(icao24) if icao24 else None
    reg = registration.strip().upper() if registration and registration.strip() else None
    facts = {"registration": reg, "type_code": type_code, "description": description,
             "operator": operator, "military": None if military is None else int(military)}
    found: list[dict[str, Any]] = []
    if hexa:
        found = case.rows("SELECT * FROM aircraft WHERE icao24 = ? ORDER BY id", [hexa])
    elif reg:
        found = case.rows("SELECT * FROM aircraft WHERE registration = ? AND icao24 IS NULL "
                          "ORDER BY id", [reg])
    if found:
        row = found[0]
        fill = {k: v for k, v in facts.items() if v is not None and row.get(k) is None}
        if fill:
            case.update("aircraft", row["id"], fill, action="aircraft-filled", item_id=item_id,
                        reason=f"facts added by item {item_id}")
        return str(row["id"])
    aid = new_id()
    case.insert("aircraft", {"id": aid, "icao24": hexa, **facts,
                             "country": country_for(hexa) if hexa else None,
                             "label": label or None, "created_at": now_z()},
                action="aircraft-created", item_id=item_id)
    return aid


def all_aircraft(case: Case) -> list[Aircraft]:
    return [row_to_aircraft(r) for r in case.select(AircraftRow, "SELECT * FROM aircraft ORDER BY id")]


class _RecordedAs(TypedDict):
    aircraft_id: str
    callsigns: str | None              # JSON list
    flight: str | None                 # JSON object


def recorded_names(case: Case) -> dict[str, list[str]]:
    """Per aircraft id, the callsigns and flight numbers its tracks were recorded with, sorted."""
    names: dict[str, set[str]] = {}
    for r in case.select(_RecordedAs, "SELECT aircraft_id, callsigns, flight FROM tracks"):
        got = names.setdefault(r["aircraft_id"], set())
        got.update(json.loads(r["callsigns"] or "[]") or [])
        flight = json.loads(r["flight"]) if r["flight"] else {}
        got.update(str(flight[k]) for k in ("number", "callsign") if flight.get(k))
    return {aid: sorted(v) for aid, v in names.items()}


def refs_index(case: Case) -> AircraftRefs:
    """Every aircraft of the case by every reference that names it: registration, hex, id, and
    the callsigns and flight numbers its tracks were recorded with."""
    names = recorded_names(case)
    return AircraftRefs.build((a, names.get(a.id, ())) for a in all_aircraft(case))


def find(case: Case, ref: str) -> Aircraft:
    """An aircraft by registration, hex, id, or a callsign/label it was recorded with (never by type)."""
    return refs_index(case).find_one(ref.strip())
