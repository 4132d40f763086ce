"""Casefile's pHash (photos.derive.phash, no scipy) gives imagehash's pHash bit for bit on real photos."""

from __future__ import annotations

import sys
from pathlib import Path

import imagehash
from PIL import Image

from casefile.photos.derive import THUMB_PX, fit, phash


def _photos(corpora: Path) -> list[Path]:
    return sorted(p for p in (corpora / "exif-samples").rglob("*")
                  if p.suffix.lower() in (".jpg", ".jpeg", ".tif", ".tiff"))


def test_phash_matches_imagehash_on_corpus_photos(corpora: Path) -> None:
    compared = 0
    for path in _photos(corpora):
        try:
            with Image.open(path) as im:
                im.load()
                rgb = im.convert("RGB")
        except Exception:  # noqa: BLE001 - a photo Pillow cannot decode has no hash to compare
            continue
        for picture in (rgb, fit(rgb, THUMB_PX)):   # as decoded, and as the import hashes it
            assert phash(picture) == str(imagehash.phash(picture)), path.name
            compared += 1
    assert compared >= 100


def test_phash_of_flat_and_tiny_pictures() -> None:
    for picture in (Image.new("RGB", (40, 30), (12, 200, 7)), Image.new("L", (3, 2), 255),
                    Image.new("RGB", (1, 1))):
        assert phash(picture) == str(imagehash.phash(picture))


def test_import_worker_reads_photos_without_scipy(tmp_path: Path) -> None:
    import subprocess

    from ._make import make_jpeg

    path = tmp_path / "a.jpg"
    path.write_bytes(make_jpeg())
    code = ("import sys; from pathlib import Path; from casefile.importers.photo import PhotoImporter; "
            f"p = Path({str(path)!r}); imp = PhotoImporter(); "
            "parsed = imp.prepare(imp.parse(p, p.read_bytes())); "
            "assert parsed.meta.phash and parsed.texts; print('scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
