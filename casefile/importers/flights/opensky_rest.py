"""OpenSky REST API `states/all` JSON response: one position per aircraft (SI units converted)."""

from __future__ import annotations

import json
from pathlib import Path

from casefile.errors import CorruptFile
from casefile.importers.flights.fields import FPM_PER_MS, FT_PER_M, KT_PER_MS, num, num_scaled, position
from casefile.importers.flights.gz import plain_head
from casefile.importers.flights.importer import FlightImporter
from casefile.importers.flights.parsed import ParsedFlights, finish
from casefile.importers.registry import register
from casefile.model.flights import ParsedTrack
from casefile.reference.icao24 import normalise_hex

_SOURCES = {0: "adsb", 1: "asterix", 2: "mlat", 3: "flarm"}



class OpenSkyRest(FlightImporter):
    name = "opensky-rest"
    extensions = (".json",)

    def score(self, path: Path, head: bytes, mime: str) -> float:
        text = plain_head(head)[:4096].decode("utf-8", "replace")
        if text.lstrip().startswith("{") and '"states"' in text and '"time"' in text:
            return 0.9
        return 0.0

    def parse(self, path: Path, data: bytes | None) -> ParsedFlights:
        try:
            doc = json.loads(self.read(path, data))
        except json.JSONDecodeError as exc:
            raise CorruptFile(f"not valid JSON ({exc.msg}, column {exc.colno}); the file may be "
                              "truncated", path, line=exc.lineno) from None
        except UnicodeDecodeError as exc:
            raise CorruptFile(f"not UTF-8 text ({exc.reason})", path) from None
        if not isinstance(doc, dict) or "states" not in doc:
            raise CorruptFile("not an OpenSky states response: no 'states' key", path)
        out = ParsedFlights("opensky-rest")
        states = doc["states"]
        if states is None:
            out.notes.append("the response holds no state vectors ('states' is null)")
            return out
        if not isinstance(states, list):
            raise CorruptFile("'states' is not a list", path, field="states")
        for i, s in enumerate(states):
            where = f"states[{i}]"
            try:
                if not isinstance(s, list) or len(s) < 17:
                    raise ValueError("a state vector needs 17 fields")
                hexa = normalise_hex(str(s[0]))
                if hexa is None:
                    raise ValueError(f"icao24 {s[0]!r} is not a 24-bit hex address")
                t = num(s[3], "time_position")
                if t is None:
                    raise ValueError("no position time (time_position is null)")
                lat, lon = position(s[6], s[5])
                if s[8] not in (True, False, None):
                    raise ValueError(f"on_ground {s[8]!r} is not true/false")
                row = (t, lat, lon, num_scaled(s[7], "baro_altitude", FT_PER_M),
                       num_scaled(s[13], "geo_altitude", FT_PER_M), s[8],
                       num_scaled(s[9], "velocity", KT_PER_MS), num(s[10], "true_track"),
                       num_scaled(s[11], "vertical_rate", FPM_PER_MS), (str(s[1] or "").strip() or None),
                       _SOURCES.get(s[16], str(s[16])), 0)
            except ValueError as exc:
                out.warn(path, where, f"skipped: {exc}")
                continue
            trk = ParsedTrack("opensky-rest", icao24=hexa, rows=[row])
            out.tracks.append(trk)
        return finish(path, out)


register(OpenSkyRest())
