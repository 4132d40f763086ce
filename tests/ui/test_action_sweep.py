"""Every action the window shows does what it says.

One real case (a Flightradar24 track of SPAR19 and two GPS photos from the corpora) is driven the way
a person drives it: every QAction of the menus and toolbar, every entry of each record's right-click
menu and every link in the Details panel, for each kind of record. Each is triggered, its dialog is
filled and accepted, and the test asserts the action's own effect: the record changed in the case,
the file written (in the format chosen), the view shown. A new action with no check here fails.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from edithelp import settle
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QToolBar
from uihelp import wait_op

from casefile.analyst import query as analyst
from casefile.flights import query as flights
from casefile.photos import query as photos
from casefile.xref.query import findings

TRACK = "flights/traffic/fr24-2ce4f83f.json"
PHOTOS = ("exif-samples/jpg/gps/DSCN0010.jpg", "exif-samples/jpg/gps/DSCN0012.jpg")


class Dialogs:
    """Records each dialog the window opens (instead of leaving it waiting for a person)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened: list[QDialog] = []
        self.menus: list[QMenu] = []
        self.files: dict[str, str] = {}          # which path each file dialog answers
        real_show = QDialog.show

        def opened(dlg: QDialog) -> None:
            self.opened.append(dlg)
            real_show(dlg)

        monkeypatch.setattr(QDialog, "open", opened)
        monkeypatch.setattr(QDialog, "exec", lambda dlg: (opened(dlg), 0)[1])
        monkeypatch.setattr(QMenu, "popup", lambda menu, *_a: self.menus.append(menu))
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, **k: (self.files["save"], "")))
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            staticmethod(lambda *a, **k: (self.files["open"], "")))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                            staticmethod(lambda *a, **k: ([self.files["open"]], "")))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                            staticmethod(lambda *a, **k: self.files["dir"]))

    def last(self) -> QDialog:
        assert self.opened, "the action opened no dialog"
        return self.opened[-1]


def _text(act: QAction) -> str:
    return act.text().replace("&", "").rstrip("…").strip()


def _fill(win, qtbot, dialogs: Dialogs, values: dict[str, str]) -> None:
    """Fill the form the action opened, press OK, wait for the edit to land."""
    from casefile.ui.forms.dialog import FormDialog

    dlg = dialogs.last()
    assert isinstance(dlg, FormDialog), type(dlg)
    for name, value in values.items():
        dlg.set_value(name, value)
        assert dlg.values()[name] == value.strip(), (dlg.windowTitle(), name, value)
    for f in dlg.fields:                       # anything required and still empty gets a value
        if f.required and not dlg.values().get(f.name):
            dlg.set_value(f.name, f"sweep {f.name}")
    dlg._accept()
    assert dlg.result() == QDialog.DialogCode.Accepted, dlg.windowTitle()
    settle(win, qtbot)


# ---- the case --------------------------------------------------------------------------------
@pytest.fixture
def swept(win, qtbot, corpora, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch)
    assert win.create_case(tmp_path / "sweep", "Sweep: SPAR19 at Songshan")
    wait_op(qtbot, win.import_files([str(corpora / TRACK)] + [str(corpora / p) for p in PHOTOS]))
    settle(win, qtbot)
    return win, dialogs


def _ids(win) -> dict[str, str]:
    items = {it["original_name"]: it["id"] for it in win.case.items()}
    return {"track": items[Path(TRACK).name], "photo": items[Path(PHOTOS[0]).name],
            "photo2": items[Path(PHOTOS[1]).name]}


def _trigger(win, text: str) -> QAction:
    act = next(a for a in _actions(win) if _text(a) == text)
    assert act.isEnabled(), text
    act.trigger()
    return act


def _actions(win) -> list[QAction]:
    """Every action a person can reach in the menus and the toolbar."""
    seen: dict[int, QAction] = {}

    def walk(actions: list[QAction]) -> None:
        for act in actions:
            if act.menu() is not None:
                walk(act.menu().actions())
            elif not act.isSeparator() and act.text():
                seen[id(act)] = act

    walk(win.menuBar().actions())
    for tb in win.findChildren(QToolBar):
        for act in tb.actions():
            if not act.isSeparator() and act.text():
                seen[id(act)] = act
    return list(seen.values())


