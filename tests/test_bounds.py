"""Hostile files are bounded: a gzip bomb or a huge XML comment is refused in one line once the
reader has read its cap (32 MiB without markup), not after the whole file; a big image decodes
within the machine-wide memory budget or keeps its metadata only."""

from __future__ import annotations

import threading
import zlib
from pathlib import Path

import pytest
from PIL import Image

from casefile.cli import main
from casefile.importers import budget


def _gz_gpx_with_comment(path: Path, mib: int) -> Path:
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [c.compress(b'<?xml version="1.0"?>\n<gpx version="1.1" creator="t" '
                        b'xmlns="http://www.topografix.com/GPX/1/1"><!--')]
    block = b"A" * (1 << 20)
    parts += [c.compress(block) for _ in range(mib)]
    parts.append(c.compress(b'--><trk><trkseg><trkpt lat="1" lon="2"><time>2020-01-01T00:00:00Z'
                            b'</time></trkpt></trkseg></trk></gpx>') + c.flush())
    path.write_bytes(b"".join(parts))
    return path


def test_gpx_bomb_is_refused_in_one_line_quickly(tmp_path: Path, capsys) -> None:
    bomb = _gz_gpx_with_comment(tmp_path / "bomb.gpx.gz", 96)
    ok = tmp_path / "ok.txt"
    ok.write_text("kept\n")
    assert main(["new", str(tmp_path / "c"), "--title", "bounds"]) == 0
    capsys.readouterr()
    code = main(["add", str(tmp_path / "c.casefile"), str(bomb), str(ok)])
    out = capsys.readouterr()
    assert code == 0
    said = [x for x in (out.out + out.err).splitlines() if "bomb.gpx.gz: refused" in x]
    assert said and all("32 MiB of XML without markup" in x for x in said), said
    assert any("kept as plain evidence" in x for x in said), said
    assert "2 imported" in out.out          # the batch went on; the bytes are kept, not parsed


def test_inflate_ceiling_is_one_line(tmp_path: Path) -> None:
    from casefile.errors import CorruptFile
    from casefile.importers.flights.gz import inflate

    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    gz = c.compress(b"x" * (8 << 20)) + c.flush()
    with pytest.raises(CorruptFile, match="inflates to more than 4 MiB"):
        inflate(tmp_path / "f.json.gz", gz, limit=4 << 20)
    assert len(inflate(tmp_path / "f.json.gz", gz)) == 8 << 20


def test_image_over_the_whole_budget_keeps_its_metadata(tmp_path: Path, monkeypatch,
                                                        capsys) -> None:
    monkeypatch.setenv("CASEFILE_DECODE_BUDGET_MB", "64")
    big = tmp_path / "wide.png"
    Image.new("RGBA", (6000, 4000), (10, 20, 30, 255)).save(big)
    assert main(["new", str(tmp_path / "c"), "--title", "budget"]) == 0
    case = str(tmp_path / "c.casefile")
    assert main(["add", case, str(big)]) == 0
    capsys.readouterr()
    assert main(["photos", case, "--json"]) == 0
    out = capsys.readouterr().out
    assert "pixels not decoded: 6000x4000 RGBA needs about" in out
    assert "memory budget for decoding (64 MiB" in out


def test_big_decodes_wait_for_the_budget(tmp_path: Path, monkeypatch) -> None:
    """While another holder has every slot, a big decode waits; it runs once they are free."""
    monkeypatch.setenv("CASEFILE_DECODE_BUDGET_MB", "128")
    with budget.reserve(128 << 20):
        started = threading.Event()
        done = threading.Event()

        def other() -> None:
            started.set()
            with budget.reserve(100 << 20):
                done.set()

        t = threading.Thread(target=other)
        t.start()
        started.wait()
        assert not done.wait(0.5)            # no slot free: it waits
    assert done.wait(10)                     # released: it ran
    t.join()
    with budget.reserve(1 << 20):            # small decodes need no slot
        pass
