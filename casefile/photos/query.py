"""Read API of the photos part (docs/interfaces.md): other parts call these, never the tables."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from casefile.errors import NotFound
from casefile.geo import distance_km, latlon_text
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
from casefile.photos.reread import RereadReport, reread_metadata
from casefile.store import Case
from casefile.timeutil import TimeValue

__all__ = ["list_photos", "get_photo", "raw_tags", "photo_meta", "photo_checks", "all_photo_checks",
           "set_photo_location", "tag_aircraft", "untag_aircraft", "make_ela", "derived_copy",
           "embedded_thumbnail", "refresh_capture_times", "reread_metadata", "RereadReport"]

_SQL = ("SELECT p.*, i.original_name, i.sha256 FROM photos p JOIN items i ON i.id = p.item_id "
        "WHERE i.removed_at IS NULL")


def _tags(case: Case) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in case.rows("SELECT item_id, ref FROM photo_aircraft ORDER BY ref"):
        out.setdefault(r["item_id"], []).append(r["ref"])
    return out


def _info(r: dict[str, Any], tags: list[str]) -> PhotoInfo:
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
    rows = case.rows(_SQL + " ORDER BY p.capture_utc IS NULL, p.capture_utc, p.item_id")
    return [_info(r, tags.get(r["item_id"], [])) for r in rows]


def _row(case: Case, item_id: str) -> dict[str, Any]:
    rows = case.rows(_SQL + " AND p.item_id = ?", [item_id])
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


def derived_copy(case: Case, item_id: str, kind: str) -> dict[str, Any] | None:
    """The newest derived copy of a kind ('thumbnail', 'preview', 'ela'), with its path."""
    row = case.derived(item_id, kind)
    if row:
        row = {**row, "path": str(case.path / row["blob_path"])}
    return row


def position_rows(info: PhotoInfo, fmt: Callable[[float, float], str] | None = None) -> list[tuple[str, str]]:
    """The photo's position as people read it: where the analyst placed it and, always beside it,
    the file's own GPS, with how far apart they are (a far-off GPS is the strongest sign of a
    misattributed photo, so it is never hidden by the analyst's place)."""
    fmt = fmt or latlon_text
    own = info.exif_gps
    own_text = (f"{fmt(own.lat, own.lon)} ({'XMP' if own.source == 'xmp' else 'EXIF'} GPS)" if own is not None
                else "rejected: " + info.gps_problem if info.gps_problem else "none in the file")
    placed = info.gps if info.gps is not None and info.gps.source == "analyst" else None
    if placed is None:
        return [("Position (the file's GPS)", own_text)]
    note = f" — {info.analyst_place_note}" if info.analyst_place_note else ""
    rows = [("Placed by the analyst", f"{fmt(placed.lat, placed.lon)}{note}"),
            ("The file's own GPS", own_text)]
    if own is not None:
        km = distance_km(placed.lat, placed.lon, own.lat, own.lon)
        apart = f"{km * 1000:,.0f} m" if km < 1 else f"{km:,.1f} km" if km < 100 else f"{km:,.0f} km"
        rows.append(("Between them", f"{apart} (the analyst's place against the file's GPS)"))
    return rows