# ---- record actions: the same for a Details link and a right-click menu entry ----------------
def _record_effect(win, qtbot, dialogs, action: str, rid: str, ids: dict[str, str]) -> None:
    """Fill the form `action` opened for record `rid` and assert what it changed in the case."""
    case = win.case
    sid = analyst.list_sources(case)[0].id
    other = analyst.list_sources(case)[-1].id
    cid = analyst.list_claims(case)[0].id
    eid = analyst.list_entities(case)[0].id
    if action == "status":
        _fill(win, qtbot, dialogs, {"status": "corroborated", "reason": "track shows it"})
        assert analyst.get_claim(case, rid).status == "corroborated"
    elif action == "credibility":
        _fill(win, qtbot, dialogs, {"credibility": "2"})
        assert analyst.get_claim(case, rid).credibility == 2
    elif action == "edit-claim":
        _fill(win, qtbot, dialogs, {"text": "SPAR19 landed at Songshan in the afternoon"})
        assert analyst.get_claim(case, rid).text == "SPAR19 landed at Songshan in the afternoon"
    elif action == "claim-window":
        _fill(win, qtbot, dialogs, {"start": "2022-08-02 22:00", "end": "2022-08-02 23:30",
                                    "tz": "Asia/Taipei"})
        c = analyst.get_claim(case, rid)
        assert c.window_start.utc.startswith("2022-08-02T14:00") and c.window_end.zone == "Asia/Taipei"
    elif action == "claim-sources":
        _fill(win, qtbot, dialogs, {"sources": other})
        assert other in analyst.get_claim(case, rid).source_ids
    elif action == "claim-link":
        on_claim = names_kind(win, rid) == "claim"
        claim, item = (rid, ids["photo2"]) if on_claim else (cid, rid)
        _fill(win, qtbot, dialogs, {"claim": claim, "item": item, "relation": "supports"})
        assert any(lk.item_id == item for lk in analyst.claim_links(case, claim))
    elif action == "claim-entities":
        _fill(win, qtbot, dialogs, {"entities": eid})
        assert eid in analyst.get_claim(case, rid).entity_ids
    elif action == "note":
        text = f"sweep note on {rid}"
        _fill(win, qtbot, dialogs, {"text": text})
        assert any(n["text"] == text for n in analyst.notes(case, rid))
    elif action == "tag":
        _fill(win, qtbot, dialogs, {"tag": "sweep-tag"})
        assert "sweep-tag" in analyst.tags(case, rid)
    elif action in ("delete-claim", "delete-source"):
        _fill(win, qtbot, dialogs, {"reason": "entered twice"})
        getter = analyst.get_claim if action == "delete-claim" else analyst.get_source
        from casefile.errors import NotFound
        with pytest.raises(NotFound):
            getter(case, rid)
        win.act_undo.trigger()                    # put it back for the next actions
        settle(win, qtbot)
        assert getter(case, rid).id == rid
    elif action == "grade":
        _fill(win, qtbot, dialogs, {"grade": "B", "rationale": "official flight tracker"})
        s = analyst.get_source(case, rid)
        assert (s.reliability, s.reliability_rationale) == ("B", "official flight tracker")
    elif action == "edit-source":
        _fill(win, qtbot, dialogs, {"publisher": "Flightradar24 AB"})
        assert analyst.get_source(case, rid).publisher == "Flightradar24 AB"
    elif action == "archive":
        url = "https://web.archive.org/web/2022/https://www.flightradar24.com/data/flights/spar19"
        _fill(win, qtbot, dialogs, {"url": url})
        assert url in analyst.get_source(case, rid).archive_urls
    elif action in ("attach", "attach-to-source"):
        src = rid if names_kind(win, rid) == "source" else sid
        item = rid if names_kind(win, rid) == "item" else ids["photo2"]
        _fill(win, qtbot, dialogs, {"source": src, "item": item, "role": "attachment"})
        assert analyst.get_source(case, src).item_roles.get(item) == "attachment"
    elif action == "relate":
        _fill(win, qtbot, dialogs, {"source": rid, "relation": "cites",
                                    "other": other if other != rid else sid})
        assert any(r.source_id == rid and r.relation == "cites" for r in analyst.source_relations(case))
    elif action == "add-claim":
        text = f"claim made by {rid}"
        _fill(win, qtbot, dialogs, {"text": text, "sources": rid})
        made = next(c for c in analyst.list_claims(case) if c.text == text)
        assert made.source_ids == [rid]
    elif action == "alias":
        _fill(win, qtbot, dialogs, {"alias": "SAM 19"})
        assert "SAM 19" in analyst.get_entity(case, rid).aliases
    elif action == "place-photo":
        _fill(win, qtbot, dialogs, {"lat": "25.0697", "lon": "121.5525", "note": "apron, by eye"})
        info = photos.get_photo(case, rid)
        assert info.gps is not None and round(info.gps.lat, 4) == 25.0697
        assert info.analyst_place_note == "apron, by eye"
    elif action == "aircraft-tag":
        _fill(win, qtbot, dialogs, {"aircraft": "09-0540"})
        assert "09-0540" in photos.get_photo(case, rid).aircraft_tags
    elif action == "adopt-aircraft":
        from casefile.ui.views.records import tracked_aircraft

        assert [a.id for a in tracked_aircraft(case)] == [rid]      # derived, listed until adopted
        _fill(win, qtbot, dialogs, {})                              # the form comes filled in
        made = [e for e in analyst.list_entities(case) if e.ref == "09-0540"]
        assert len(made) == 1 and made[0].kind == "aircraft" and "SPAR19" in made[0].aliases
        assert tracked_aircraft(case) == []
        assert win.current_view == "entities" and win.selected == made[0].id
        win.act_undo.trigger()                    # not adopted again, for the next actions
        settle(win, qtbot)
        assert [a.id for a in tracked_aircraft(case)] == [rid]
    elif action == "open":
        n = len(win.opened_copies)
        box = win.last_open_box
        assert len(win.opened_copies) == n + 1 or win.last_open_box is not box
    else:
        raise AssertionError(f"no expected effect written for the record action {action!r}")


