"""The synthetic demo photos: metadata as intended (ExifTool as the oracle), near-duplicates only where
intended, and every metadata check kind of casefile.checks fires on at least one of them."""

from __future__ import annotations

import inspect
import json
import re
import shutil
import subprocess
from pathlib import Path

import imagehash
import pytest
from PIL import Image

import casefile.checks
from casefile.demo import SYNTHETIC_ASCII
from casefile.demo.photos import PHOTOS, write_photos
from casefile.importers.pipeline import import_paths

BY_NAME = {p.filename: p for p in PHOTOS}

#: What each photo is built to show: the checks that must fire on it (others may fire too).
EXPECTED_CHECKS = {
    "demo-01-an124-on-apron.jpg": {"near-duplicate"},
    "demo-02-an124-repost.jpg": {"no-metadata", "near-duplicate"},
    "demo-03-an124-time-airborne.jpg": {"jpeg-comment"},
    "demo-04-an124-in-coverage-gap.jpg": {"near-duplicate"},
    "demo-05-no-time-zone.jpg": {"gps-stripped"},
    "demo-06-edited-in-photoshop.jpg": {"editing-software", "modified-after-capture", "xmp-history",
                                        "thumbnail-differs", "pixel-size", "places-disagree"},
    "demo-07-bogus-gps.jpg": {"gps-bogus"},
    "demo-08-camera-clock-fast.jpg": {"camera-clock-offset"},
    "demo-09-wrong-year.jpg": {"capture-in-future"},
    "demo-10-platform-reencode.jpg": {"platform-facebook", "photoshop-app13", "jpeg-comment-software",
                                      "trailing-data", "near-duplicate"},
    "demo-11-content-credentials.jpg": {"c2pa", "exif-structure"},
    "demo-12-cut-short.jpg": {"image-damaged"},
}


@pytest.fixture(scope="module")
def photo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("photos")
    write_photos(folder)
    return folder


def all_check_ids() -> set[str]:
    """Every check id the checks package can produce, read from its check functions."""
    ids: set[str] = set()
    for check in casefile.checks.PHOTO_CHECKS:
        ids |= set(re.findall(r'finding\(\s*inp,\s*"([a-z0-9-]+)"', inspect.getsource(check)))
    return ids


def test_generation_is_reproducible(photo_dir: Path, tmp_path: Path) -> None:
    again = write_photos(tmp_path)
    assert [p.name for p in again] == [p.filename for p in PHOTOS]
    for p in again:
        assert p.read_bytes() == (photo_dir / p.name).read_bytes(), p.name


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed "
                    "(Debian: libimage-exiftool-perl)")
def test_exiftool_reads_the_metadata_we_meant(photo_dir: Path) -> None:
    files = [str(photo_dir / p.filename) for p in PHOTOS if not p.truncate]

    def exiftool(*opts: str) -> dict[str, dict]:
        out = subprocess.run(["exiftool", "-j", "-n", "-G1", "-a", *opts, *files],
                             capture_output=True, text=True, check=False)
        return {Path(t["SourceFile"]).name: t for t in json.loads(out.stdout)}

    validation = exiftool("-validate", "-warning")
    for name, tags in exiftool().items():
        p = BY_NAME[name]
        if p.no_exif:
            assert "IFD0:Make" not in tags, p.filename
            continue
        assert SYNTHETIC_ASCII in tags["IFD0:ImageDescription"]
        where = "IFD0" if p.date_in_ifd0 else "ExifIFD"
        assert tags[f"{where}:DateTimeOriginal"] == p.taken_local, p.filename
        assert tags.get("ExifIFD:OffsetTimeOriginal") == p.offset, p.filename
        if p.gps and not p.bogus_gps:
            assert tags["GPS:GPSLatitude"] == pytest.approx(abs(p.gps[0]), abs=1e-5)
            assert tags["GPS:GPSLongitude"] == pytest.approx(abs(p.gps[1]), abs=1e-5)
            assert tags["GPS:GPSLongitudeRef"] == "W"
        if p.software:
            assert tags["IFD0:Software"] == p.software
        warnings = [v for k, v in validation[name].items() if k.endswith("Warning")]
        if p.date_in_ifd0:
            assert any("Wrong IFD for 0x9003 DateTimeOriginal" in w for w in warnings), warnings
        elif not p.bogus_gps:
            assert warnings == [], f"{p.filename}: {warnings}"


def test_embedded_thumbnail_is_a_readable_jpeg(photo_dir: Path) -> None:
    import exifread

    with open(photo_dir / "demo-06-edited-in-photoshop.jpg", "rb") as f:
        tags = exifread.process_file(f, details=True, extract_thumbnail=True)
    thumb = tags["JPEGThumbnail"]
    from io import BytesIO

    with Image.open(BytesIO(thumb)) as im:
        assert im.format == "JPEG" and im.size == (160, 120)


def test_near_duplicates_only_where_intended(photo_dir: Path) -> None:
    hashes = {p.filename: imagehash.phash(Image.open(photo_dir / p.filename)) for p in PHOTOS
              if not p.truncate}
    pairs = {frozenset((p.filename, p.copy_of)) for p in PHOTOS if p.copy_of}
    names = sorted(hashes)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            d = hashes[a] - hashes[b]
            if frozenset((a, b)) in pairs:
                assert d <= 4, f"{a} vs {b}: copies should be near-identical ({d} bits)"
            else:
                assert d >= 12, f"{a} vs {b}: distinct pictures look alike ({d} bits)"


#: check kinds the training case leaves out on purpose, and why (each is tested on its own elsewhere)
NOT_IN_THE_DEMO = {
    "capture-before-photography": "a photo of the 2019 flights dated before 1826 would teach nothing "
                                  "the wrong-year photo (09) does not; tests/test_time_range.py",
}


def test_every_check_kind_fires_on_the_demo_photos(fresh_case, photo_dir: Path) -> None:
    from casefile.photos import query as pq

    rep = import_paths(fresh_case, [photo_dir / p.filename for p in PHOTOS], workers=1)
    assert [o.status for o in rep.outcomes] == ["imported"] * len(PHOTOS), \
        [o.message for o in rep.outcomes]
    ids = {Path(o.path).name: o.item_id for o in rep.outcomes}
    seen: set[str] = set()
    for name, want in EXPECTED_CHECKS.items():
        got = {f.check_id for f in pq.photo_checks(fresh_case, ids[name])}
        assert want <= got, f"{name}: missing {sorted(want - got)} (got {sorted(got)})"
        seen |= got
    missing = all_check_ids() - seen - set(NOT_IN_THE_DEMO)
    assert not missing, f"check kinds no demo photo shows: {sorted(missing)}"
    assert not seen & set(NOT_IN_THE_DEMO)
    bases = {pq.get_photo(fresh_case, i).capture.basis for i in ids.values()
             if pq.get_photo(fresh_case, i).capture is not None}
    assert {"exif-offset", "location-tz", "unknown"} <= bases
