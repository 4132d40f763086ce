"""Shared fixtures: a fresh case, the shared corpora by path (tests skip when they are absent)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CASEFILE_SHARED", ROOT.parent / "shared"))
CORPORA = SHARED / "corpora"
SCENARIO = SHARED / "scenario"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests draw the same examples on every run and machine (CI is reproducible); examples
# that once failed are kept in the tests as @example. HYPOTHESIS_PROFILE=explore draws new ones.
# No deadline and no "too slow" health check: tests assert behaviour, never wall time, and a busy
# machine must not fail them.
from hypothesis import HealthCheck as _Health  # noqa: E402
from hypothesis import settings as _hypothesis  # noqa: E402

_UNTIMED = {"deadline": None, "suppress_health_check": [_Health.too_slow]}
_hypothesis.register_profile("casefile", derandomize=True, database=None, print_blob=True,
                             **_UNTIMED)
_hypothesis.register_profile("explore", derandomize=False, print_blob=True, **_UNTIMED)
_hypothesis.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "casefile"))
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


@pytest.fixture
def schema_at() -> Callable[[str, int], AbstractContextManager[None]]:
    """`with schema_at("photos", 1):` cases made inside are made as a Casefile that knew that
    group only up to that migration made them (the later migrations are back afterwards)."""
    from casefile.store import schema

    @contextmanager
    def at(group: str, number: int) -> Iterator[None]:
        steps = schema._MIGRATIONS[group]
        later = {n: m for n, m in steps.items() if n > number}
        for n in later:
            del steps[n]
        try:
            yield
        finally:
            steps.update(later)

    return at
