"""Cases for the report tests: real photos from the shared corpora, and the generated demo case."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import INVESTIGATOR, TITLE


def _real_files(corpora: Path) -> list[Path]:
    gps = sorted((corpora / "exif-samples" / "jpg" / "gps").glob("*.jpg"))[:4]
    flights = [corpora / "flights" / "fr24" / "SkyDolly_FlightRadar24.csv"]
    return [*gps, corpora / "exif-samples" / "jpg" / "Canon_40D_photoshop_import.jpg", *flights]


@pytest.fixture
def real_case(tmp_path: Path, corpora: Path):
    """A case holding a few real photos and a flight export, with a Cyrillic/markup title."""
    from casefile.importers.pipeline import import_paths
    from casefile.store import Case

    case = Case.create(tmp_path / "real", TITLE, investigator=INVESTIGATOR)
    report = import_paths(case, [p for p in _real_files(corpora) if p.exists()], workers=1)
    assert not report.errors, [o.message for o in report.errors]
    yield case
    case.close()


@pytest.fixture
def demo_case(tmp_path: Path):
    """The training case built through the public APIs: generated flight records and photos,
    graded sources, claims, analyst tags, and a cross-reference run (no outside files)."""
    from casefile.demo.builder import build_demo
    from casefile.store import Case

    result = build_demo(tmp_path, investigator=INVESTIGATOR, say=lambda _msg: None)
    assert not result.errors, result.errors
    case = Case.open(result.case_path)
    yield case
    case.close()
