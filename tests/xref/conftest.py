"""The real SPAR19 case several claim tests share: fr24-2ce4f83f.json (a USAF C-40C, Subang WMSA ->
Taipei Songshan RCSS, 2 August 2022), imported once per test module."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casefile.importers.pipeline import import_paths
from casefile.store import Case

CORPORA = Path(os.environ.get("CASEFILE_SHARED", Path(__file__).resolve().parents[3] / "shared")) \
    / "corpora"


@pytest.fixture(scope="module")
def spar19(tmp_path_factory: pytest.TempPathFactory):
    path = CORPORA / "flights" / "traffic" / "fr24-2ce4f83f.json"
    if not path.exists():
        pytest.skip("shared corpora not found")
    case = Case.create(tmp_path_factory.mktemp("spar19") / "c", "SPAR19", investigator="T",
                       default_tz=None)
    import_paths(case, [path], workers=1)
    yield case
    case.close()
