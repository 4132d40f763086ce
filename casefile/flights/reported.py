"""Flights entered by hand from a report (news, witness): kept as "reported, not tracked"."""

from __future__ import annotations

import json
from collections.abc import Mapping

from casefile.errors import InvalidInput, NotFound
from casefile.flights.aircraft import find
from casefile.ids import new_id
from casefile.model.flights import ReportedFlight
from casefile.reference.aircraft_types import designator
from casefile.reference.airports import index as airport_index
from casefile.store import Case, putback
from casefile.store.putback import RowState
from casefile.store.resolve import resolve
from casefile.store.rows import ReportedFlightRow, typed
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
    row = _checked_row(case, aircraft=aircraft, from_icao=from_icao, to_icao=to_icao,
                       departed=departed, arrived=arrived, tz=tz,
                       departed_uncertainty_s=departed_uncertainty_s,
                       arrived_uncertainty_s=arrived_uncertainty_s, note=note,
                       departed_tz=departed_tz, arrived_tz=arrived_tz, source=source)
    with case.transaction():
        case.insert("reported_flights", row, action="reported-flight-added")
    return to_model(row)


def _checked_row(case: Case, *, aircraft: str, from_icao: str | None, to_icao: str | None,
                 departed: str | None, arrived: str | None, tz: str | None,
                 departed_uncertainty_s: float | None, arrived_uncertainty_s: float | None,
                 note: str | None, departed_tz: str | None, arrived_tz: str | None,
                 source: str | None) -> ReportedFlightRow:
    """A reported flight's row, every value checked first (nothing is written)."""
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
    row: ReportedFlightRow = {"id": new_id(), "aircraft_ref": aircraft.strip(), "aircraft_id": aircraft_id,
           "from_icao": codes.get("from"), "to_icao": codes.get("to"),
           "departed": json.dumps(dep.to_dict()) if dep else None,
           "arrived": json.dumps(arr.to_dict()) if arr else None,
           "source_note": note, "created_at": now_z(), "created_by": case.actor,
           "source_id": source_id, "aircraft_type": ac_type}
    return row


#: What each editable field of a reported flight writes.
_EDIT_COLUMNS = {"aircraft": ("aircraft_ref", "aircraft_id", "aircraft_type"),
                 "from_icao": ("from_icao",), "to_icao": ("to_icao",), "departed": ("departed",),
                 "arrived": ("arrived",), "note": ("source_note",), "source": ("source_id",)}


def edit_reported_flight(case: Case, flight_id: str, *, reason: str | None = None,
                         tz: str | None = None, **changes: str | None) -> ReportedFlight:
    """Change fields of a reported flight (aircraft, from_icao, to_icao, departed, arrived, note,
    source); times are read in `tz` (else the case's zone). The ledger keeps before and after."""
    bad = set(changes) - set(_EDIT_COLUMNS)
    if bad:
        raise InvalidInput(f"a reported flight has no editable field {sorted(bad)[0]!r}",
                           field=sorted(bad)[0])
    cur = typed(ReportedFlightRow, case.get_row("reported_flights", flight_id))
    given = {k: v for k, v in changes.items()}
    probe = _checked_row(
        case, aircraft=given.get("aircraft") or cur["aircraft_ref"],
        from_icao=given.get("from_icao") if "from_icao" in given else cur["from_icao"],
        to_icao=given.get("to_icao") if "to_icao" in given else cur["to_icao"],
        departed=given.get("departed"), arrived=given.get("arrived"), tz=tz,
        departed_uncertainty_s=None, arrived_uncertainty_s=None, note=given.get("note"),
        departed_tz=None, arrived_tz=None, source=given.get("source"))
    checked: Mapping[str, object] = probe
    upd = {col: checked[col] for key in given for col in _EDIT_COLUMNS[key]}
    with case.transaction():
        row = case.update("reported_flights", flight_id, upd, action="reported-flight-edited",
                          reason=reason)
    return to_model(typed(ReportedFlightRow, row))


def delete_reported_flight(case: Case, flight_id: str, *, reason: str) -> None:
    """Delete a reported flight for a recorded reason (the ledger keeps what it said)."""
    if not reason or not reason.strip():
        raise InvalidInput("deleting a reported flight needs a reason", field="reason")
    with case.transaction():
        case.delete("reported_flights", flight_id, reason=reason)


def put_back(case: Case, table: str, row_id: str, state: RowState, *, reason: str) -> None:
    """A reported flight back to a state the ledger recorded (undo and redo)."""
    if table != "reported_flights":
        raise InvalidInput(f"{table} rows are not reported flights", field="table")
    putback.put_back(case, table, row_id, state, reason=reason)


def _source_id(case: Case, text: str) -> str:
    """A source's id from its id, short reference (S2), title or id prefix."""
    return resolve(case, text, "S", lists="casefile source list CASE")


def to_model(row: ReportedFlightRow) -> ReportedFlight:
    def tv(text: str | None) -> TimeValue | None:
        return TimeValue.from_dict(json.loads(text)) if text else None

    return ReportedFlight(id=row["id"], aircraft_ref=row["aircraft_ref"],
                          aircraft_id=row["aircraft_id"], from_icao=row["from_icao"],
                          to_icao=row["to_icao"], departed=tv(row["departed"]),
                          arrived=tv(row["arrived"]), source_note=row["source_note"],
                          created_at=row["created_at"], created_by=row["created_by"],
                          source_id=row.get("source_id"), aircraft_type=row.get("aircraft_type"))


def all_reported(case: Case) -> list[ReportedFlight]:
    """Flights entered by hand ("reported, not tracked"), in the order they were entered."""
    return [to_model(r) for r in case.select(ReportedFlightRow,
                                             "SELECT * FROM reported_flights ORDER BY created_at, id")]