def names_kind(win, rid: str) -> str | None:
    from casefile.ui import names

    return names.kind_of(win.case, rid)


def _records(win, ids: dict[str, str]) -> dict[str, str]:
    """One record of every kind the Details panel shows."""
    case = win.case
    fid = next(iter(x.id for x in findings(case)), None)
    out = {"source": analyst.list_sources(case)[0].id, "claim": analyst.list_claims(case)[0].id,
           "entity": analyst.list_entities(case)[0].id, "photo": ids["photo"], "track": ids["track"],
           "reported flight": flights.reported_flights(case)[0].id,
           "aircraft": flights.list_aircraft(case)[0].id}
    if fid:
        out["finding"] = fid
    return out


def _links(win, rid: str) -> list[str]:
    """The `do:` links the Details panel shows for a record."""
    import re

    win.select_item(rid)
    page = win.details.browser.toHtml()
    return re.findall(r'href="do:([a-z-]+):', page)


def _prepare(win, qtbot, dialogs) -> None:
    """What the sweep needs to act on: a source, a claim, an entity and a reported flight."""
    from casefile.ui.window import edit_form

    edit_form.ask(win, "add-source", None)
    _fill(win, qtbot, dialogs, {"title": "Flightradar24 playback of SPAR19", "kind": "flight-tracker-page"})
    edit_form.ask(win, "add-source", None)
    _fill(win, qtbot, dialogs, {"title": "Taipei Times report of the landing", "kind": "news-article"})
    sid = analyst.list_sources(win.case)[0].id
    edit_form.ask(win, "add-claim", sid)
    _fill(win, qtbot, dialogs, {"text": "SPAR19 landed at Taipei Songshan on 2 August 2022",
                                "start": "2022-08-02", "tz": "Asia/Taipei", "place": "RCSS",
                                "aircraft": "09-0540", "sources": sid})
    edit_form.ask(win, "add-entity", None)
    _fill(win, qtbot, dialogs, {"kind": "organisation", "entity_name": "US Air Force"})
    edit_form.ask(win, "reported-flight", None)
    _fill(win, qtbot, dialogs, {"aircraft": "09-0540", "from_icao": "WMSA", "to_icao": "RCSS",
                                "arrived": "2022-08-02 22:44", "arrived_tz": "Asia/Taipei",
                                "source": sid})
    win.run_xref()
    settle(win, qtbot)


