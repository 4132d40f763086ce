"""Damaged input never crashes the readers: property tests over mutated real and made files."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.errors import CorruptFile
from casefile.photos import ifd, jpeg
from casefile.photos.extract import parse_photo

from ._make import make_jpeg

SAMPLE = make_jpeg(gps=(48.85, 2.29), offset="+01:00", software="x")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 700), st.integers(0, 255)), min_size=1, max_size=12))
def test_mutated_header_bytes_parse_or_fail_cleanly(edits: list[tuple[int, int]]) -> None:
    data = bytearray(SAMPLE)
    for pos, value in edits:
        data[pos] = value
    try:
        parsed = parse_photo(Path("m.jpg"), bytes(data))
    except CorruptFile as exc:
        assert str(exc).startswith("m.jpg: ")
    else:
        assert parsed.meta.format


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600))
def test_structure_readers_never_raise(blob: bytes) -> None:
    ifd.validate(b"II*\x00" + blob)
    ifd.validate(b"MM\x00*" + blob)
    jpeg.read_structure(b"\xff\xd8" + blob)


@settings(max_examples=40, deadline=None)
@given(st.integers(10, len(SAMPLE) - 1))
def test_truncated_file_at_any_point(cut: int) -> None:
    try:
        parse_photo(Path("t.jpg"), SAMPLE[:cut])
    except CorruptFile:
        pass
