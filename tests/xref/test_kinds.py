"""Every kind of finding the engine makes has a name for people (the window and the CLI use it)."""

from __future__ import annotations

import re
from pathlib import Path

import casefile.xref as xref_pkg
from casefile.xref.kinds import TITLES, title
from casefile.xref.query import finding_title  # what the window and the CLI call


def test_every_finding_kind_the_engine_makes_has_a_title() -> None:
    made: set[str] = set()
    for module in Path(xref_pkg.__file__).parent.glob("*.py"):
        text = module.read_text()
        consts = dict(re.findall(r'^([A-Z_]+) = "([a-z]+(?:-[a-z]+)+)"$', text, re.M))
        for name in re.findall(r"make_finding\(\s*([A-Z_]+)", text):
            made.add(consts[name])
    assert len(made) >= 9 and made <= set(TITLES), sorted(made - set(TITLES))
    assert title("photo-claim") == "photo vs. the claim it supports"
    assert finding_title("photo-claim") == title("photo-claim")
