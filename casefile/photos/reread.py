"""Read stored photos again with this Casefile's metadata reader (e.g. a case from before photo
places were kept: a trail camera's maker-note time, an XMP-only time or position).

An explicit action, never done on opening: each photo's original is checked against its SHA-256
first (a changed original is not read), and every changed row is a ledger event with before and
after. The analyst's place and tags, and the derived copies, are left as they are.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from casefile import __version__
from casefile.errors import CasefileError
from casefile.photos.storage import capture_fields, photo_row
from casefile.reference.zones import zone_at
from casefile.store import Case
from casefile.store.rows import PhotoRow

#: The columns a fresh reading may change (never the analyst's place or the item itself).
FIELDS = ("make", "model", "lens", "serial", "software", "orientation", "lat", "lon", "alt_m",
          "direction_deg", "gps_problem", "phash", "dhash", "decode_problem", "meta", "raw_tags",
          "extractor")


@dataclass
class RereadReport:
    changed: list[str] = field(default_factory=list)      # item ids whose row changed
    unchanged: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # item id -> why it was not read


class _Stored(PhotoRow):
    """A photo's row with where its original is kept."""

    blob_path: str
    sha256: str
    original_name: str | None


def reread_metadata(case: Case, item_ids: list[str] | None = None, *,
                    only_without_places: bool = True) -> RereadReport:
    """Read the photos' originals again; by default only photos stored before places were kept."""
    from casefile.photos.extract import parse_photo  # the extractor loads when a photo is read

    report = RereadReport()
    sql = ("SELECT p.*, i.blob_path, i.sha256, i.original_name FROM photos p JOIN items i "
           "ON i.id = p.item_id WHERE i.removed_at IS NULL ORDER BY p.item_id")
    wanted = set(item_ids) if item_ids is not None else None
    with case.transaction():
        for row in case.select(_Stored, sql):
            item_id = row["item_id"]
            if wanted is not None and item_id not in wanted:
                continue
            if only_without_places and json.loads(row["meta"]).get("found"):
                continue
            path = case.path / row["blob_path"]
            try:
                data = path.read_bytes()
            except OSError as exc:
                report.skipped[item_id] = f"the original cannot be read ({exc.strerror or exc})"
                continue
            if hashlib.sha256(data).hexdigest() != row["sha256"]:
                report.skipped[item_id] = ("the original no longer matches its SHA-256 (run "
                                           "`casefile verify`); it was not read")
                continue
            try:
                parsed = parse_photo(Path(row["original_name"] or item_id), data)
            except CasefileError as exc:
                report.skipped[item_id] = exc.message
                continue
            fresh: Mapping[str, object] = photo_row(item_id, parsed, case.default_tz)
            changes = {k: fresh[k] for k in FIELDS}
            place_set = row["place_lat"] is not None and row["place_lon"] is not None
            zone = zone_at(row["place_lat"], row["place_lon"]) if place_set else None
            changes.update(capture_fields(parsed.meta, case.default_tz, place_zone=zone,
                                          place_set=place_set))
            if all(row.get(k) == v for k, v in changes.items()):
                report.unchanged.append(item_id)
                continue
            case.update("photos", item_id, changes, action="metadata-reread", item_id=item_id,
                        reason=f"original read again with Casefile {__version__}'s metadata reader")
            report.changed.append(item_id)
    return report