# ---- the sweeps ------------------------------------------------------------------------------
def test_every_details_link_and_context_menu_entry_does_what_it_says(swept, qtbot):
    win, dialogs = swept
    _prepare(win, qtbot, dialogs)
    ids = _ids(win)
    records = _records(win, ids)
    assert {"source", "claim", "entity", "photo", "track", "reported flight", "finding",
            "aircraft"} <= set(records)
    done: set[tuple[str, str]] = set()
    for kind, rid in records.items():
        for action in _links(win, rid):
            before = len(dialogs.opened)
            n_copies = len(win.opened_copies)
            win.details.browser.anchorClicked.emit(QUrl(f"do:{action}:{rid}"))
            if action == "open":                    # hands a viewing copy over, or asks first
                assert len(win.opened_copies) == n_copies + 1 or win.last_open_box is not None
            else:
                assert len(dialogs.opened) == before + 1, f"{kind} link {action} opened nothing"
                _record_effect(win, qtbot, dialogs, action, rid, ids)
            done.add((kind, action))
    # every kind with edits shows links, and the photo's own ones are among them
    assert {("photo", "place-photo"), ("photo", "aircraft-tag"), ("claim", "status"),
            ("source", "grade"), ("claim", "claim-link"), ("entity", "alias"),
            ("aircraft", "adopt-aircraft")} <= done

    # the right-click menu of each record: every entry
    from casefile.ui.window.contextmenu import RECORD_ACTIONS, item_menu

    for kind in ("source", "claim", "entity", "photo", "aircraft"):
        rid = records[kind]
        win.select_item(rid)
        entries = [a for a in item_menu(win, rid).actions() if not a.isSeparator()]
        if kind != "photo":
            assert [_text(a) for a in entries] == [t.rstrip("…") for _a, t in RECORD_ACTIONS[kind]]
        for n, act in enumerate(entries):
            text = _text(act)
            before = len(dialogs.opened)
            if text in ("Open original", "Reveal in folder"):
                continue                     # hand a file to the desktop: checked in test_open_original
            if text == "Copy SHA-256":
                act.trigger()
                assert QApplication.clipboard().text() == win.case.resolve_item(rid)["sha256"]
                continue
            if text == "Sensitive":
                was = bool(win.case.get_row("items", rid)["sensitive"])
                act.trigger()
                qtbot.waitUntil(lambda r=rid, w=was: bool(win.case.get_row("items", r)["sensitive"]) != w)
                continue
            if text == "Add or edit note":
                from PySide6.QtWidgets import QInputDialog
                orig = QInputDialog.getMultiLineText
                QInputDialog.getMultiLineText = staticmethod(lambda *a, **k: ("seen on the apron", True))
                try:
                    act.trigger()
                finally:
                    QInputDialog.getMultiLineText = orig
                qtbot.waitUntil(lambda r=rid: win.case.get_row("items", r)["notes"] == "seen on the apron")
                continue
            act.trigger()
            assert len(dialogs.opened) == before + 1, f"{kind} menu entry {text!r} opened nothing"
            action = RECORD_ACTIONS[kind][n][0] if kind != "photo" else _FILE_MENU.get(text)
            assert action, f"no expected effect written for the menu entry {text!r}"
            if action == "add-source":
                _fill(win, qtbot, dialogs, {"title": "capture of the photo"})
                made = next(s for s in analyst.list_sources(win.case) if s.title == "capture of the photo")
                assert made.item_roles == {rid: "capture"}
            else:
                _record_effect(win, qtbot, dialogs, action, rid, ids)


_FILE_MENU = {"Tag": "tag", "Link to claim": "claim-link", "Attach to a source": "attach-to-source",
              "New source with this capture": "add-source", "Place on the map": "place-photo",
              "Tag an aircraft": "aircraft-tag"}


def _ops_done(win, qtbot) -> None:
    qtbot.waitUntil(lambda: not win.ops.busy, timeout=120000)
    qtbot.wait(20)


