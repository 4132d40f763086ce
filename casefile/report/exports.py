"""One entry point for the data exports; each is written atomically and logged in the ledger."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from casefile.errors import InvalidInput
from casefile.report import csv_json, geodata
from casefile.report.geojson import to_geojson
from casefile.report.kml import to_kml
from casefile.report.pdf.build import record_export, write_atomic
from casefile.store import Case

FORMATS = ("kml", "geojson", "csv", "json")


def export(case: Case, fmt: str, out: str | Path, *, what: str = "items",
           exclude_sensitive: bool = False) -> dict[str, Any]:
    """Write one export file; returns path, sha256, size and how many records it holds."""
    out = Path(out)
    extra: dict[str, int | str]
    if fmt in ("kml", "geojson"):
        data = geodata.gather(case, exclude_sensitive=exclude_sensitive)
        body = (to_kml if fmt == "kml" else to_geojson)(data, case.title)
        records = len(data.tracks) + len(data.places)
        extra = {"tracks": len(data.tracks), "track_points": data.point_count,
                 "places": len(data.places)}
    elif fmt in ("csv", "json"):
        if what not in ("items", "findings"):
            raise InvalidInput(f"cannot export {what!r} (items or findings)", field="what")
        rows = (csv_json.item_records if what == "items" else csv_json.finding_records)(
            case, exclude_sensitive=exclude_sensitive)
        body = csv_json.to_csv(rows, what) if fmt == "csv" else csv_json.to_json(rows, what, case)
        records, extra = len(rows), {"what": what}
    else:
        raise InvalidInput(f"unknown export format {fmt!r} (choose {', '.join(FORMATS)})",
                           field="format")
    write_atomic(out, body)
    sha = hashlib.sha256(body).hexdigest()
    options = {"exclude_sensitive": exclude_sensitive, **extra}
    seq = record_export(case, fmt, out, sha, len(body), options)
    return {"path": str(out), "format": fmt, "sha256": sha, "size": len(body),
            "records": records, "ledger_seq": seq, **extra}
