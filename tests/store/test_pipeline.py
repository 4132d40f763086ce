"""Batch import: many files through worker processes, one transaction per batch, a valid chain."""

from __future__ import annotations

import stat
from collections import deque
from pathlib import Path

import pytest

from casefile.importers import registry
from casefile.importers.pipeline import _Pacer, import_paths
from casefile.store import Case, verify_case


def test_cheap_small_files_share_a_task_slow_or_big_files_go_alone(tmp_path: Path) -> None:
    files = []
    for i, size in enumerate([10] * 20 + [9 << 20] + [10] * 40):
        p = tmp_path / f"f{i:02d}"
        p.write_bytes(b"x" * size)
        files.append(p)
    files.insert(5, tmp_path / "missing")  # cannot be sized: still handed out in turn
    todo = deque(files)
    pacer = _Pacer(len(files), workers=1)
    chunks = [pacer.take(todo)]
    assert len(chunks[0]) == 1  # nothing known yet about how long a file takes
    pacer.observe(0.002)
    while todo:
        chunks.append(pacer.take(todo))
        if len(chunks) == 8:
            pacer.observe(0.5)  # from now on, files are slow to parse
    assert [p for c in chunks for p in c] == files
    assert max(len(c) for c in chunks) == 8
    assert [files[21]] in chunks  # the big file
    assert all(len(c) == 1 for c in chunks[8:])


def test_many_files_through_worker_processes(fresh_case: Case, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"doc{i:02d}.txt").write_text(f"document {i}\n" * (1 + 500 * (i % 3)))
    (src / "doc40.txt").write_text("document 6\n")  # same bytes as doc06
    (src / "empty.txt").write_bytes(b"")
    report = import_paths(fresh_case, [src], recursive=True, importer="file", workers=2)

    names = [Path(o.path).name for o in report.outcomes]
    assert names == sorted(p.name for p in src.iterdir())
    by_name = {Path(o.path).name: o for o in report.outcomes}
    assert by_name["doc40.txt"].status == "duplicate"
    assert by_name["doc40.txt"].item_id == by_name["doc06.txt"].item_id
    assert by_name["empty.txt"].status == "error" and "empty file" in by_name["empty.txt"].message
    assert report.count("imported") == 40
    for item in fresh_case.items():
        blob = fresh_case.blob_path(item)
        assert stat.S_IMODE(blob.stat().st_mode) & 0o222 == 0
        acq = fresh_case.acquisitions(item["id"])
        assert all(a["original_path"].startswith(str(src.resolve())) for a in acq)
    actions = [e["action"] for e in fresh_case.events() if e["target_table"] in
               ("items", "acquisitions")]
    assert actions.count("imported") == 40 and actions.count("acquired") == 40
    assert actions.count("acquired-again") == 1
    assert list((fresh_case.path / "tmp").iterdir()) == []
    assert verify_case(fresh_case).ok


def test_a_file_rolled_back_inside_a_batch_leaves_a_valid_chain(
        fresh_case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its item and acquisition events were appended, then rolled back with its savepoint; the
    next file's events chain to what is really the last event."""
    generic = registry.get("file")

    def store(case, ingested, parsed):
        if case.get_row("items", ingested.item_id)["original_name"] == "bad.txt":
            raise RuntimeError("importer bug")

    monkeypatch.setattr(generic, "store", store)
    paths = []
    for name in ("a.txt", "bad.txt", "c.txt", "d.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_text(f"contents of {name}\n")
    before = fresh_case.head()[0]
    report = import_paths(fresh_case, paths, importer="file", workers=1)

    assert [o.status for o in report.outcomes] == ["imported", "error", "imported", "imported"]
    assert "could not be stored" in report.outcomes[1].message
    events = fresh_case.events()
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert len(events) == before + 3 * 2
    assert all(e["prev_hash"] == p["hash"] for p, e in zip(events, events[1:]))
    assert "bad.txt" not in {i["original_name"] for i in fresh_case.items()}
    report = verify_case(fresh_case)
    assert report.ok, report.problems


def test_small_evidence_copies_are_fsynced_with_their_batch_before_it_commits(
        fresh_case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A small file's copy is staged through the page cache without its own fsync; the batch
    fsyncs it at its content address while the transaction that records it is still open."""
    from casefile.store import blobs, platform_io

    synced: dict[Path, bool] = {}
    real = platform_io.fsync_file

    def fsync_file(path: Path) -> None:
        synced[path] = fresh_case.db.conn.in_transaction   # not yet committed
        real(path)

    monkeypatch.setattr(platform_io, "fsync_file", fsync_file)
    paths = []
    for i, size in enumerate([100, 5000, blobs.SMALL - 1, blobs.SMALL + 4096]):
        paths.append(tmp_path / f"f{i}.bin")
        paths[-1].write_bytes(bytes([i + 1]) * size)
    report = import_paths(fresh_case, paths, importer="file", workers=1)
    assert report.count("imported") == 4
    small = {fresh_case.blob_path(i) for i in fresh_case.items() if i["size"] < blobs.SMALL}
    assert len(small) == 3 and small <= set(synced)
    assert all(synced[p] for p in small)
    assert not any(p.parent.name == "tmp" for p in synced)   # never the staged copy itself
    assert verify_case(fresh_case).ok
