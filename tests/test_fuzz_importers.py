"""Fuzz every importer's parse with mutated real corpus files (hypothesis, bounded): each either
parses or refuses with a CasefileError naming the file; nothing else escapes. (A mutation that
made a parse run away would hold the test until CI's limit: no wall time is asserted here.)

Seeds: for each importer, the smallest real files in ../shared/corpora that the registry gives it
(by content); a web capture and a document are made here when the corpora hold none.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.errors import CasefileError
from casefile.importers import pipeline, registry
from casefile.importers.sniff import sniff_mime
from tests.conftest import CORPORA

SEEDS_PER_IMPORTER = 3
MAX_SEED = 4 << 20
#: made here for formats the corpora have no file of: what is special is the format itself
MADE = {
    "page.html": b"<!doctype html><html><head><title>Two planes land in Caracas</title>"
                 b"<meta property='og:url' content='https://example.org/a'></head><body><article>"
                 b"<h1>Two planes land</h1><p>An An-124 and an Il-62 landed on 23 March 2019.</p>"
                 b"<img src='x.jpg'></article></body></html>",
    "flights.csv": b"callsign,number,icao24,registration,typecode,origin,destination,firstseen,"
                   b"lastseen,day,latitude_1,longitude_1,altitude_1,latitude_2,longitude_2,"
                   b"altitude_2\nRFF7075,,154042,RA-82014,A124,UUMU,LTAC,2019-03-22 06:10:00,"
                   b"2019-03-22 09:40:00,2019-03-22,55.88,38.10,300,39.98,33.00,900\n",
}
EXAMPLES = 60          # per importer: a few seconds each, well inside the CI budget


def _seeds() -> dict[str, list[tuple[Path, bytes]]]:
    assert pipeline  # importing the pipeline registers every importer
    found: dict[str, list[tuple[Path, bytes]]] = {}
    if not CORPORA.is_dir():
        return found
    for name, data in MADE.items():
        path = Path(name)
        imp = registry.choose(path, data[:8192], sniff_mime(data[:8192])).importer
        found.setdefault(imp.name, []).append((path, data))
    for path in sorted(p for p in CORPORA.rglob("*") if p.is_file()):
        size = path.stat().st_size
        if not 0 < size <= MAX_SEED or path.name.startswith("LICENSE"):
            continue
        data = path.read_bytes()
        imp = registry.choose(path, data[:8192], sniff_mime(data[:8192])).importer
        found.setdefault(imp.name, []).append((path, data))
    return {name: sorted(files, key=lambda f: len(f[1]))[:SEEDS_PER_IMPORTER]
            for name, files in found.items()}


SEEDS = _seeds()
NAMES = sorted(SEEDS) or ["(no corpora)"]


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """Real bytes with a few edits: flipped bytes, a cut, junk or a copied stretch inserted."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "repeat", "zero"]))
        at = draw(st.integers(0, max(0, len(out) - 1)))
        if op == "flip" and out:
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "cut":
            del out[at:at + draw(st.integers(1, max(1, len(out) // 4)))]
        elif op == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "repeat":
            piece = bytes(out[at:at + draw(st.integers(1, 512))])
            out[at:at] = piece * draw(st.integers(1, 8))
        elif op == "zero":
            n = draw(st.integers(1, 64))
            out[at:at + n] = bytes(min(n, len(out) - at))
    return bytes(out)


@pytest.mark.parametrize("name", NAMES)
def test_mutated_real_files_parse_or_are_refused(name: str, tmp_path: Path) -> None:
    if name not in SEEDS:
        pytest.skip("shared corpora not found")
    imp = registry.get(name)
    seeds = SEEDS[name]

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.data())
    def check(data: st.DataObject) -> None:
        path, seed = seeds[data.draw(st.integers(0, len(seeds) - 1))]
        blob = data.draw(mutated(seed))
        try:
            imp.parse(tmp_path / path.name, blob)
        except CasefileError as exc:
            assert str(exc).startswith(str(tmp_path / path.name)), str(exc)   # names the file

    check()
