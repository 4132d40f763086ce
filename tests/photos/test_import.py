"""Photo import through the pipeline: cancel and failure leave nothing half-imported."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from casefile.importers.pipeline import import_paths
from casefile.store import Case, verify_case

from ._make import make_jpeg, picture


def _files(tmp_path: Path, n: int) -> list[Path]:
    out = []
    for i in range(n):
        p = tmp_path / f"p{i}.jpg"
        p.write_bytes(make_jpeg(image=picture(seed=i), original=f"2019:03:2{i} 10:00:00"))
        out.append(p)
    return out


def _counts(case: Case) -> tuple[int, int, int]:
    one = case.db.execute
    return (one("SELECT count(*) FROM items").fetchone()[0], one("SELECT count(*) FROM photos").fetchone()[0],
            one("SELECT count(*) FROM derived").fetchone()[0])


def test_cancelled_import_keeps_nothing(fresh_case: Case, tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    report = import_paths(fresh_case, _files(tmp_path, 3), workers=1, cancel=cancel)
    assert {o.status for o in report.outcomes} == {"cancelled"}
    assert _counts(fresh_case) == (0, 0, 0)
    assert not list((fresh_case.path / "tmp").glob("*"))
    assert verify_case(fresh_case).ok


def test_failure_while_storing_keeps_nothing_of_that_photo(fresh_case: Case, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path, 2)
    real = Case.add_derived
    calls = {"n": 0}

    def flaky(self: Case, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls["n"] += 1
        if calls["n"] == 2:          # the second derived copy of the first photo
            raise OSError("disk full")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Case, "add_derived", flaky)
    report = import_paths(fresh_case, files, workers=1)
    first, second = report.outcomes
    assert first.status == "error" and "disk full" in first.message and str(files[0]) in first.message
    assert second.status == "imported"
    assert _counts(fresh_case) == (1, 1, 2)      # only the second photo, whole
    assert verify_case(fresh_case).ok


def test_same_photo_twice_is_one_item(fresh_case: Case, tmp_path: Path) -> None:
    (p,) = _files(tmp_path, 1)
    copy = tmp_path / "copy.jpg"
    copy.write_bytes(p.read_bytes())
    report = import_paths(fresh_case, [p, copy], workers=1)
    assert [o.status for o in report.outcomes] == ["imported", "duplicate"]
    assert _counts(fresh_case)[:2] == (1, 1)


def test_failure_leaves_no_orphan_derived_file(fresh_case: Case, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    real = Case.add_derived
    calls = {"n": 0}

    def flaky(self: Case, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Case, "add_derived", flaky)
    import_paths(fresh_case, _files(tmp_path, 1), workers=1)
    assert [p for p in (fresh_case.path / "derived").rglob("*") if p.is_file()] == []
