"""Batch import: hash, copy and parse files in parallel workers; commit each file atomically.

Each byte is read once: a worker streams the file into the case's staging folder while computing
SHA-256 and MD5, keeps small files in memory for the importer's parser, and hands back the parsed
result. The main thread then commits the files that are ready, in the order given, a batch per
transaction with each file in its own savepoint, so the case only ever holds whole imports.
A cancelled or failed file leaves nothing behind.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from casefile.errors import CasefileError, CorruptFile, UnsupportedFile
from casefile.importers import libnotes, registry, workerlife
from casefile.importers.sniff import sniff_mime
from casefile.store import Acquisition, Case, access, commit_staged, safeopen
from casefile.store.blobs import StagedBlob, Unsynced, stage_stream
from casefile.textsafe import printable, raw_bytes
from casefile.timeutil import from_epoch


@dataclass
class FileOutcome:
    path: str
    status: str                 # imported | duplicate | error | cancelled
    item_id: str | None = None
    kind: str | None = None
    importer: str | None = None
    sha256: str | None = None
    message: str | None = None

    def __post_init__(self) -> None:   # names as people can read them (see textsafe)
        self.path = printable(self.path)
        self.message = None if self.message is None else printable(self.message)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def errors(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "error"]

    @property
    def warnings(self) -> list[FileOutcome]:
        """Files imported with something to say (kept as plain evidence: what failed)."""
        return [o for o in self.outcomes if o.status == "imported" and o.message]

    def to_dict(self) -> dict[str, Any]:
        return {"imported": self.count("imported"), "duplicate": self.count("duplicate"),
                "errors": self.count("error"), "cancelled": self.count("cancelled"),
                "files": [o.to_dict() for o in self.outcomes]}


@dataclass
class _Work:
    path: str
    staged: StagedBlob | None = None
    mime: str | None = None
    importer: str | None = None
    parsed: Any = None
    mtime: str | None = None
    resolved: str | None = None  # the absolute path, links resolved
    error: str | None = None
    warning: str | None = None  # why a file was kept as plain evidence instead
    seconds: float = 0.0  # the worker's time on this file
    notes: list[str] = field(default_factory=list)   # what libraries said while parsing it


ProgressFn = Callable[[int, int, FileOutcome], None]


def expand_paths(paths: Iterable[str | Path], *, recursive: bool) -> tuple[list[Path], list[FileOutcome]]:
    """Files to import, and an error outcome for each path that cannot be imported at all."""
    files: list[Path] = []
    errors: list[FileOutcome] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir() and not safeopen.is_link(p):
            if not recursive:
                errors.append(FileOutcome(str(p), "error", message=f"{p}: is a directory "
                                          "(use --recursive to import what it holds)"))
                continue
            for dirpath, dirnames, names in os.walk(p):   # links to folders: kept as links
                links = [d for d in dirnames if safeopen.is_link(Path(dirpath) / d)]
                dirnames[:] = sorted(d for d in dirnames if not d.endswith(".casefile")
                                     and d not in links)
                files.extend(Path(dirpath) / n for n in sorted(names + links)
                             if not n.startswith("."))
        elif p.exists() or p.is_symlink():
            files.append(p)
        else:
            errors.append(FileOutcome(str(p), "error", message=f"{p}: no such file"))
    return files, errors


def _work(path_str: str, tmp_dir: str, forced: str | None, follow_links: bool = False) -> _Work:
    """Runs in a worker: stage (copy + hash in one read), sniff, choose an importer, parse.
    A link is kept as its target path, never followed unless asked (see store.safeopen)."""
    path = Path(path_str)
    work = _Work(path_str)
    try:
        opened = safeopen.open_for_import(path, follow_links=follow_links)
        st = opened.st
        work.mtime = from_epoch(st.st_mtime)
        if opened.link_to is not None:
            work.resolved = str(path.absolute())
            work.mime, work.importer = "inode/symlink", "link"
            work.staged, _ = stage_stream(io.BytesIO(safeopen.link_record(opened)), Path(tmp_dir))
            work.warning = (f"{printable(path_str)}: a link to {printable(opened.link_to)}: kept as "
                            "the link it is "
                            "(its target path); what it points to was not read (--follow-links "
                            "reads it)")
            return work
        if st.st_size == 0:
            assert opened.file is not None
            opened.file.close()
            raise UnsupportedFile("empty file (0 bytes): nothing to keep as evidence", path)
        work.resolved = str(path.resolve())
        if opened.hard_links > 1:
            work.notes.append(f"{path.name} has {opened.hard_links} hard links (the same file "
                              "under other names)")
        src = opened.file
        assert src is not None
        imp: Any = None

        def choose(head: bytes) -> bool:
            """Sniff the first bytes, pick the importer; keep the bytes if it parses in memory."""
            nonlocal imp
            work.mime = sniff_mime(head)
            imp = registry.get(forced) if forced else registry.choose(path, head, work.mime).importer
            work.importer = imp.name
            return st.st_size <= imp.max_in_memory

        with src:
            # a small file's fsync waits for its batch's commit, with the others (stage_stream)
            work.staged, data = stage_stream(src, Path(tmp_dir), on_head=choose, defer_sync=True)
        try:
            with libnotes.caught(work.notes):
                parsed = _parse(imp, path, data)
            work.parsed = _prepare(imp, parsed)
        except CasefileError as exc:
            if forced:          # the analyst asked for this reader: its refusal is the answer
                raise
            # the bytes are evidence even when no reader understands them: keep them as a plain
            # file, and say what failed
            work.warning, work.importer, work.parsed = _unreadable(exc, path), "file", None
    except CasefileError as exc:
        work.error = str(exc)
    except OSError as exc:
        work.error = f"{printable(path_str)}: {_os_error(exc, tmp_dir, path)}"
    if work.error and work.staged is not None:
        work.staged.discard()
        work.staged = None
    return work


def _os_error(exc: OSError, tmp_dir: str, path: Path) -> str:
    """What went wrong reading or staging a file; a full disk names the case's disk and the
    space the file needs."""
    if exc.errno not in access.EXPLAINED:
        return str(exc.strerror or exc)
    try:
        needed: int | None = os.lstat(path).st_size
    except OSError:
        needed = None
    return access.explain(Path(tmp_dir).parent, exc, needed=needed).message


def _parse(imp: Any, path: Path, data: bytes | None) -> Any:
    """The importer's reading of the file; any failure is a CasefileError naming the file."""
    try:
        return imp.parse(path, data)
    except CasefileError:
        raise
    except MemoryError:
        raise CorruptFile(f"too large to read as {imp.name} in memory", path) from None
    except Exception as exc:  # noqa: BLE001 - any parser failure becomes a per-file problem
        raise CorruptFile(f"cannot read as {imp.name}: {type(exc).__name__}: {exc}", path) from None