def test_every_menu_and_toolbar_action_does_what_it_says(swept, qtbot, corpora, tmp_path):
    from casefile.ui.window.dialogs import NewCaseDialog, SettingsDialog
    from casefile.ui.window.exports import ReportDialog

    win, dialogs = swept
    _prepare(win, qtbot, dialogs)
    case_path = win.case.path
    out = tmp_path / "out"
    out.mkdir()
    covered: set[str] = set()
    # before any other case was opened (Open Recent lists this one); Undo/Redo by their action
    undo_redo = {win.act_undo, win.act_redo}
    shown = {_text(a) for a in _actions(win) if a not in undo_redo} | {"Undo", "Redo"}
    assert len(shown) >= 39

    def did(text: str) -> None:
        covered.add(text)

    # -- Records: each adds the record it names -----------------------------------------------
    n = len(analyst.list_sources(win.case))
    _trigger(win, "Add Source")
    _fill(win, qtbot, dialogs, {"title": "ADS-B Exchange history"})
    assert len(analyst.list_sources(win.case)) == n + 1
    did("Add Source")
    _trigger(win, "Add Claim")
    _fill(win, qtbot, dialogs, {"text": "SPAR19 left Subang in the morning",
                                "sources": analyst.list_sources(win.case)[0].id})
    assert any(c.text == "SPAR19 left Subang in the morning" for c in analyst.list_claims(win.case))
    did("Add Claim")
    _trigger(win, "Add Entity")
    _fill(win, qtbot, dialogs, {"kind": "aircraft", "entity_name": "C-40C 09-0540", "ref": "09-0540"})
    assert any(e.ref == "09-0540" for e in analyst.list_entities(win.case))
    did("Add Entity")
    n = len(flights.reported_flights(win.case))
    _trigger(win, "Add Reported Flight")
    _fill(win, qtbot, dialogs, {"aircraft": "09-0540", "from_icao": "RCSS", "to_icao": "RPLC"})
    assert len(flights.reported_flights(win.case)) == n + 1
    did("Add Reported Flight")
    _trigger(win, "Note on the Case")
    _fill(win, qtbot, dialogs, {"text": "case note from the menu"})
    assert any(nt["text"] == "case note from the menu" for nt in analyst.notes(win.case, None))
    did("Note on the Case")

    # -- Edit: undo and redo the note just made; find; settings --------------------------------
    _trigger(win, _text(win.act_undo))
    settle(win, qtbot)
    assert not any(nt["text"] == "case note from the menu" for nt in analyst.notes(win.case, None))
    _trigger(win, _text(win.act_redo))
    settle(win, qtbot)
    assert any(nt["text"] == "case note from the menu" for nt in analyst.notes(win.case, None))
    did("Undo")
    did("Redo")
    _trigger(win, "Find")
    assert QApplication.focusWidget() is win.search_box or win.search_box.hasFocus() \
        or win.search_box.selectedText() == win.search_box.text()
    did("Find")
    _trigger(win, "Settings")
    dlg = dialogs.last()
    assert isinstance(dlg, SettingsDialog)
    dlg.thumb.setValue(96)
    dlg._accept()
    assert win.photos.grid_model.size == 96
    did("Settings")

    # -- Edit Selected: the record's own menu --------------------------------------------------
    claim = analyst.list_claims(win.case)[0]
    win.select_item(claim.id)
    _trigger(win, "Edit Selected")
    assert [_text(a) for a in dialogs.menus[-1].actions()][:2] == ["Set status", "Grade credibility"]
    did("Edit Selected")

    # -- Run Cross-Reference -------------------------------------------------------------------
    with qtbot.waitSignal(win.edits.xrefDone, timeout=60000) as got:
        _trigger(win, "Run Cross-Reference")
    assert got.args == [""]
    did("Run Cross-Reference")

    # -- View: panels, views, local time -------------------------------------------------------
    for dock in (win.details, win.provenance, win.metadata, win.xref):
        act = dock.toggleViewAction()
        was = dock.isVisible()
        act.trigger()
        assert dock.isVisible() != was
        act.trigger()
        assert dock.isVisible() == was
        did(_text(act))
    for text, key, widget in (("Map", "map", win.map_pane), ("Timeline", "timeline", win.timeline),
                              ("Photos", "photos", win.photos), ("Custody log", "ledger", win.records)):
        _trigger(win, text)
        assert win.current_view == key and win.stack.currentWidget() is widget
        did(text)
    qtbot.wait(200)
    was = win.td.local
    _trigger(win, "Show times in local zone")
    assert win.td.local != was
    _trigger(win, "Show times in local zone")
    did("Show times in local zone")

    # -- Help ----------------------------------------------------------------------------------
    _trigger(win, "User Guide")
    assert win.guide.isVisible()
    win.guide.close()
    did("User Guide")
    from PySide6.QtWidgets import QMessageBox

    _trigger(win, "About Casefile")
    about = [b for b in win.findChildren(QMessageBox) if b.windowTitle() == "About Casefile"]
    assert about and about[-1].isVisible() and "Casefile" in about[-1].text()
    about[-1].close()
    did("About Casefile")

    # -- File: exports, each in the format chosen, whatever the name typed ---------------------
    for text, fmt, typed in (("Report (PDF)", "pdf", "report.docx"), ("Report (DOCX)", "docx", "report.pdf")):
        _trigger(win, text)
        dlg = dialogs.last()
        assert isinstance(dlg, ReportDialog)
        assert dlg.fmt() == fmt
        dlg.out.setText(str(out / typed))
        dlg.accept()
        _ops_done(win, qtbot)
        written = out / f"report.{fmt}"
        assert written.is_file(), text
        head = written.read_bytes()[:4]
        assert head == (b"%PDF" if fmt == "pdf" else b"PK\x03\x04"), text
        if fmt == "docx":
            assert "word/document.xml" in zipfile.ZipFile(written).namelist()
        did(text)
    # choosing the other format in the dialog renames the file it will write
    _trigger(win, "Report (PDF)")
    dlg = dialogs.last()
    dlg.format.setCurrentIndex(dlg.format.findData("docx"))
    assert dlg.out.text().endswith(".docx")
    dlg.reject()
    magic = {"kml": b"<?xml", "geojson": b"{", "csv": b"item", "json": b"{"}
    for text, fmt in (("KML (Google Earth)", "kml"), ("GeoJSON", "geojson"),
                      ("CSV (evidence items)", "csv"), ("JSON (evidence items)", "json")):
        dialogs.files["save"] = str(out / "export.txt")      # a wrong extension is corrected
        _trigger(win, text)
        _ops_done(win, qtbot)
        written = out / f"export.{fmt}"
        assert written.is_file(), text
        body = written.read_bytes()
        assert body.lstrip()[:len(magic[fmt])].lower() == magic[fmt].lower() or fmt == "csv", text
        if fmt == "csv":
            assert b"sha256" in body.split(b"\n", 1)[0]
        if fmt == "kml":
            assert b"<kml" in body
        did(text)
    bundle = out / "case.casebundle.zip"
    dialogs.files["save"] = str(bundle)
    _trigger(win, "Bundle the Case")
    _ops_done(win, qtbot)
    assert bundle.is_file() and any(n.endswith("case.sqlite") for n in zipfile.ZipFile(bundle).namelist())
    did("Bundle the Case")
    _trigger(win, "Verify Integrity")
    _ops_done(win, qtbot)
    assert win.last_verify is not None and win.last_verify.ok
    assert "intact" in win.status_verify.text()
    did("Verify Integrity")
    dialogs.files["open"] = str(bundle)
    n = len(win.messages)
    _trigger(win, "Verify a Bundle")
    qtbot.waitUntil(lambda: len(win.messages) > n, timeout=60000)
    assert win.messages[-1][0] == "Verify bundle" and "verified, intact" in win.messages[-1][1]
    did("Verify a Bundle")

    # -- File: imports ---------------------------------------------------------------------------
    count = len(win.case.items())
    dialogs.files["open"] = str(corpora / "exif-samples/jpg/gps/DSCN0021.jpg")
    _trigger(win, "Import Files")
    _ops_done(win, qtbot)
    assert len(win.case.items()) == count + 1
    did("Import Files")
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "DSCN0025.jpg").write_bytes((corpora / "exif-samples/jpg/gps/DSCN0025.jpg").read_bytes())
    dialogs.files["dir"] = str(folder)
    _trigger(win, "Import Folder")
    _ops_done(win, qtbot)
    assert len(win.case.items()) == count + 2
    did("Import Folder")

    # -- File: close, open, recent, bundle, new, quit --------------------------------------------
    _trigger(win, "Close Case")
    assert win.case is None
    did("Close Case")
    dialogs.files["dir"] = str(case_path)
    _trigger(win, "Open Case")
    assert win.case is not None and win.case.path == case_path
    did("Open Case")
    recent = [a for a in win.recent_menu.actions() if a.text() == str(case_path)]
    assert recent
    win.close_case()
    recent[0].trigger()
    assert win.case is not None and win.case.path == case_path
    did(str(case_path))
    dialogs.files["open"] = str(bundle)
    dialogs.files["dir"] = str(tmp_path / "restored")
    (tmp_path / "restored").mkdir()
    _trigger(win, "Open a Bundle")
    qtbot.waitUntil(lambda: win.case is not None and win.case.path != case_path, timeout=120000)
    assert str(win.case.path).startswith(str(tmp_path / "restored"))
    assert len(analyst.list_claims(win.case)) >= 2
    did("Open a Bundle")
    _trigger(win, "New Case")
    dlg = dialogs.last()
    assert isinstance(dlg, NewCaseDialog)
    dlg.title.setText("Second case")
    dlg.folder.setText(str(tmp_path))
    dlg.name.setText("second")
    dlg._accept()
    assert win.case is not None and win.case.title == "Second case"
    did("New Case")
    assert win.act_quit.shortcut().toString() == "Ctrl+Q"
    _trigger(win, "Quit")
    assert not win.isVisible() and win.case is None
    did("Quit")

    # every action of the menus and the toolbar was triggered and checked above
    missing = shown - covered
    assert not missing, f"actions with no checked effect: {sorted(missing)}"


