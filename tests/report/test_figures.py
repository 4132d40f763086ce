"""The map figure: fitted to the data, tracks cut at the antimeridian, land clipped to the box."""

from __future__ import annotations

from reportlab.graphics.shapes import Polygon, PolyLine

from casefile.report.mapdata import MapData, MapTrack
from casefile.report.pdf.figures import _clip, land_pieces, map_figure, split_antimeridian


def test_split_antimeridian() -> None:
    track = [(50.0, 170.0), (51.0, 179.0), (52.0, -179.0), (53.0, -170.0)]
    assert split_antimeridian(track) == [track[:2], track[2:]]
    assert split_antimeridian(track[:2]) == [track[:2]]


def test_no_line_spans_the_map_when_crossing_the_dateline() -> None:
    data = MapData(tracks=[MapTrack("A", [[(50.0, 170.0), (51.0, 179.0), (52.0, -179.0), (53.0, -170.0)]])])
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


def test_map_key_names_each_track_in_its_colour() -> None:
    from reportlab.graphics.shapes import Line, String

    data = MapData(tracks=[MapTrack("15d3a1 (IL62)", [[(55.9, 38.1), (10.6, -67.0)]]),
                           MapTrack("15d3b7 (A124)", [[(55.9, 38.1), (35.4, 35.9)]])])
    fig = map_figure(data, None)
    texts = {s.text: s for s in fig.contents if isinstance(s, String)}
    assert "15d3a1 (IL62)" in texts and "15d3b7 (A124)" in texts
    tracks = [s for s in fig.contents if isinstance(s, PolyLine)]
    keys = [s for s in fig.contents if isinstance(s, Line) and s.strokeWidth == 1.6]
    assert [k.strokeColor for k in keys] == [t.strokeColor for t in tracks]
    top = max(s.y for s in texts.values())
    assert texts["15d3a1 (IL62)"].y == top and top < fig.height   # above the map, inside the figure


def test_demo_report_flights_and_timeline_read_clearly(demo_case, tmp_path) -> None:
    from report_helpers import pdf_text

    from casefile.report.context import ReportOptions
    from casefile.report.pdf import build_report

    out = tmp_path / "r.pdf"
    build_report(demo_case, out, ReportOptions(sections=("flights", "timeline")))
    text, _ = pdf_text(out)
    flat = " ".join(text.split())
    assert "Il-62 (reported)" in flat and "An-124 (reported)" in flat   # no blank aircraft cells
    assert "± 12 h" in flat                                           # reported times' spread
    assert "15d3b7 A124" in flat
    # a claim's window shows its end; the zone-unknown photo is marked
    assert "to 22 Mar 2019 20:59:59" in flat
    assert "zone unknown" in flat and "placed at the middle" in flat


def test_a_track_too_short_to_see_still_gets_a_dot() -> None:
    from reportlab.graphics.shapes import Circle

    taxi = [(33.943356, -118.42868), (33.944855, -118.427567)]       # 150 m at LAX
    data = MapData(tracks=[MapTrack("ANZ1005", [taxi])], photos=[("p", 43.47, 11.88)])   # map spans to Italy
    fig = map_figure(data, None)
    line = next(s for s in fig.contents if isinstance(s, PolyLine))
    dots = [s for s in fig.contents if isinstance(s, Circle) and s.fillColor == line.strokeColor]
    assert len(dots) == 1
    assert abs(dots[0].cx - line.points[-2]) < 1e-6 and abs(dots[0].cy - line.points[-1]) < 1e-6


def test_every_aircraft_is_in_the_key_even_when_it_needs_several_rows() -> None:
    from reportlab.graphics.shapes import String

    labels = [f"RA-{86000 + i} (IL62) long operator name" for i in range(8)]
    data = MapData(tracks=[MapTrack(x, [[(55.0 + i, 37.0), (10.0, -67.0 + i)]], f"#{i}0{i}0{i}0")
                           for i, x in enumerate(labels)])
    fig = map_figure(data, None)
    texts = [s for s in fig.contents if isinstance(s, String)]
    shown = {s.text for s in texts}
    assert all(x in shown for x in labels)
    assert all(s.x + 5 < fig.width and s.y < fig.height for s in texts)
    assert len({s.y for s in texts if s.text in labels}) > 1          # wrapped onto rows


def test_a_coverage_gap_is_drawn_dotted_not_as_a_flown_line() -> None:
    from reportlab.graphics.shapes import Line

    track = MapTrack("A", [[(55.9, 38.1), (50.0, 20.0)], [(30.0, -30.0), (10.6, -67.0)]], "#d62728")
    fig = map_figure(MapData(tracks=[track]), None)
    lines = [s for s in fig.contents if isinstance(s, PolyLine)]
    assert len(lines) == 2                      # one solid line per stretch, none across the gap
    dotted = [s for s in fig.contents if isinstance(s, Line) and s.strokeDashArray]
    gap = [s for s in dotted if s.strokeColor == lines[0].strokeColor]
    assert len(gap) == 1


def test_land_that_crosses_the_dateline_draws_no_band_across_the_map() -> None:
    """Natural Earth's Russia crosses ±180°; clipped as it stood it drew a band near 70°N."""
    from casefile.report.gather import world_land

    w, e, s, n = -80.0, 40.0, 35.0, 80.0
    for ring in world_land():
        for piece in land_pieces(ring, w, e, s, n):
            for (x0, y0), (x1, y1) in zip(piece, piece[1:]):
                if abs(y1 - y0) < 0.5 and y0 < n - 0.01 and y0 > s + 0.01:
                    assert abs(x1 - x0) < 60, (x0, y0, x1, y1)   # no edge spanning the ocean


def test_a_cell_taller_than_a_page_continues_in_the_next_row(tmp_path) -> None:
    """A check that fires on 1,000 photos lists them all; no row may outgrow a page."""
    from casefile.report.pdf.doc import ReportDoc
    from casefile.report.pdf.styles import register_fonts
    from casefile.report.pdf.tables import MAX_ROW_LINES, grid, pairs

    register_fonts()
    refs = ", ".join(f"P{n}" for n in range(1, 3001))
    t = grid(["Check", "Photos"], [("Re-saved", refs)], (100, 395))
    rows = t._cellvalues
    assert len(rows) > 3 and all(len(c.split("\n")) <= MAX_ROW_LINES for r in rows for c in r)
    assert "P3000" in rows[-1][1] and rows[1][0] == "Re-saved"
    p = pairs([("Records", "\n".join(refs.split(", ")))], (100, 395))
    doc = ReportDoc(str(tmp_path / "t.pdf"), title="t", author="", subject="", marking="T")
    assert doc.render([t, p]) > 2
