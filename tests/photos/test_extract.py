"""Metadata extraction on real corpus files and on photos made in the test."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from PIL import Image

from casefile.errors import CorruptFile
from casefile.photos.extract import parse_photo

from ._make import make_jpeg, picture


def _parse(path: Path):  # noqa: ANN202
    return parse_photo(path, path.read_bytes())


def test_canon_40d_normalised_and_raw(corpora: Path) -> None:
    p = _parse(corpora / "exif-samples" / "jpg" / "Canon_40D.jpg")
    m = p.meta
    assert (m.make, m.model, m.software) == ("Canon", "Canon EOS 40D", "GIMP 2.4.5")
    assert m.times["DateTimeOriginal"] == "2008:05:30 15:56:01"
    assert p.raw_tags["EXIF DateTimeOriginal"] == "2008:05:30 15:56:01"
    assert len(p.raw_tags) > 50 and m.thumbnail_present and p.thumbnail and p.preview


def test_gps_position_altitude_from_real_file(corpora: Path) -> None:
    m = _parse(corpora / "exif-samples" / "jpg" / "gps" / "DSCN0010.jpg").meta
    assert m.gps.lat == pytest.approx(43.467448, abs=1e-5)
    assert m.gps.lon == pytest.approx(11.885127, abs=1e-5)
    assert m.gps.utc == "2008-10-23T14:27:07.240Z" and m.gps.tz_at_position == "Europe/Rome"


def test_gps_ifd_without_latitude_is_reported_not_shown(corpora: Path) -> None:
    m = _parse(corpora / "exif-samples" / "jpg" / "tests" / "45-gps_ifd.jpg").meta
    assert m.gps.present and m.gps.lat is None and "no latitude" in m.gps.problem


def test_zero_zero_position_rejected() -> None:
    m = parse_photo(Path("x.jpg"), make_jpeg(gps=(0.0, 0.0))).meta
    assert m.gps.lat is None and "0°, 0°" in m.gps.problem


def test_heic_reads_with_exif(corpora: Path) -> None:
    p = _parse(corpora / "exif-samples" / "heic" / "IMG_5195.HEIC")
    assert p.meta.format == "HEIC" and p.meta.make == "Apple" and p.meta.gps.lat is not None
    assert p.thumbnail and Image.open(io.BytesIO(p.thumbnail)).size[0] <= 256


def test_png_webp_tiff_made_in_test() -> None:
    for fmt in ("PNG", "WEBP", "TIFF"):
        buf = io.BytesIO()
        picture((300, 200)).save(buf, fmt)
        p = parse_photo(Path(f"x.{fmt.lower()}"), buf.getvalue())
        assert (p.meta.width, p.meta.height) == (300, 200) and p.meta.phash and p.preview


def test_exif_in_webp_png_tiff_made_in_test() -> None:
    exif = Image.open(io.BytesIO(make_jpeg(gps=(48.85, 2.29), offset="+01:00"))).info["exif"]
    for fmt in ("WEBP", "PNG", "TIFF"):
        buf = io.BytesIO()
        picture().save(buf, fmt, exif=exif)
        m = parse_photo(Path(f"x.{fmt.lower()}"), buf.getvalue()).meta
        assert (m.make, m.times["DateTimeOriginal"], m.times["OffsetTimeOriginal"]) == \
            ("Canon", "2019:03:23 14:05:00", "+01:00"), fmt
        assert m.gps.lat == pytest.approx(48.85, abs=1e-6) and not m.exif_problems, fmt


def test_preview_and_thumbnail_sizes_and_draft_decode() -> None:
    p = parse_photo(Path("big.jpg"), make_jpeg(image=picture((4000, 3000))))
    assert p.derive_params["decode_scale"] == "1/4"       # decoded once at 1000x750
    assert max(Image.open(io.BytesIO(p.preview)).size) <= 1024
    assert max(Image.open(io.BytesIO(p.thumbnail)).size) <= 256


def test_orientation_applied_to_display_copies(corpora: Path) -> None:
    p = _parse(corpora / "exif-samples" / "jpg" / "orientation" / "landscape_6.jpg")
    assert p.meta.orientation == 6 and (p.meta.width, p.meta.height) == (450, 600)
    w, h = Image.open(io.BytesIO(p.preview)).size
    assert w > h    # shown as the landscape it is


def test_decompression_bomb_refused() -> None:
    buf = io.BytesIO()
    Image.new("L", (1, 1)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    data[16:24] = (30000).to_bytes(4, "big") + (30000).to_bytes(4, "big")   # IHDR claims 900 MP
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")          # with a valid CRC
    with pytest.raises(CorruptFile, match="decompression bomb"):
        parse_photo(Path("bomb.png"), bytes(data))


def test_unreadable_file_is_a_clear_error(corpora: Path) -> None:
    path = corpora / "pillow-bad-images" / "broken.png"
    with pytest.raises(CorruptFile) as err:
        _parse(path)
    assert str(err.value).startswith(str(path)) and "\n" not in str(err.value)


def test_exifread_unicode_error_on_broken_png_is_per_file(corpora: Path) -> None:
    p = _parse(corpora / "pillow-bad-images" / "broken_data_stream.png")
    assert any("exifread" in x for x in p.meta.exif_problems)
    assert p.decode_problem


def test_jpeg_structure_comment_trailing_and_quality() -> None:
    m = parse_photo(Path("x.jpg"), make_jpeg(comment=b"CREATOR: gd-jpeg v1.0", quality=75,
                                              trailing=b"hidden payload" * 4)).meta
    assert m.jpeg.comments == ["CREATOR: gd-jpeg v1.0"]
    assert m.jpeg.trailing_bytes == 56 and m.jpeg.trailing_kind == "data"
    assert m.jpeg.standard_quality == 75


def test_xmp_history_and_creator_tool(corpora: Path) -> None:
    m = _parse(corpora / "exif-samples" / "jpg" / "xmp" / "BlueSquare.jpg").meta
    assert m.xmp_present and m.xmp_creator_tool == "Adobe Photoshop CS2 Macintosh"
    assert m.jpeg.photoshop_app13


def test_canon_ciff_make_model(corpora: Path) -> None:
    m = _parse(corpora / "exif-samples" / "jpg" / "exif-org" / "sony-powershota5.jpg").meta
    assert (m.make, m.model) == ("Canon", "Canon PowerShot A5")


def test_file_extraction_through_mmap_matches_bytes(corpora: Path) -> None:
    from casefile.photos.extract import extract_metadata, extract_metadata_file

    for rel in ("exif-samples/jpg/Canon_40D.jpg", "exif-samples/heic/IMG_5195.HEIC",
                "exif-samples/tiff/Arbitro.tiff", "pillow-bad-images/exif.png",
                "pillow-bad-images/sugarshack_bad_mpo_header.jpg"):
        path = corpora / rel
        on_disk, raw = extract_metadata_file(path)
        in_memory, raw2 = extract_metadata(path, path.read_bytes())
        assert raw == raw2, rel
        if in_memory.jpeg:      # the file variant leaves the end-of-image scan to the import
            assert on_disk.jpeg.eoi_offset is None and on_disk.jpeg.segments
            on_disk.jpeg = in_memory.jpeg
        assert on_disk == in_memory, rel
