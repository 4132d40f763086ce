"""Offline world map: decode Natural Earth TopoJSON and load the compact copy shipped in the package.

The shipped file (`data/world.json.gz`) holds rings as delta-encoded integers in hundredths of a
degree. Natural Earth is public domain; the TopoJSON packaging (world-atlas) is ISC-licensed.
"""

from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

Ring = list[tuple[float, float]]          # (lon, lat) pairs, closed
DATA_FILE = "world.json.gz"
FORMAT = 1
SCALE = 100                                 # stored units per degree


@dataclass(frozen=True)
class Country:
    """One country: ISO 3166-1 numeric id, name and outline rings."""

    id: str
    name: str
    rings: tuple[Ring, ...]


@dataclass(frozen=True)
class WorldMap:
    """Land outlines and country outlines, in degrees."""

    land: tuple[Ring, ...]
    countries: tuple[Country, ...]
    source: str
    licence: str


# ---- TopoJSON decoding ------------------------------------------------------------------------
def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) arcs from a TopoJSON topology (undoing quantisation and delta encoding)."""
    transform = topology.get("transform")
    out: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            pts = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(float(p[0]), float(p[1])) for p in arc]
        out.append(pts)
    return out


def _ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> Ring:
    """Stitch arcs into one ring; a negative index ~i means arc i reversed."""
    ring: Ring = []
    for i in indices:
        pts = arcs[~i][::-1] if i < 0 else arcs[i]
        ring.extend(pts if not ring else pts[1:])
    return ring


def geometry_rings(arcs: list[list[tuple[float, float]]], geom: dict[str, Any]) -> list[Ring]:
    """All rings of a Polygon or MultiPolygon geometry (outer rings and holes alike)."""
    kind = geom.get("type")
    if kind == "Polygon":
        polys = [geom["arcs"]]
    elif kind == "MultiPolygon":
        polys = geom["arcs"]
    elif kind == "GeometryCollection":
        return [r for g in geom.get("geometries", []) for r in geometry_rings(arcs, g)]
    else:
        return []
    return [_ring(arcs, ring) for poly in polys for ring in poly]


def decode_object(topology: dict[str, Any], name: str) -> list[tuple[str, str, list[Ring]]]:
    """(id, name, rings) for each geometry of one TopoJSON object."""
    arcs = decode_arcs(topology)
    obj = topology["objects"][name]
    geoms = obj["geometries"] if obj.get("type") == "GeometryCollection" else [obj]
    return [(str(g.get("id", "")), str((g.get("properties") or {}).get("name", "")),
             geometry_rings(arcs, g)) for g in geoms]


# ---- compact encoding shipped in the package -------------------------------------------------
def encode_ring(ring: Ring) -> list[int]:
    """Delta-encoded integers in hundredths of a degree; repeated points dropped."""
    flat: list[int] = []
    px = py = 0
    last = None
    for lon, lat in ring:
        q = (round(lon * SCALE), round(lat * SCALE))
        if q == last:
            continue
        flat.extend((q[0] - px, q[1] - py))
        px, py = q
        last = q
    return flat


def decode_ring(flat: list[int]) -> Ring:
    """Inverse of encode_ring."""
    x = y = 0
    ring: Ring = []
    for i in range(0, len(flat) - 1, 2):
        x += flat[i]
        y += flat[i + 1]
        ring.append((x / SCALE, y / SCALE))
    return ring


def build(land_topology: dict[str, Any], countries_topology: dict[str, Any]) -> dict[str, Any]:
    """The compact document written to data/world.json.gz."""
    land = [encode_ring(r) for _, _, rings in decode_object(land_topology, "land") for r in rings]
    countries = [{"id": cid, "name": name, "rings": [encode_ring(r) for r in rings]}
                 for cid, name, rings in decode_object(countries_topology, "countries")]
    return {"format": FORMAT, "scale": SCALE,
            "source": "Natural Earth 4.1.0 (land 1:110m, countries 1:50m) via world-atlas 2.0",
            "licence": "Natural Earth: public domain. world-atlas TopoJSON packaging: ISC, "
                       "Copyright 2013-2019 Michael Bostock.",
            "land": [r for r in land if len(r) >= 6],
            "countries": countries}


def parse(doc: dict[str, Any]) -> WorldMap:
    """A WorldMap from the compact document."""
    if doc.get("format") != FORMAT or doc.get("scale") != SCALE:
        raise ValueError(f"world map data has format {doc.get('format')}, expected {FORMAT}")
    land = tuple(decode_ring(r) for r in doc["land"])
    countries = tuple(Country(c["id"], c["name"], tuple(decode_ring(r) for r in c["rings"]))
                      for c in doc["countries"])
    return WorldMap(land, countries, doc["source"], doc["licence"])


@functools.lru_cache(maxsize=1)
def load_world() -> WorldMap:
    """The world map shipped inside the package (cached)."""
    raw = resources.files("casefile.reference").joinpath("data", DATA_FILE).read_bytes()
    return parse(json.loads(gzip.decompress(raw)))
