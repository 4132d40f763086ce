"""A demo case (illustrative tracks, synthetic photos, the scenario's sources and claims), built once
and copied for each test so every test edits its own."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from casefile.store import Case


@pytest.fixture(scope="session")
def demo_case_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from casefile.demo.builder import build_demo

    return build_demo(tmp_path_factory.mktemp("demo"), say=lambda _s: None).case_path


@pytest.fixture
def demo(demo_case_master: Path, tmp_path: Path) -> Iterator[Case]:
    path = tmp_path / demo_case_master.name
    shutil.copytree(demo_case_master, path)
    with Case.open(path) as case:
        yield case