def _prepare(imp: Any, parsed: Any) -> Any:
    """The importer's preparation of what it parsed, in the worker; if it fails, the file is
    recorded from what was parsed, and the recording says what fails."""
    try:
        return imp.prepare(parsed)
    except Exception:  # noqa: BLE001 - the same work runs again when recording, and reports there
        return parsed


def _unreadable(exc: CasefileError, path: Path) -> str:
    """One line: what failed, and that the file was kept anyway."""
    what = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if not what.startswith(str(path)):
        what = f"{path}: {what}"
    return f"{what.rstrip('.')}; kept as plain evidence (a file no reader understands)"


def _work_many(path_strs: list[str], tmp_dir: str, forced: str | None,
               follow_links: bool = False) -> list[_Work]:
    """Runs in a worker: several small files per task, so fewer round trips between processes."""
    out = []
    for path_str in path_strs:
        started = time.perf_counter()
        try:
            out.append(_work(path_str, tmp_dir, forced, follow_links))
            out[-1].seconds = time.perf_counter() - started
        except Exception as exc:  # noqa: BLE001 - one file's failure is that file's error only
            out.append(_Work(path_str, error=f"{path_str}: import worker failed: {exc}"))
    return out


class _Pacer:
    """How many files the next task gets: one at first, then as many as take about _TASK_S in a
    worker by the times seen so far (cheap files share a round trip between processes; slow ones,
    e.g. photos to parse, go one by one so progress and cancel stay prompt), never past
    _CHUNK_FILES files or _CHUNK_BYTES bytes, and enough tasks to share between the workers."""

    def __init__(self, n_files: int, workers: int) -> None:
        self.most = max(1, min(_CHUNK_FILES, n_files // (4 * workers)))
        self.per_file: float | None = None

    def observe(self, seconds: float) -> None:
        self.per_file = seconds if self.per_file is None else 0.8 * self.per_file + 0.2 * seconds

    def take(self, todo: deque[Path]) -> list[Path]:
        want = 1 if self.per_file is None else int(_TASK_S / max(self.per_file, 1e-6))
        want = max(1, min(self.most, want))
        chunk: list[Path] = []
        size = 0
        while todo and len(chunk) < want:
            try:
                n = todo[0].stat().st_size
            except OSError:
                n = 0  # the worker reports why it cannot be read
            if chunk and size + n > _CHUNK_BYTES:
                break
            chunk.append(todo.popleft())
            size += n
        return chunk


_TASK_S = 0.02
_CHUNK_FILES = 8
_CHUNK_BYTES = 8 << 20


class _Inline(Executor):
    """Runs work in the calling thread (one file, or workers=1)."""

    def submit(self, fn: Callable, /, *args: Any, **kwargs: Any) -> Future:
        fut: Future = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001
            fut.set_exception(exc)
        return fut


def _executor(n_files: int, workers: int | None) -> Executor:
    workers = workers or os.cpu_count() or 1
    if n_files <= 1 or workers <= 1:
        return _Inline()
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx: multiprocessing.context.BaseContext = multiprocessing.get_context("forkserver")
        # the fork server imports the importers once; each worker starts with them loaded (the
        # readers' own libraries load in the workers that need them: a batch of plain files, as
        # `casefile add --as file`, does not wait for Pillow or numpy in the fork server)
        ctx.set_forkserver_preload([__name__])
    else:  # Windows: no fork server; each worker starts afresh
        ctx = multiprocessing.get_context("spawn")
    # each worker ends when this process does (even killed), not after its current file
    return ProcessPoolExecutor(max_workers=min(workers, n_files), mp_context=ctx,
                               initializer=workerlife.watch_parent, initargs=(os.getpid(),))


def import_paths(case: Case, paths: Iterable[str | Path], *, recursive: bool = False,
                 source_url: str | None = None, note: str | None = None,
                 method: str = "file-import", importer: str | None = None,
                 workers: int | None = None, progress: ProgressFn | None = None,
                 cancel: threading.Event | None = None, follow_links: bool = False) -> ImportReport:
    """Import files into the case; one bad file never stops the others. Links are kept as links
    (their target paths) unless `follow_links`; devices, pipes and sockets are never read."""
    files, early_errors = expand_paths(paths, recursive=recursive)
    report = ImportReport(list(early_errors))
    total = len(files) + len(early_errors)
    done = len(early_errors)
    if importer:
        registry.get(importer)
    tmp_dir = str(case.path / "tmp")
    n_workers = workers or os.cpu_count() or 1
    pool = _executor(len(files), n_workers)
    window = _BATCH + 4 * _CHUNK_FILES * n_workers
    queue: deque[tuple[Path, _Slot]] = deque()
    todo = deque(files)
    pacer = _Pacer(len(files), n_workers)
    syncer = ThreadPoolExecutor(max_workers=8, thread_name_prefix="fsync")

    def refill() -> None:
        while todo and len(queue) < window and not (cancel and cancel.is_set()):
            chunk = pacer.take(todo)
            fut = pool.submit(_work_many, [str(p) for p in chunk], tmp_dir, importer, follow_links)
            queue.extend((p, _Slot(fut, i)) for i, p in enumerate(chunk))

    try:
        while todo or queue:
            refill()
            if not queue:
                break
            batch = [queue.popleft()]
            wait([batch[0][1].task])
            # Gather what finishes within a short while into the same transaction: one commit
            # (and its fsync) for many files, progress still reported a few times a second.
            deadline = time.monotonic() + _BATCH_WAIT_S
            while queue and len(batch) < _BATCH and not (cancel and cancel.is_set()):
                refill()
                nxt = queue[0][1].task
                if not nxt.done():
                    left = deadline - time.monotonic()
                    if left <= 0 or not wait([nxt], timeout=left).done:
                        break
                batch.append(queue.popleft())
            for _, slot in batch:
                if slot.task.done() and slot.task.exception() is None:
                    pacer.observe(slot.result().seconds)
            for outcome in _commit_batch(case, batch, syncer, source_url=source_url, note=note,
                                         method=method, cancelled=bool(cancel and cancel.is_set())):
                report.outcomes.append(outcome)
                done += 1
                if progress:
                    progress(done, total, outcome)
        for p in todo:
            report.outcomes.append(FileOutcome(str(p), "cancelled"))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        syncer.shutdown(wait=True)
    return report


_BATCH = 64
_BATCH_WAIT_S = 0.2


@dataclass(frozen=True)
class _Slot:
    """One file's place in a task's results."""

    task: Future
    index: int

    def result(self) -> _Work:
        return self.task.result()[self.index]


def _commit_batch(case: Case, batch: list[tuple[Path, _Slot]], syncer: Executor,
                  **kw: Any) -> list[FileOutcome]:
    """Commit the files that are ready in one transaction (each file in its own savepoint); the
    evidence copies staged unsynced and the folders they moved into are fsynced before COMMIT."""
    later = Unsynced()
    outcomes: list[FileOutcome] = []
    try:
        with case.transaction():
            for path, fut in batch:
                outcomes.append(_finish(case, path, fut, later=later, **kw))
            if any(o.kind == "flight-record" and o.status == "imported" for o in outcomes):
                from casefile.flights.whereindex import refresh_stale

                refresh_stale(case)   # aircraft given another track: their where index, merged
            # concurrent fsyncs share the filesystem's journal commits
            later.flush(syncer)
    except Exception as exc:  # noqa: BLE001 - e.g. disk full at COMMIT: the whole batch failed
        for path, fut in batch[len(outcomes):]:
            _finish(case, path, fut, later=later, **{**kw, "cancelled": True})
        return [FileOutcome(str(path), "error", message=f"{path}: could not be committed to the "
                            f"case ({exc}); nothing of it was kept") for path, _ in batch]
    return outcomes


def _finish(case: Case, path: Path, fut: _Slot, *, source_url: str | None, note: str | None,
            method: str, cancelled: bool, later: Unsynced) -> FileOutcome:
    try:
        work: _Work = fut.result()
    except Exception as exc:  # noqa: BLE001 - a worker that died still leaves the batch going
        return FileOutcome(str(path), "error", message=f"{path}: import worker failed: {exc}")
    if cancelled:
        if work.staged is not None:
            work.staged.discard()
        return FileOutcome(str(path), "cancelled")
    if work.error or work.staged is None or work.importer is None:
        return FileOutcome(str(path), "error", importer=work.importer, message="; ".join(
            filter(None, [work.error, *(f"note: {n}" for n in work.notes)])))
    imp = registry.get(work.importer)
    where = work.resolved or str(path.absolute())
    acq = Acquisition(method=method, original_path=printable(where), source_url=source_url,
                      original_mtime=work.mtime, note=note)
    extra: dict[str, Any] = {"kept_as_plain_evidence": work.warning} if work.warning else {}
    if printable(where) != where:   # the name as the file system holds it, byte for byte
        extra["original_path_bytes"] = raw_bytes(where).hex()
    try:
        ing = commit_staged(case, work.staged, kind=imp.kind, mime=work.mime or "", importer=imp.name,
                            original_name=printable(path.name), acquisition=acq,
                            extra=extra or None,
                            then=lambda c, i: imp.store(c, i, work.parsed),
                            later=later)
    except CasefileError as exc:
        return FileOutcome(str(path), "error", importer=imp.name, message=str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug in one importer must not stop the batch
        return FileOutcome(str(path), "error", importer=imp.name,
                           message=f"{path}: could not be stored ({type(exc).__name__}: {exc}); "
                           "nothing of it was kept")
    if not ing.new_item:
        message: str | None = ("same bytes already in the case: recorded as another acquisition "
                               "of the existing item")
    else:   # why it was kept as plain evidence: its reader's refusal, or the generic reader's note
        message = work.warning or (work.parsed if isinstance(work.parsed, str) else None)
    if work.notes:
        message = "; ".join(filter(None, [message, *(f"note: {n}" for n in work.notes)]))
    return FileOutcome(str(path), "imported" if ing.new_item else "duplicate", item_id=ing.item_id,
                       kind=imp.kind, importer=imp.name, sha256=ing.sha256, message=message)
