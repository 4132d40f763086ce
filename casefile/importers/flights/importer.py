"""FlightImporter: what every flight format's importer shares (kind, memory limit, gzip, storing)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from casefile.gcpause import gc_paused
from casefile.importers.flights.gz import MAGIC, inflate
from casefile.importers.flights.parsed import ParsedFlights

if TYPE_CHECKING:
    from casefile.store import Case, Ingested


def store_flights(case: Case, ingested: Ingested, parsed: ParsedFlights) -> None:
    """Write aircraft, tracks, points and derived legs/gaps inside the import transaction."""
    from casefile.flights.store import store_track

    prepared = parsed.prepared if len(parsed.prepared) == len(parsed.tracks) else None
    with gc_paused():
        for k, trk in enumerate(parsed.tracks):
            first = k == 0
            store_track(case, ingested.item_id, trk,
                        warnings=parsed.notes + parsed.warnings if first else [],
                        skipped=parsed.skipped if first else 0,
                        prepared=prepared[k] if prepared else None)
    if not parsed.tracks:
        case.log("flight-record-empty", item_id=ingested.item_id,
                 details={"format": parsed.format, "notes": parsed.notes,
                          "warnings": parsed.warnings, "skipped": parsed.skipped})


class FlightImporter:
    """Base for flight importers: kind, memory limit and store() are the same for all."""

    name = "flight"
    kind = "flight-record"
    extensions: tuple[str, ...] = ()
    max_in_memory = 1 << 30
    #: XML formats (KML, GPX): inflating also refuses an overlong stretch without markup
    xml = False

    def prepare(self, parsed: ParsedFlights) -> ParsedFlights:
        """Each track's points file and legs (flights.store.prepare_track), worked out in the
        worker; the point rows are then no longer needed, and are not sent back."""
        from casefile.flights.store import prepare_track

        with gc_paused():
            parsed.prepared = [prepare_track(trk) for trk in parsed.tracks]
        for trk in parsed.tracks:
            trk.rows, trk.quality, trk.columns = [], [], {}
        return parsed

    def store(self, case: Case, ingested: Ingested, parsed: ParsedFlights) -> None:
        store_flights(case, ingested, parsed)

    def read(self, path: Path, data: bytes | None) -> bytes:
        """The file's content, gunzipped when it is gzip-compressed."""
        raw = data if data is not None else path.read_bytes()
        return inflate(path, raw, xml=self.xml) if raw.startswith(MAGIC) else raw
