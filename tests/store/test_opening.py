"""Opening an original: its own extension, a read-only copy, and what could fetch is marked risky."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from casefile.store.opening import extension_for, hex_view, plan, text_view, viewing_copy

JPEG = "exif-samples/jpg/gps/DSCN0010.jpg"
KML = "flights/flightaware/FlightAware_DLH1534_LSZH_EDDF_20210817.kml"
GPX = "flights/gpx/SkyDolly_Sample.gpx"


def _item(case, name: str) -> dict:
    return next(it for it in case.items() if it["original_name"] == name)


def test_real_files_open_under_their_own_type(fresh_case, corpora, tmp_path: Path):
    from casefile.importers.pipeline import import_paths

    report = import_paths(fresh_case, [corpora / JPEG, corpora / KML, corpora / GPX], workers=1)
    assert report.count("imported") == 3
    jpeg, kml, gpx = (_item(fresh_case, Path(p).name) for p in (JPEG, KML, GPX))
    # the evidence store keeps no extension: the desktop would have to guess
    assert fresh_case.blob_path(jpeg).suffix == ""
    p = plan(jpeg)
    assert (p.name, p.risky) == ("DSCN0010.jpg", False)
    # a KML or GPX file can make a viewer fetch (network links, external entities): risky
    assert plan(kml).risky and plan(kml).extension == ".kml" and "XML" in plan(kml).risk
    assert plan(gpx).risky and plan(gpx).extension == ".gpx"
    copy = viewing_copy(fresh_case.blob_path(jpeg), jpeg, root=tmp_path)
    assert copy.name == "DSCN0010.jpg" and copy.suffix == ".jpg"
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == jpeg["sha256"]
    assert not os.stat(copy).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert viewing_copy(fresh_case.blob_path(jpeg), jpeg, root=tmp_path) == copy      # reused
    lines = hex_view(fresh_case.blob_path(jpeg), limit=64).splitlines()
    assert lines[0].startswith("00000000  ff d8 ff") and len(lines) == 5                # 4 lines + "cut"
    assert "<kml" in text_view(fresh_case.blob_path(kml))


def test_a_saved_page_without_extension_is_still_a_web_page(fresh_case, tmp_path: Path):
    from casefile.importers.pipeline import import_paths

    # no web page in the corpora: a tiny one with a remote image, saved without an extension
    page = tmp_path / "capture"
    page.write_text("<!doctype html><html><body><img src='https://tracker.example/p.gif'></body></html>")
    import_paths(fresh_case, [page], workers=1)
    item = _item(fresh_case, "capture")
    p = plan(item)
    assert (p.mime, p.extension, p.name) == ("text/html", ".html", "capture.html")
    assert p.risky and "loads images" in p.risk
    assert "tracker.example" in text_view(fresh_case.blob_path(item))


def test_extension_follows_the_content_not_a_misleading_name():
    assert extension_for("image/jpeg", "photo.jpeg") == ".jpeg"                 # agrees: kept
    assert extension_for("text/html", "invoice.jpg") == ".html"                 # content decides
    assert extension_for("application/octet-stream", "blob") == ".bin"
    assert plan({"mime": "text/html", "original_name": "invoice.jpg"}).risky
    assert plan({"mime": "application/pdf", "original_name": "report"}).name == "report.pdf"
    assert plan({"mime": "application/pdf", "original_name": "report"}).risky
    assert plan({"mime": "image/png", "original_name": "../../etc/x.png"}).name == "x.png"
    assert plan({"mime": "application/zip", "original_name": "brief.docx"}).risky   # office = zip
    assert not plan({"mime": "text/plain", "original_name": "notes.txt"}).risky
