"""Helpers for flight tests: import files into a case and read back what the flights part holds."""

from __future__ import annotations

from pathlib import Path

from casefile.flights import query as Q
from casefile.importers.pipeline import import_paths


def import_one(case, path: Path | str):
    """Import one file; return its outcome."""
    report = import_paths(case, [path], workers=1)
    assert len(report.outcomes) == 1
    return report.outcomes[0]


def tracks_of(case, item_id: str) -> list[dict]:
    return [t for t in Q.tracks(case) if t["item_id"] == item_id]


def counts(case) -> dict[str, int]:
    """Rows in every flights table and items, and files kept: to prove nothing half-imported stays."""
    out = {t: case.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
           for t in ("items", "aircraft", "tracks", "derived", "flight_segments", "flight_gaps")}
    for folder in ("evidence", "derived"):
        out[f"{folder} files"] = sum(1 for p in (case.path / folder).rglob("*") if p.is_file())
    return out


def store_rows(case, rows: list[tuple], icao: str = "15a0f2") -> str:
    """Store made-up point rows (COLUMNS order) as one track of a placeholder item; its track id.

    For tests that need a track with a particular shape; the item row stands in for a file.
    """
    from casefile.flights.store import store_track
    from casefile.ids import new_id
    from casefile.importers.flights.parsed import ParsedFlights, finish
    from casefile.model.flights import ParsedTrack

    parsed = finish(Path("synthetic.json"), ParsedFlights("test", [ParsedTrack("test", icao24=icao,
                                                                               rows=rows)]))
    item = new_id()
    with case.transaction():
        case.db.execute("INSERT INTO items (id, kind, sha256, md5, size, mime, blob_path, created_at) "
                        "VALUES (?, 'flight-record', ?, 'y', 1, 'application/json', 'b', 'now')",
                        [item, item])
        return store_track(case, item, parsed.tracks[0], warnings=[], skipped=0)
