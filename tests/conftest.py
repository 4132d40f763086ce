"""Shared fixtures: a fresh case, the shared corpora by path (tests skip when they are absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CASEFILE_SHARED", ROOT.parent / "shared"))
CORPORA = SHARED / "corpora"
SCENARIO = SHARED / "scenario"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CASEFILE_INVESTIGATOR", "Test Investigator")


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the user's real settings file."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"shared corpora not found at {CORPORA}")
    return CORPORA


@pytest.fixture
def scenario() -> Path:
    if not SCENARIO.is_dir():
        pytest.skip(f"shared scenario not found at {SCENARIO}")
    return SCENARIO


@pytest.fixture
def fresh_case(tmp_path: Path):
    """A new, empty, writable case; closed after the test."""
    from casefile.store import Case

    case = Case.create(tmp_path / "test", "Test case", investigator="Test Investigator",
                       default_tz=None)
    yield case
    case.close()
