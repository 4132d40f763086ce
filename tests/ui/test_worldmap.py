"""The offline world map: TopoJSON decoding and the compact copy shipped in the package (no Qt)."""

from __future__ import annotations

import gzip
import json
from importlib import resources

from casefile.reference import worldmap


def _bbox(rings):
    lons = [p[0] for r in rings for p in r]
    lats = [p[1] for r in rings for p in r]
    return min(lons), min(lats), max(lons), max(lats)


def test_decoding_natural_earth_countries(corpora):
    topo = json.loads((corpora / "naturalearth/countries-50m.json").read_text(encoding="utf-8"))
    countries = {name: rings for _id, name, rings in worldmap.decode_object(topo, "countries")}
    assert len(countries) == len(topo["objects"]["countries"]["geometries"])
    w, s, e, n = _bbox(countries["Germany"])
    assert 5.5 < w < 6.2 and 47.0 < s < 47.5 and 14.9 < e < 15.2 and 54.8 < n < 55.2
    w, s, e, n = _bbox(countries["Venezuela"])
    assert -73.5 < w < -73.2 and 0.5 < s < 0.8 and -60.0 < e < -59.7 and 12.1 < n < 12.3
    for rings in countries.values():
        for ring in rings:
            assert ring[0] == ring[-1]            # stitched arcs close every ring


def test_reversed_arcs_are_stitched_in_reverse():
    topo = {"arcs": [[[0, 0], [1, 0], [1, 1]], [[1, 1], [0, 1], [0, 0]]],
            "objects": {"x": {"type": "Polygon", "arcs": [[0, 1]]}}}
    (_, _, rings), = worldmap.decode_object(topo, "x")
    assert rings == [[(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]]
    topo["objects"]["x"]["arcs"] = [[~1, ~0]]
    (_, _, rings), = worldmap.decode_object(topo, "x")
    assert rings == [[(0, 0), (0, 1), (1, 1), (1, 0), (0, 0)]]


def test_shipped_map_is_rebuilt_exactly_from_the_corpora(corpora):
    land = json.loads((corpora / "naturalearth/land-110m.json").read_text(encoding="utf-8"))
    countries = json.loads((corpora / "naturalearth/countries-50m.json").read_text(encoding="utf-8"))
    rebuilt = worldmap.build(land, countries)
    shipped = json.loads(gzip.decompress(
        resources.files("casefile.reference").joinpath("data", worldmap.DATA_FILE).read_bytes()))
    assert shipped == rebuilt


def test_loaded_world_is_in_degrees_and_keeps_licence():
    world = worldmap.load_world()
    assert len(world.countries) == 241 and len(world.land) > 100
    assert "public domain" in world.licence
    w, s, e, n = _bbox(world.land)
    assert w == -180 and e == 180 and s < -80 and n > 80
    ring = world.countries[0].rings[0]
    assert worldmap.decode_ring(worldmap.encode_ring(ring)) == ring
