"""Read API of the photos part (docs/interfaces.md): other parts call these, never the tables."""

from __future__ import annotations

import json

from casefile.errors import NotFound
from casefile.model.findings import CheckFinding
from casefile.model.geo import GeoPoint
from casefile.model.photos import PhotoInfo, PhotoMeta
from casefile.photos.edit import (
    make_ela,
    refresh_capture_times,
    set_photo_location,
    tag_aircraft,
    untag_aircraft,
)
from casefile.photos.findings import findings_for
from casefile.photos.findings import refresh as refresh_checks
from casefile.photos.reread import RereadReport, reread_metadata
from casefile.store import Case
from casefile.store.rows import DerivedRow, PhotoAircraftRow, PhotoRow
from casefile.timeutil import TimeValue

__all__ = ["list_photos", "get_photo", "raw_tags", "photo_meta", "photo_checks", "all_photo_checks",
           "set_photo_location", "tag_aircraft", "untag_aircraft", "make_ela", "derived_copy",
           "embedded_thumbnail", "refresh_checks", "refresh_capture_times", "reread_metadata", "RereadReport"]

_SQL = ("SELECT p.*, i.original_name, i.sha256 FROM photos p JOIN items i ON i.id = p.item_id "
        "WHERE i.removed_at IS NULL")


def _tags(case: Case) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in case.select(PhotoAircraftRow, "SELECT * FROM photo_aircraft ORDER BY ref"):
        out.setdefault(r["item_id"], []).append(r["ref"])
    return out


class _Listed(PhotoRow):
    """A photo's row with its item's file name and SHA-256."""

    original_name: str | None
    sha256: str


def _info(r: _Listed, tags: list[str]) -> PhotoInfo:
    meta = json.loads(r["meta"])
    exif_gps = None
    if r["lat"] is not None and r["lon"] is not None:
        # The file's own position: EXIF GPS, or XMP where the EXIF has none (photos.places).
        read_from = str((meta.get("gps") or {}).get("read_from") or "")
        exif_gps = GeoPoint(r["lat"], r["lon"], r["alt_m"], r["direction_deg"],
                            "xmp" if read_from.startswith("xmp") else "exif")
    gps = exif_gps
    if r["place_lat"] is not None and r["place_lon"] is not None:
        gps = GeoPoint(r["place_lat"], r["place_lon"], None, None, "analyst")
    return PhotoInfo(item_id=r["item_id"], width=r["width"], height=r["height"], make=r["make"],
                     model=r["model"], lens=r["lens"], serial=r["serial"], software=r["software"],
                     orientation=r["orientation"],
                     capture=TimeValue.from_dict(json.loads(r["capture"]) if r["capture"] else None),
                     gps=gps, gps_problem=r["gps_problem"], phash=r["phash"], dhash=r["dhash"],
                     aircraft_tags=tags, format=r["format"], original_name=r["original_name"],
                     sha256=r["sha256"], exif_gps=exif_gps, analyst_place_note=r["place_note"],
                     times=meta.get("times", {}))


def list_photos(case: Case) -> list[PhotoInfo]:
    """Every photo in the case, by capture time (unknown times last), then id."""
    tags = _tags(case)
    rows = case.select(_Listed, _SQL + " ORDER BY p.capture_utc IS NULL, p.capture_utc, p.item_id")
    return [_info(r, tags.get(r["item_id"], [])) for r in rows]


def _row(case: Case, item_id: str) -> _Listed:
    rows = case.select(_Listed, _SQL + " AND p.item_id = ?", [item_id])
    if not rows:
        raise NotFound(f"no photo with item id {item_id}")
    return rows[0]


def get_photo(case: Case, item_id: str) -> PhotoInfo:
    return _info(_row(case, item_id), _tags(case).get(item_id, []))


def raw_tags(case: Case, item_id: str) -> dict[str, str]:
    """Every tag as found, by grouped name ("EXIF DateTimeOriginal", "XMP xmp:CreatorTool", ...)."""
    tags: dict[str, str] = json.loads(_row(case, item_id)["raw_tags"])
    return tags


def photo_meta(case: Case, item_id: str) -> PhotoMeta:
    """The normalised metadata the checks read (structure, times, GPS as found)."""
    return PhotoMeta.from_dict(json.loads(_row(case, item_id)["meta"]))


def photo_checks(case: Case, item_id: str) -> list[CheckFinding]:
    _row(case, item_id)
    return findings_for(case, item_id).get(item_id, [])


def all_photo_checks(case: Case) -> dict[str, list[CheckFinding]]:
    """Findings of every photo, by item id."""
    return findings_for(case)


def embedded_thumbnail(case: Case, item_id: str) -> bytes | None:
    """The thumbnail the camera embedded in the original (EXIF IFD1), as found, or None."""

    import exifread

    item = case.rows("SELECT * FROM items WHERE id = ?", [item_id])
    if not item:
        raise NotFound(f"no photo with item id {item_id}")
    try:
        with open(case.blob_path(item[0]), "rb") as fh:
            tags = exifread.process_file(fh, details=False, extract_thumbnail=True)
    except Exception:  # noqa: BLE001 - a broken EXIF simply has no readable thumbnail
        return None
    thumb = tags.get("JPEGThumbnail")
    return bytes(thumb) if isinstance(thumb, bytes) and thumb.startswith(b"\xff\xd8") else None


class DerivedCopy(DerivedRow):
    """A derived working copy with where its file is (absolute path)."""

    path: str


def derived_copy(case: Case, item_id: str, kind: str) -> DerivedCopy | None:
    """The newest derived copy of a kind ('thumbnail', 'preview', 'ela'), with its path."""
    row = case.derived(item_id, kind)
    return {**row, "path": str(case.path / row["blob_path"])} if row else None

