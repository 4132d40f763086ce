"""The demo case in the window: readable finding inputs, compact check fields, navigator counts."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from casefile.analyst.query import list_claims, list_entities, list_sources
from casefile.flights.query import legs
from casefile.photos.query import get_photo, photo_checks
from casefile.store.reads import is_photo_item
from casefile.xref.query import findings


@pytest.fixture(scope="module")
def demo_case(tmp_path_factory) -> Path:
    from casefile.demo.builder import build_demo

    return build_demo(tmp_path_factory.mktemp("demo"), say=lambda *a, **k: None).case_path


@pytest.fixture
def demo(win, demo_case):
    assert win.open_case(demo_case)
    return win


def _item(win, name: str) -> str:
    return next(it["id"] for it in win.case.items() if it["original_name"] == name)


def test_finding_inputs_read_as_rows_and_the_exact_json_is_one_click_away(demo):
    from PySide6.QtCore import QUrl

    win = demo
    photo = _item(win, "demo-03-an124-time-airborne.jpg")
    win.select_item(photo)
    text = win.xref.browser.toPlainText()
    found = [fd for fd in findings(win.case, photo) if fd.kind == "photo-aircraft"]
    assert found
    inputs = found[0].inputs
    assert "zone from the EXIF offset \u221204:00, ±1 s" in text
    assert f"{inputs['nearest_observation']['alt_ft']:,.0f} ft" in text
    assert "counts as near within: 10 km" in text
    assert inputs["aircraft"]["label"] in text
    assert '"near_km"' not in text and "{" not in text             # no raw JSON until asked
    assert text.count("Exact inputs (JSON)") == len(findings(win.case, photo))
    win.xref.browser.anchorClicked.emit(QUrl(f"json:{found[0].id}"))   # what a click emits
    shown = win.xref.browser.toPlainText()
    assert json.dumps(inputs, ensure_ascii=False, indent=1) in shown      # every number traces here
    win.xref.browser.anchorClicked.emit(QUrl(f"json:{found[0].id}"))
    assert '"near_km"' not in win.xref.browser.toPlainText()


def test_long_check_fields_are_shortened_with_the_full_value_at_hand(demo, qtbot):
    from PySide6.QtCore import QEvent, QUrl
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    win = demo
    photo = _item(win, "demo-01-an124-on-apron.jpg")
    win.select_item(photo)
    check = next(c for c in photo_checks(win.case, photo) if "tables" in (c.fields or {}))
    full_tables = next(v for v in win.metadata.checks.full.values() if v.startswith("[1] "))
    assert len(full_tables) > 120
    assert str(check.fields["tables"][0][0]) == full_tables[4:].split(",")[0]
    text = win.metadata.checks.toPlainText()
    assert check.title in text and full_tables not in text
    line = next(ln for ln in text.splitlines() if ln.startswith("tables: "))
    assert f"… show all {len(full_tables):,} characters" in line
    assert len(line.split("…")[0]) <= len("tables: ") + 120
    anchor = next(a for a, v in win.metadata.checks.full.items() if v == full_tables)
    # hovering the "show all" link shows the full value as a tooltip
    win.metadata.raise_()
    win.metadata.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    browser = win.metadata.checks
    cur = browser.document().find(f"show all {len(full_tables):,} characters")
    cur.setPosition(cur.selectionStart() + 3)
    pos = browser.cursorRect(cur).center()
    assert browser.anchorAt(pos) == anchor
    QApplication.sendEvent(browser.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos,
                                                          browser.viewport().mapToGlobal(pos)))
    assert QToolTip.text() == f"<p>{html.escape(full_tables)}</p>"
    win.metadata.checks.anchorClicked.emit(QUrl(anchor))
    assert full_tables in win.metadata.checks.toPlainText()
    win.metadata.checks.anchorClicked.emit(QUrl(anchor))
    assert full_tables not in win.metadata.checks.toPlainText()


def test_navigator_shows_how_many_records_each_entry_lists(demo):
    win = demo
    photos = sum(is_photo_item(it) for it in win.case.items())
    assert win.nav_items["photos"].text(0) == f"Photos ({photos})"
    expected = {"sources": list_sources, "claims": list_claims, "entities": list_entities,
                "flights": legs, "findings": findings}
    for key, lister in expected.items():
        n = len(lister(win.case))
        assert n > 0, key                                      # the demo case has some of each
        assert win.nav_items[key].text(0).endswith(f" ({n})"), key
    assert win.nav_items["map"].text(0) == "Map"
    win.close_case()
    assert win.nav_items["photos"].text(0) == "Photos"


def test_the_finding_chosen_in_the_findings_view_leads_the_dock_and_keeps_its_row(demo):
    win = demo
    photo = _item(win, "demo-03-an124-time-airborne.jpg")
    found = findings(win.case, photo)
    assert len(found) >= 2
    win.show_view("findings")
    view = win.records
    rows = [r for r in range(view.proxy.rowCount())
            if view.model.rows[view.proxy.mapToSource(view.proxy.index(r, 0)).row()].item_ids[0] == photo]
    assert len(rows) >= 2
    for r in rows:                                    # what clicking each of the photo's rows does
        view.table.setCurrentIndex(view.proxy.index(r, 1))
        chosen = view.current_record()
        assert view.table.currentIndex().row() == r           # the row clicked stays current
        assert win.selected == chosen.id                      # the finding itself is selected
        assert win.provenance.item_id == photo                # the panels show its photo
        assert chosen.explanation in win.details.browser.toPlainText()
        text = win.xref.browser.toPlainText()
        assert text.startswith("▶ the finding selected in the list")
        first = text.split("Exact inputs (JSON)")[0]
        assert chosen.explanation in first


def test_a_long_table_cell_shows_all_its_text_on_hover(demo):
    from PySide6.QtCore import Qt

    win = demo
    win.show_view("findings")
    model = win.records.model
    col = [c.header for c in model.columns].index("Explanation")
    assert col == len(model.columns) - 1                       # the long text takes the free width
    for row, fd in enumerate(model.rows):
        tip = model.data(model.index(row, col), Qt.ItemDataRole.ToolTipRole)
        if len(fd.explanation) > 60:
            assert tip == f"<p>{html.escape(fd.explanation)}</p>"
        else:
            assert tip is None


def test_the_summary_tab_names_the_time_basis_and_rounds_the_position(demo):
    from PySide6.QtWidgets import QLabel

    win = demo
    photo = _item(win, "demo-03-an124-time-airborne.jpg")
    win.select_item(photo)
    info = get_photo(win.case, photo)
    texts = [lab.text() for lab in win.metadata.summary.findChildren(QLabel)]
    capture = next(t for t in texts if t.startswith(info.capture.utc[:10]))
    assert capture == (f"{info.capture.utc[:10]} {info.capture.utc[11:19]} UTC (zone from the EXIF offset "
                       f"\u221204:00, ±1 s; as found: {info.capture.raw}; "
                       "read from exif DateTimeOriginal)")
    lat, lon = info.gps.lat, info.gps.lon
    ns, ew = "N" if lat >= 0 else "S", "E" if lon >= 0 else "W"
    assert f"{abs(lat):.4f}° {ns}, {abs(lon):.4f}° {ew} (EXIF GPS)" in texts