def test_a_claim_from_the_window_needs_a_source_or_an_explicit_no_source_yet(swept, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from casefile.ui.forms.records import NO_SOURCE

    win, dialogs = swept
    _prepare(win, qtbot, dialogs)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: warned.append(text)))
    win.show_view("all")
    n = len(analyst.list_claims(win.case))
    _trigger(win, "Add Claim")
    dlg = dialogs.last()
    dlg.set_value("text", "A second aircraft came with SPAR19")
    dlg.set_value("start", "2022-08-02")
    dlg.set_value("tz", "Asia/Taipei")
    dlg.set_value("sources", "")
    dlg._accept()                                      # no source chosen: refused, and said why
    assert dlg.result() != QDialog.DialogCode.Accepted and "no source yet" in warned[-1]
    assert len(analyst.list_claims(win.case)) == n
    dlg.set_value("sources", NO_SOURCE)                  # chosen on purpose
    dlg._accept()
    settle(win, qtbot)
    made = next(c for c in analyst.list_claims(win.case) if c.text.startswith("A second aircraft"))
    assert made.source_ids == []
    # shown selected among the claims, its row marked as a problem
    assert win.current_view == "claims" and win.selected == made.id
    model = win.records.model
    row = next(i for i, r in enumerate(model.rows) if r.id == made.id)
    assert "no source yet" in model.problems[made.id]
    cols = [c.header for c in model.columns]
    texts = model.texts(row)
    assert texts[cols.index("Sources")] == "no source yet"
    assert texts[cols.index("When")].startswith("2022-08-02, the whole day in Asia/Taipei")
    sourced = next(i for i, r in enumerate(model.rows) if r.source_ids)
    assert model.texts(sourced)[cols.index("Sources")].startswith("S1 Flightradar24 playback")
    assert "Problem: no source yet" in win.details.browser.toPlainText()


