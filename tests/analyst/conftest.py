"""Fixtures for the analyst tests: the scenario article imported as a capture."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def article(scenario: Path) -> Path:
    path = scenario / "article-2019-03-24.txt"
    if not path.is_file():
        pytest.skip(f"scenario article not found at {path}")
    return path


@pytest.fixture
def article_item(fresh_case, article: Path) -> str:
    from casefile.importers.pipeline import import_paths

    report = import_paths(fresh_case, [article], workers=1)
    assert report.count("imported") == 1, report.to_dict()
    return report.outcomes[0].item_id
