"""A photo's position as people read it: where the analyst placed it and, always beside it, the
file's own GPS, with how far apart they are (a far-off GPS is the strongest sign of a misattributed
photo, so it is never hidden by the analyst's place). One wording for the window and the report."""

from __future__ import annotations

from typing import Protocol

from casefile.geo import distance_km
from casefile.present.numbers import coords, km


class Point(Protocol):
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...
    @property
    def source(self) -> str: ...


class Placed(Protocol):
    """What the wording needs of a photo (casefile.model.photos.PhotoInfo has it)."""

    @property
    def gps(self) -> Point | None: ...
    @property
    def exif_gps(self) -> Point | None: ...
    @property
    def gps_problem(self) -> str | None: ...
    @property
    def analyst_place_note(self) -> str | None: ...


def position_rows(info: Placed) -> list[tuple[str, str]]:
    """(label, text) rows: the file's GPS alone, or the analyst's place, the file's GPS and the
    distance between them."""
    own = info.exif_gps
    if own is not None:
        own_text = f"{coords(own.lat, own.lon)} ({'XMP' if own.source == 'xmp' else 'EXIF'} GPS)"
    else:
        own_text = f"rejected: {info.gps_problem}" if info.gps_problem else "none in the file"
    placed = info.gps if info.gps is not None and info.gps.source == "analyst" else None
    if placed is None:
        return [("Position (the file's GPS)", own_text)]
    note = f" — {info.analyst_place_note}" if info.analyst_place_note else ""
    rows = [("Placed by the analyst", f"{coords(placed.lat, placed.lon)}{note}"),
            ("The file's own GPS", own_text)]
    if own is not None:
        apart = distance_km(placed.lat, placed.lon, own.lat, own.lon)
        rows.append(("Between them", f"{km(apart)} (the analyst's place against the file's GPS)"))
    return rows