def test_the_custody_log_reads_as_actions_with_their_seals_folded_and_filters(swept, qtbot):
    from casefile.ui.views.custody import SEALS

    win, dialogs = swept
    _prepare(win, qtbot, dialogs)
    raw = win.case.events()
    win.show_view("ledger")
    model = win.records.model
    entries = list(model.rows)
    # far fewer rows than events, every event accounted for exactly once
    assert len(entries) < len(raw) / 2
    assert sorted(s for e in entries for s in [e.seq, *(r["seq"] for r in e.folded)]) == \
        sorted(r["seq"] for r in raw)
    assert not any(e.action in SEALS for e in entries[1:])       # seals only ever folded
    cols = [c.header for c in model.columns]
    texts = [model.texts(i) for i in range(len(entries))]
    what = [t[cols.index("What was done")] for t in texts]
    # named as people read them: no internal table names, the file and record named
    assert not any(w for w in what if "case_meta" in w or "search_docs" in w or "_" in w)
    assert any(w.startswith("Imported F1 fr24-2ce4f83f.json") for w in what)
    assert any(w.startswith("Added claim C1 SPAR19 landed") for w in what)
    imported = next(e for e in entries if e.what.startswith("Imported F1"))
    assert "track read" in imported.steps and "working copy made" in imported.steps
    # by kind of action
    win.log_filters.choose(kind="claims")
    assert {e.kind for e in win.records.model.rows} == {"claims"}
    assert any(e.what.startswith("Added claim C1") for e in win.records.model.rows)
    # by record: everything that touched claim C1 (made, given a source), of every kind
    claim = analyst.list_claims(win.case)[0]
    win.log_filters.choose(kind="", record=claim.id)
    rows = list(win.records.model.rows)
    assert rows and all(claim.id in e.records for e in rows)
    # every event on its own row again, on request
    win.log_filters.choose(record="")
    win.log_filters.every.setChecked(True)
    assert len(win.records.model.rows) == len(win.case.events())


