"""Writing a parsed photo into the case: the tracked metadata row and its derived working copies."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TypedDict

from casefile.model.photos import PhotoMeta
from casefile.photos.capture_time import capture_time
from casefile.photos.derive import JPEG_QUALITY, PREVIEW_PX, THUMB_PX
from casefile.store import Case, Ingested, blobs
from casefile.store.rows import DerivedRow, PhotoRow

if TYPE_CHECKING:   # the extractor (exifread, imagehash, numpy) loads where photos are read
    from casefile.photos.extract import ParsedPhoto


def dumps(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class CaptureFields(TypedDict):
    """A photo's capture time columns: the TimeValue (JSON), its UTC reading, what it was read from."""

    capture: str | None
    capture_utc: str | None
    capture_from: str | None


def capture_fields(meta: PhotoMeta, default_tz: str | None, place_zone: str | None = None,
                   place_set: bool = False) -> CaptureFields:
    """The capture columns (capture, capture_utc, capture_from) for a photo and the case default zone."""
    tv = capture_time(meta, default_tz=default_tz, place_zone=place_zone,
                      place_source="analyst" if place_set and meta.gps.lat is None else "exif")
    return {"capture": dumps(tv.to_dict()) if tv else None, "capture_utc": tv.utc if tv else None,
            "capture_from": tv.read_from if tv else None}


def _texts(parsed: ParsedPhoto) -> dict[str, str]:
    return {"meta": dumps(parsed.meta.to_dict()), "raw_tags": dumps(parsed.raw_tags),
            "extractor": dumps(parsed.tools)}


def prepare(parsed: ParsedPhoto) -> ParsedPhoto:
    """Write the row's JSON columns where the photo was read (an import worker), once its reading
    is complete: the recording then takes them as they are."""
    parsed.texts = _texts(parsed)
    return parsed


def photo_row(item_id: str, parsed: ParsedPhoto, default_tz: str | None) -> PhotoRow:
    m = parsed.meta
    texts = parsed.texts or _texts(parsed)
    when = capture_fields(m, default_tz)
    return {"item_id": item_id, "format": m.format, "width": m.width, "height": m.height,
            "make": m.make, "model": m.model, "lens": m.lens, "serial": m.serial,
            "software": m.software or m.creator_tool, "orientation": m.orientation,
            "lat": m.gps.lat, "lon": m.gps.lon, "alt_m": m.gps.alt_m,
            "direction_deg": m.gps.direction_deg, "gps_problem": m.gps.problem,
            "place_lat": None, "place_lon": None, "place_note": None,
            "phash": m.phash, "dhash": m.dhash, "decode_problem": parsed.decode_problem,
            "meta": texts["meta"], "raw_tags": texts["raw_tags"],
            "extractor": texts["extractor"], "capture": when["capture"],
            "capture_utc": when["capture_utc"], "capture_from": when["capture_from"]}


def store_parsed(case: Case, ingested: Ingested, parsed: ParsedPhoto) -> None:
    """Record the photo's metadata row and derived copies (inside the import's transaction)."""
    item = ingested.item_id
    case.insert("photos", photo_row(item, parsed, case.default_tz), action="photo-metadata",
                item_id=item)
    pillow = parsed.tools.get("Pillow", "?")
    common = dict(parsed.derive_params)
    made: list[DerivedRow] = []
    try:
        for kind, data, max_px in (("thumbnail", parsed.thumbnail, THUMB_PX),
                                   ("preview", parsed.preview, PREVIEW_PX)):
            if data:
                made.append(case.add_derived(item, data, kind=kind, tool="Pillow", tool_version=pillow,
                                             params={**common, "max_px": max_px,
                                                     "jpeg_quality": JPEG_QUALITY},
                                             mime="image/jpeg"))
    except BaseException:
        _discard(case, made)
        raise
    # The EXIF thumbnail stays inside the original; query.embedded_thumbnail() reads it on demand.


def _discard(case: Case, made: list[DerivedRow]) -> None:
    """Remove derived files written for a photo whose import is being rolled back."""
    ids = [m["id"] for m in made]
    for m in made:
        others = case.db.execute(
            f"SELECT count(*) FROM derived WHERE blob_path = ? AND id NOT IN ({','.join('?' * len(ids))})",
            [m["blob_path"], *ids]).fetchone()[0]
        if not others:
            blobs.discard_blob(case.path, m["sha256"], folder="derived")
