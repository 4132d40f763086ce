"""Flightradar24 flight-playback JSON (`result.response.data.flight`): the aircraft, the flight it
flew (number, callsign, stated origin and destination) and its track."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from casefile.errors import CorruptFile
from casefile.importers.flights.fields import num, position
from casefile.importers.flights.gz import plain_head
from casefile.importers.flights.importer import FlightImporter
from casefile.importers.flights.parsed import ParsedFlights, finish
from casefile.importers.registry import register
from casefile.model.flights import ParsedTrack, PointRow
from casefile.reference.icao24 import normalise_hex

FORMAT = "fr24-playback-json"


def _get(d: Any, *path: str) -> Any:
    """d[path[0]][path[1]]... or None where any step is missing or not a mapping."""
    for key in path:
        if not isinstance(d, dict):
            return None
        d = d.get(key)
    return d


def _text(v: Any) -> str | None:
    return str(v).strip() or None if v not in (None, "") else None


def load_json(path: Path, raw: bytes) -> Any:
    """Parsed JSON, or CorruptFile naming where it breaks."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CorruptFile(f"not valid JSON ({exc.msg}, column {exc.colno}); the file may be "
                          "truncated", path, line=exc.lineno) from None
    except UnicodeDecodeError as exc:
        raise CorruptFile(f"not UTF-8 text ({exc.reason})", path) from None


def _end(ap: Any) -> dict[str, Any] | None:
    if not isinstance(ap, dict):
        return None
    return {"icao": _text(_get(ap, "code", "icao")), "iata": _text(_get(ap, "code", "iata")),
            "name": _text(ap.get("name"))}


def flight_facts(fl: dict[str, Any]) -> dict[str, Any]:
    """What the file states about the flight (not observed by us): number, callsign, route."""
    facts = {"source": "Flightradar24", "fr24_id": _text(_get(fl, "identification", "id")),
             "number": _text(_get(fl, "identification", "number", "default")),
             "callsign": _text(_get(fl, "identification", "callsign")),
             "origin": _end(_get(fl, "airport", "origin")),
             "destination": _end(_get(fl, "airport", "destination")),
             "status": _text(_get(fl, "status", "text"))}
    return {k: v for k, v in facts.items() if v is not None}


class Fr24PlaybackJson(FlightImporter):
    name = FORMAT
    extensions = (".json",)

    def score(self, path: Path, head: bytes, mime: str) -> float:
        text = plain_head(head)[:8192].decode("utf-8", "replace")
        if (text.lstrip().startswith("{") and '"result"' in text and '"response"' in text
                and '"flight"' in text):
            return 0.9
        return 0.0

    def parse(self, path: Path, data: bytes | None) -> ParsedFlights:
        doc = load_json(path, self.read(path, data))
        fl = _get(doc, "result", "response", "data", "flight")
        if not isinstance(fl, dict):
            raise CorruptFile("not a Flightradar24 playback file: no result.response.data.flight",
                              path)
        track = fl.get("track")
        if not isinstance(track, list):
            raise CorruptFile("no track list in the flight", path, field="result.response.data."
                              "flight.track")
        ident = _get(fl, "aircraft", "identification")
        hexa = normalise_hex(str(_get(ident, "modes") or ""))
        callsign = _text(_get(fl, "identification", "callsign"))
        out = ParsedFlights(FORMAT)
        trk = ParsedTrack(FORMAT, icao24=hexa, registration=_text(_get(ident, "registration")),
                          type_code=_text(_get(fl, "aircraft", "model", "code")),
                          description=_text(_get(fl, "aircraft", "model", "text")),
                          operator=_text(_get(fl, "owner", "name")),
                          label="" if hexa else f"Flightradar24 flight {callsign or '?'}")
        trk.flight = flight_facts(fl)
        out.tracks.append(trk)
        for i, p in enumerate(track):
            try:
                trk.rows.append(_row(p, callsign))
            except ValueError as exc:
                out.warn(path, f"track[{i}]", f"skipped: {exc}")
        route = " to ".join(e.get("icao") or e.get("name") or "?" for e in
                            (trk.flight.get("origin") or {}, trk.flight.get("destination") or {}))
        if trk.flight.get("origin") or trk.flight.get("destination"):
            out.notes.append(f"Flightradar24 states the flight {trk.flight.get('number') or callsign}"
                             f" as {route} (stated by the file, not observed)")
        return finish(path, out)


def _row(p: Any, callsign: str | None) -> PointRow:
    if not isinstance(p, dict):
        raise ValueError("a track point must be an object")
    t = num(p.get("timestamp"), "timestamp")
    if t is None:
        raise ValueError("no timestamp")
    lat, lon = position(p.get("latitude"), p.get("longitude"))
    alt = num(_get(p, "altitude", "feet"), "altitude.feet")
    # FR24 gives no on-ground flag: altitude 0 is "at or below the field", decided from evidence
    return (t, lat, lon, alt, None, None, num(_get(p, "speed", "kts"), "speed.kts"),
            num(p.get("heading"), "heading"), num(_get(p, "verticalSpeed", "fpm"),
                                                  "verticalSpeed.fpm"),
            callsign, "fr24", 0)


register(Fr24PlaybackJson())
