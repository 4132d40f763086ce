"""Analyst actions on photos: set a place, tag aircraft, make an Error Level Analysis copy."""

from __future__ import annotations

import json
from typing import Any

import PIL

from casefile.errors import CorruptFile, InvalidInput, NotFound
from casefile.ids import new_id
from casefile.model.photos import PhotoMeta
from casefile.photos.derive import error_level
from casefile.photos.storage import capture_fields
from casefile.reference.zones import zone_at
from casefile.store import Case, putback
from casefile.store.putback import RowState
from casefile.store.rows import DerivedRow, ItemRow, PhotoAircraftRow, PhotoRow, typed
from casefile.timeutil import now_z


def _photo_row(case: Case, item_id: str) -> PhotoRow:
    try:
        return typed(PhotoRow, case.get_row("photos", item_id))
    except NotFound:
        raise NotFound(f"no photo with item id {item_id}") from None


def set_photo_location(case: Case, item_id: str, lat: float | None, lon: float | None,
                       note: str | None = None) -> PhotoRow:
    """Record (or clear, with None) the analyst's placing of a photo; the capture time follows it."""
    row = _photo_row(case, item_id)
    if (lat is None) != (lon is None):
        raise InvalidInput("give both latitude and longitude, or neither to clear", field="location")
    if lat is not None and lon is not None:
        if not (-90 <= lat <= 90):
            raise InvalidInput(f"latitude {lat} is outside -90..90", field="lat")
        if not (-180 <= lon <= 180):
            raise InvalidInput(f"longitude {lon} is outside -180..180", field="lon")
    meta = PhotoMeta.from_dict(json.loads(row["meta"]))
    zone = zone_at(lat, lon) if lat is not None and lon is not None else None
    changes: dict[str, Any] = {"place_lat": lat, "place_lon": lon,
                               "place_note": (note or "").strip() or None}
    changes.update(capture_fields(meta, case.default_tz, place_zone=zone, place_set=lat is not None))
    with case.transaction():
        return typed(PhotoRow, case.update("photos", item_id, changes, action="photo-location-set",
                                           item_id=item_id, reason=changes["place_note"]))


def refresh_capture_times(case: Case) -> int:
    """Recompute every photo's capture time (e.g. after the case's default zone changed); returns
    how many changed. Each change is a ledger event with before and after."""
    changed = 0
    with case.transaction():
        for row in case.select(PhotoRow, "SELECT * FROM photos ORDER BY item_id"):
            meta = PhotoMeta.from_dict(json.loads(row["meta"]))
            place_set = row["place_lat"] is not None and row["place_lon"] is not None
            zone = zone_at(row["place_lat"], row["place_lon"]) if place_set else None
            fields = capture_fields(meta, case.default_tz, place_zone=zone, place_set=place_set)
            if fields["capture"] != row["capture"]:
                case.update("photos", row["item_id"], fields, action="capture-time-recomputed",
                            item_id=row["item_id"], reason="case default zone or place changed")
                changed += 1
    return changed


def tag_aircraft(case: Case, item_id: str, ref: str) -> str:
    """Tag a photo with an aircraft (registration, ICAO hex or type code); returns the tag's id."""
    _photo_row(case, item_id)
    ref = ref.strip().upper()
    if not ref:
        raise InvalidInput("empty aircraft reference", field="aircraft")
    existing = case.select(PhotoAircraftRow, "SELECT * FROM photo_aircraft WHERE item_id = ? AND ref = ?",
                           [item_id, ref])
    if existing:
        return str(existing[0]["id"])
    row = {"id": new_id(), "item_id": item_id, "ref": ref, "created_at": now_z()}
    with case.transaction():
        return str(case.insert("photo_aircraft", row, action="aircraft-tagged", item_id=item_id))


def untag_aircraft(case: Case, item_id: str, ref: str, *, reason: str) -> None:
    """Remove an aircraft tag from a photo, for a stated reason."""
    found = case.select(PhotoAircraftRow, "SELECT * FROM photo_aircraft WHERE item_id = ? AND ref = ?",
                        [item_id, ref.strip().upper()])
    if not found:
        raise NotFound(f"photo {item_id} has no aircraft tag {ref!r}")
    with case.transaction():
        case.delete("photo_aircraft", found[0]["id"], reason=reason, item_id=item_id)


def make_ela(case: Case, item_id: str, quality: int = 90) -> DerivedRow:
    """An Error Level Analysis image of the photo, stored as a derived copy (kind 'ela')."""
    if not 1 <= quality <= 100:
        raise InvalidInput(f"quality {quality} is outside 1..100", field="quality")
    _photo_row(case, item_id)
    item = case.select(ItemRow, "SELECT * FROM items WHERE id = ?", [item_id])[0]
    data = case.blob_path(item).read_bytes()
    try:
        png, params = error_level(data, quality)
    except Exception as exc:  # noqa: BLE001 - an undecodable picture gets a clear message
        raise CorruptFile(f"cannot make an ELA image: the picture does not decode ({exc})",
                          item["original_name"] or item_id) from None
    return case.add_derived(item_id, png, kind="ela", tool="Casefile ELA (Pillow)",
                            tool_version=PIL.__version__, params=params, mime="image/png")


def put_back(case: Case, table: str, row_id: str, state: RowState, *, reason: str) -> None:
    """A photo's analyst fields (its place, and the capture time that follows it) or one aircraft
    tag back to a state the ledger recorded (undo and redo); a photo row itself is never removed."""
    if table == "photos":
        if state is None:
            raise InvalidInput("a photo is evidence: undo never removes it", field="table")
        _photo_row(case, row_id)
        keep = {"place_lat", "place_lon", "place_note"}
        now = putback.current(case, table, row_id) or {}
        want = {**{k: v for k, v in now.items() if k not in keep},
                **{k: v for k, v in state.items() if k in keep}}
        meta = PhotoMeta.from_dict(json.loads(str(now["meta"])))
        lat, lon = want.get("place_lat"), want.get("place_lon")
        zone = zone_at(lat, lon) if lat is not None and lon is not None else None
        want.update(capture_fields(meta, case.default_tz, place_zone=zone, place_set=lat is not None))
        putback.put_back(case, table, row_id, {k: v for k, v in want.items() if v is not None},
                         reason=reason, item_id=row_id)
    elif table == "photo_aircraft":
        item = (state or putback.current(case, table, row_id) or {}).get("item_id")
        putback.put_back(case, table, row_id, state, reason=reason,
                         item_id=item if isinstance(item, str) else None)
    else:
        raise InvalidInput(f"{table} rows are not a photo's analyst records", field="table")
