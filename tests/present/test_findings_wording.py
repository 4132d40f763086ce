"""Every kind of finding the engine makes is worded in one place (casefile.present.findings): its
title (window, CLI), what it checked (report), a label for each input it records, and whether it is
recomputed per photo; and the window, report, CLI and incremental engine read that place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import casefile.xref as xref_pkg
from casefile.present import findings as wording


def _kinds_the_engine_makes() -> set[str]:
    made: set[str] = set()
    for module in Path(xref_pkg.__file__).parent.glob("*.py"):
        text = module.read_text()
        consts = dict(re.findall(r'^([A-Z_]+) = "([a-z]+(?:-[a-z]+)+)"$', text, re.M))
        for name in re.findall(r"make_finding\(\s*([A-Z_]+)", text):
            made.add(consts[name])
    return made


def test_every_kind_the_engine_makes_has_its_title_report_wording_and_input_labels() -> None:
    made = _kinds_the_engine_makes()
    assert len(made) >= 9
    assert made <= set(wording.KINDS), sorted(made - set(wording.KINDS))
    for kind in made:
        k = wording.KINDS[kind]
        assert k.title and k.checked and k.inputs, kind
        assert wording.title(kind) == k.title and wording.checked(kind) == k.checked
        unlabelled = [key for key in k.inputs if key not in wording.LABELS]
        assert unlabelled == [], (kind, unlabelled)


def test_the_window_report_cli_and_engine_read_the_one_place() -> None:
    from casefile.cli import xref as cli_xref
    from casefile.report import finding_text
    from casefile.report.sections import claims as report_claims
    from casefile.xref import session

    assert session.PHOTO_KINDS == wording.PHOTO_KINDS
    assert set(wording.PHOTO_KINDS) == {"photo-aircraft", "sun-position", "time-photo-after-source",
                                        "photo-duplicates", "photo-claim", "photo-against-claim",
                                        "photo-place-vs-gps",
                                        "photo-zone"}
    assert report_claims.checked is wording.checked
    assert cli_xref.title is wording.title
    assert finding_text.label("near_km") == "Counts as near within"
    assert finding_text.label("window_utc") == "Time window (UTC)"
    assert not hasattr(report_claims, "CHECKED")
    assert not (Path(xref_pkg.__file__).parent / "kinds.py").exists()


@pytest.fixture(scope="module")
def demo_findings(tmp_path_factory):
    from casefile.demo.builder import build_demo
    from casefile.store import Case
    from casefile.xref.query import findings

    path = build_demo(tmp_path_factory.mktemp("demo"), say=lambda *a, **k: None).case_path
    with Case.open(path, write=False) as case:
        return findings(case)


def test_the_inputs_each_finding_records_are_the_ones_declared_for_its_kind(demo_findings) -> None:
    assert len({f.kind for f in demo_findings}) >= 5
    for f in demo_findings:
        declared = set(wording.KINDS[f.kind].inputs)
        assert set(f.inputs) <= declared, (f.kind, sorted(set(f.inputs) - declared))
