"""What the map shows, free of any drawing library: tracks as continuous stretches, airports and
photo positions (the PDF draws it with reportlab; the DOCX gets the same drawing as a picture)."""

from __future__ import annotations

from dataclasses import dataclass, field

Ring = list[tuple[float, float]]


@dataclass
class MapTrack:
    """One aircraft's track as continuous stretches of (lat, lon); a coverage gap between two
    stretches is drawn as a gap (dotted), never as a line the aircraft was seen flying."""

    label: str
    stretches: list[list[tuple[float, float]]]
    color: str = ""


@dataclass
class MapData:
    tracks: list[MapTrack] = field(default_factory=list)
    airports: list[tuple[str, float, float]] = field(default_factory=list)
    photos: list[tuple[str, float, float]] = field(default_factory=list)

    def points(self) -> list[tuple[float, float]]:
        pts = [pt for t in self.tracks for part in t.stretches for pt in part]
        pts += [(lat, lon) for _, lat, lon in self.airports + self.photos]
        return [(a, b) for a, b in pts if valid(a, b)]


def valid(lat: float | None, lon: float | None) -> bool:
    return lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180
