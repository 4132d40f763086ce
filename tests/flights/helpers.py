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
