"""The window's edit forms are declared from the core's command types: every field is a parameter
of the command the form submits, typed values come back as that command, and every action the
menus and context menus offer has a form."""

from __future__ import annotations

from casefile.commands import ClaimEdit, SourceGrade
from casefile.ui.forms.records import FORMS, form
from casefile.ui.window.contextmenu import RECORD_ACTIONS


def test_every_form_field_is_a_parameter_of_its_command(opened, qtbot):
    from casefile.commands import ClaimAdd, EntityAdd, SourceAdd, submit

    win = opened
    sid = submit(win.case, SourceAdd(title="Wire story")).record_id
    rid = {"source": sid, "claim": submit(win.case, ClaimAdd(text="x", sources=(sid or "",))).record_id,
           "entity": submit(win.case, EntityAdd(kind="person", entity_name="A. Pilot")).record_id}
    for action, spec in FORMS.items():
        params = dict(spec.command.fields())
        hidden = [p.kind for p in params.values() if p.hidden and p.input == "record"]
        got = form(win.case, win, action, rid.get(hidden[0] if hidden else "", sid))
        assert got is not None, action
        dlg, _build = got
        fields = [f.name for f in dlg.fields]
        assert fields and set(fields) <= set(params), (action, set(fields) - set(params))
        shown = spec.ask or tuple(n for n, p in params.items() if not p.hidden)
        assert fields == list(shown), action
        for f in dlg.fields:                  # each field says what its parameter says
            assert f.label == (spec.labels or {}).get(f.name, params[f.name].label), (action, f.name)
        dlg.deleteLater()


def test_a_form_gives_back_the_typed_command(opened, qtbot):
    from casefile.commands import SourceAdd, submit

    win = opened
    sid = submit(win.case, SourceAdd(title="Wire story")).record_id or ""
    dlg, build = form(win.case, win, "grade", sid) or (None, None)
    assert dlg is not None and build is not None
    dlg.set_value("grade", "B")
    dlg.set_value("rationale", "wire service")
    edit = build(dlg.values())
    assert edit.command == SourceGrade(source=sid, grade="B", rationale="wire service")
    # an edit form passes only what the person changed (here: nothing but the status)
    from casefile.commands import ClaimAdd

    cid = submit(win.case, ClaimAdd(text="Two aircraft landed", sources=(sid,))).record_id or ""
    dlg, build = form(win.case, win, "status", cid) or (None, None)
    assert dlg is not None and build is not None
    dlg.set_value("status", "corroborated")
    dlg.set_value("reason", "two tracks agree")
    assert build(dlg.values()).command == ClaimEdit(claim=cid, status="corroborated",
                                                     reason="two tracks agree")


def test_every_record_action_of_the_context_menus_has_a_form():
    offered = {a for acts in RECORD_ACTIONS.values() for a, _text in acts}
    assert offered <= set(FORMS), offered - set(FORMS)
