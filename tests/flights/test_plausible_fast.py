"""The readsb reader's column check (plausible.columns_clean) may skip the point-by-point screen
only when that screen would flag nothing: checked on real and on generated values."""

from __future__ import annotations

import math
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.importers.flights import plausible
from casefile.importers.flights.readsb import ReadsbTrace
from casefile.model.flights import COLUMNS, ParsedTrack

NAMES = ("t", "alt_ft", "geo_alt_ft", "gs_kt", "track_deg", "vrate_fpm")
value = st.one_of(st.none(), st.integers(-10**6, 10**6),
                  st.floats(allow_nan=True, allow_infinity=True, width=64))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(*[value] * len(NAMES)), min_size=1, max_size=20))
def test_clean_columns_mean_the_screen_flags_nothing(points):
    base = 1.5e9
    columns = {name: [p[k] for p in points] for k, name in enumerate(NAMES)}
    if not plausible.columns_clean(columns, base):
        return
    trk = ParsedTrack("test")
    for p in points:
        row = [None] * len(COLUMNS)
        for k, name in enumerate(NAMES):
            row[COLUMNS.index(name)] = p[k]
        t = row[COLUMNS.index("t")]
        row[COLUMNS.index("t")] = None if t is None else base + t
        trk.rows.append(tuple(row))
    assert plausible.screen(Path("x.json"), trk, []) == {}


def test_a_real_trace_is_screened_in_columns_and_a_bad_value_is_not(corpora: Path, tmp_path: Path):
    src = corpora / "flights" / "readsb" / "trace_full_ac134a.json"
    reader = ReadsbTrace()
    clean = reader.parse(src, src.read_bytes())
    assert clean.tracks[0].screened and not any(q in ("bad-value", "implausible-value")
                                                for q in clean.tracks[0].quality)
    text = src.read_text()
    i = text.index('"trace"')
    # one ground speed of 1e300 kt: the column check says "look", the screen flags that point
    j = text.index("[", text.index("[", i) + 1)
    fields = text[j + 1:text.index("]", j)].split(",")
    fields[4] = "1e300"
    bad_text = text[:j + 1] + ",".join(fields) + text[text.index("]", j):]
    bad = reader.parse(src, bad_text.encode())
    assert not bad.tracks[0].screened
    assert bad.tracks[0].quality.count("implausible-value") == 1
    assert math.isfinite(bad.tracks[0].rows[0][0])


def test_columns_kept_from_the_checks_are_the_columns_of_the_rows(corpora: Path):
    from casefile.flights.store import _point_columns
    from casefile.importers.flights.parsed import ParsedFlights
    from casefile.importers.registry import choose

    checked = used = 0
    for src in sorted((corpora / "flights").rglob("*")):
        if not src.is_file() or src.stat().st_size > 50_000_000:
            continue
        data = src.read_bytes()
        try:
            parsed = choose(src, data[:65536], "application/octet-stream").importer.parse(src, data)
        except Exception:   # noqa: BLE001  (files no flight reader takes are not this test's subject)
            continue
        if not isinstance(parsed, ParsedFlights):
            continue
        for trk in parsed.tracks:
            checked += 1
            used += bool(trk.columns)
            assert _point_columns(trk.rows, trk.quality, trk.columns) == \
                _point_columns(trk.point_rows(), trk.quality), src.name
    assert checked >= 10 and used >= 5
