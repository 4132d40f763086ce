"""The map figure: fitted to the data, tracks cut at the antimeridian, land clipped to the box."""

from __future__ import annotations

from reportlab.graphics.shapes import Polygon, PolyLine

from casefile.report.pdf.figures import MapData, _clip, map_figure, split_antimeridian


def test_split_antimeridian() -> None:
    track = [(50.0, 170.0), (51.0, 179.0), (52.0, -179.0), (53.0, -170.0)]
    assert split_antimeridian(track) == [track[:2], track[2:]]
    assert split_antimeridian(track[:2]) == [track[:2]]


def test_no_line_spans_the_map_when_crossing_the_dateline() -> None:
    data = MapData(tracks=[("A", [(50.0, 170.0), (51.0, 179.0), (52.0, -179.0), (53.0, -170.0)])])
    fig = map_figure(data, None)
    lines = [s for s in fig.contents if isinstance(s, PolyLine)]
    assert len(lines) == 2
    for line in lines:
        xs = line.points[0::2]
        assert max(xs) - min(xs) < fig.width / 2


def test_nothing_to_draw_gives_no_figure() -> None:
    assert map_figure(MapData(), None) is None
    assert map_figure(MapData(photos=[("p", 999.0, 0.0)]), None) is None   # bogus GPS is not drawn


def test_land_is_clipped_to_the_box() -> None:
    square = [(-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0)]
    clipped = _clip(square, 0.0, 20.0, 0.0, 20.0)
    assert sorted(set(clipped)) == [(0.0, 0.0), (0.0, 10.0), (10.0, 0.0), (10.0, 10.0)]
    fig = map_figure(MapData(airports=[("X", 5.0, 5.0)]), [square])
    polys = [s for s in fig.contents if isinstance(s, Polygon)]
    assert len(polys) == 1
