"""Once the analyst places a photo, the file's own GPS stays in sight beside that place, with the
distance between them: in the metadata panel, the Details panel and the report."""

from __future__ import annotations

import re

from edithelp import fill
from uihelp import GPS_PHOTOS, wait_op

from casefile.photos.query import get_photo


def test_the_files_own_gps_is_shown_beside_the_analysts_place(opened, qtbot, corpora, tmp_path):
    from pypdf import PdfReader

    from casefile.report.exports import write_report

    win = opened
    wait_op(qtbot, win.import_files([str(corpora / GPS_PHOTOS / "DSCN0010.jpg")]))
    (item,) = win.case.items()
    own = get_photo(win.case, item["id"]).exif_gps
    assert own is not None                          # the file's GPS: Tuscany
    # the analyst says it was taken at Taipei Songshan
    assert fill(win, qtbot, "place-photo", item["id"], {"lat": "25.0697", "lon": "121.5525",
                                                         "note": "matched the control tower"})
    info = get_photo(win.case, item["id"])
    assert info.gps is not None and info.gps.source == "analyst"
    win.select_item(item["id"])
    details = win.details.browser.toPlainText()
    assert "Placed by the analyst" in details and "matched the control tower" in details
    assert "The file's own GPS" in details and "EXIF GPS" in details
    assert f"{own.lat:.4f}° N" in details
    km = re.search(r"Between them\s*([\d,.]+) km", details)
    assert km and 9000 < float(km.group(1).replace(",", "")) < 10000     # Italy to Taiwan
    labels = [w.text() for w in win.metadata.findChildren(type(win.status_path))]
    assert any(t.startswith("Placed by the analyst") for t in labels)
    assert any(t.startswith("The file's own GPS") for t in labels)
    assert any(t.startswith("Between them") for t in labels)
    out = tmp_path / "report.pdf"
    write_report(win.case, out)
    text = " ".join(pg.extract_text() or "" for pg in PdfReader(str(out)).pages)
    flat = " ".join(text.split())
    assert "Placed by the analyst" in flat and "The file's own GPS" in flat and "Between them" in flat