def test_every_button_of_the_panels_map_and_start_page_does_what_it_says(swept, qtbot, monkeypatch):
    from PySide6.QtCore import QRectF
    from PySide6.QtWidgets import QPushButton

    from casefile.ui.window.dialogs import NewCaseDialog

    win, dialogs = swept
    ids = _ids(win)
    case = win.case
    # the provenance panel: verify this item
    win.show_view("all")
    win.select_item(ids["photo"])
    head = case.head()
    win.provenance.verify_button.click()
    _ops_done(win, qtbot)
    # verification changes nothing (no ledger event); its outcome shows in the panel
    assert case.head() == head and "Intact" in win.provenance.result.text()
    # the metadata panel: compute the error level analysis (a working copy, in the ledger)
    made = len([e for e in case.events() if e["action"] == "derived" and e["item_id"] == ids["photo"]])
    win.metadata.ela_button.click()
    _ops_done(win, qtbot)
    assert len([e for e in case.events() if e["action"] == "derived" and e["item_id"] == ids["photo"]]) \
        == made + 1
    # the map's buttons
    with qtbot.waitSignal(win.viewLoaded, timeout=30000):
        win.show_view("map")
    pane, view = win.map_pane, win.map

    def width() -> float:
        return view.mapToScene(view.viewport().rect()).boundingRect().width()

    view.fitInView(QRectF(0, 0, 0.01, 0.01))
    pane.fit_button.click()
    assert width() > 1.0                                  # the whole case again
    win.select_item(ids["track"])
    pane.sel_button.click()
    track_w = width()
    assert 1.0 < track_w < 60                             # Kuala Lumpur to Taipei, not the world
    pane.span_box.setCurrentIndex(pane.span_box.findData("selection"))
    pane.span_box.activated.emit(pane.span_box.currentIndex())
    start = pane.t
    pane.speed.setCurrentIndex(pane.speed.findData(1000))
    pane.play_button.click()
    qtbot.waitUntil(lambda: pane.t is not None and start is not None and pane.t > start + 60, timeout=20000)
    pane.play_button.click()
    assert not pane.timer.isActive() and pane.play_button.text().endswith("Play")
    pane.altitude_box.click()
    assert view.by_altitude
    # the start page (no case open): each button starts what it names
    win.close_case()
    buttons: dict[str, QPushButton] = win.start.buttons
    buttons["new"].click()
    assert isinstance(dialogs.last(), NewCaseDialog)
    dialogs.last().reject()
    dialogs.files["dir"] = str(case.path)
    buttons["open"].click()
    assert win.case is not None and win.case.path == case.path
    win.close_case()
    dialogs.files["open"] = ""
    buttons["bundle"].click()                              # asks for a bundle; none chosen, nothing done
    assert win.case is None
    buttons["guide"].click()
    assert win.guide.isVisible()
    win.guide.close()
    started: list[object] = []
    import casefile.ui.window.launch as launch

    monkeypatch.setattr(launch, "open_demo", lambda w, *a, **k: started.append(w))
    buttons["demo"].click()                                # builds the demo in a subprocess: its own test
    assert started == [win]
