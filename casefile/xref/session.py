"""Stored findings: an engine run written to the case (a cache), read back, and kept current."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, TypedDict

from casefile.model.findings import Finding
from casefile.present.findings import PHOTO_KINDS
from casefile.store import Case, refs
from casefile.store.rows import FindingRow, XrefRunRow
from casefile.timeutil import now_z
from casefile.xref.engine import Engine, dedupe
from casefile.xref.findings import ENGINE_VERSION, confidence_note, inputs_json
from casefile.xref.inputs import gather, gather_photo
from casefile.xref.model import PhotoIn


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a full run builds tens of thousands of findings
    (dicts, lists and tuples that form no cycles): its passes over everything the engine holds
    cost a sixth of a run. Enabled again after, as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def digest(findings: Iterable[Finding]) -> str:
    """SHA-256 over the sorted (id, verdict, confidence) of findings: what a run concluded."""
    rows = sorted((f.id, f.verdict, f.confidence) for f in findings)
    return hashlib.sha256(json.dumps(rows, separators=(",", ":")).encode()).hexdigest()


#: Texts safe to write between JSON quotes as they are (what json.dumps would write unchanged).
_PLAIN = re.compile(r"[A-Za-z0-9 _.:+\-]*\Z")


def _json_list(values: tuple[str, ...], memo: dict[tuple[str, ...], str]) -> str:
    """json.dumps(list(values)), the same text: lists of plain ids written directly, and each
    distinct list (the same assumptions recur across thousands of findings) encoded once."""
    text = memo.get(values)
    if text is None:
        if all(_PLAIN.match(v) for v in values):
            text = '["' + '", "'.join(values) + '"]' if values else "[]"
        else:
            text = json.dumps(list(values))
        memo[values] = text
    return text


def _insert(case: Case, findings: list[Finding]) -> None:
    """Store findings in bulk: their short references numbered in one statement (in the order
    the insert trigger would give them), then one executemany per table."""
    at = now_z()
    memo: dict[tuple[str, ...], str] = {}
    refs.number(case, "X", [f.id for f in findings])
    case.db.conn.executemany(
        "INSERT OR REPLACE INTO xref_findings (id, kind, verdict, confidence, explanation, item_ids, "
        "inputs, assumptions, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(f.id, f.kind, f.verdict, f.confidence, f.explanation, _json_list(f.item_ids, memo),
          inputs_json(f), _json_list(f.assumptions, memo), at) for f in findings])
    case.db.conn.executemany(
        "INSERT OR IGNORE INTO xref_finding_items (finding_id, item_id) VALUES (?, ?)",
        [(f.id, i) for f in findings for i in f.item_ids])


def _log(case: Case, mode: str, findings: list[Finding], extra: dict[str, Any],
         problems: list[str] | None = None) -> None:
    d = digest(findings)
    case.db.execute("INSERT INTO xref_runs (at, mode, findings, digest, problems) VALUES (?, ?, ?, ?, ?)",
                    [now_z(), mode, len(findings), d, json.dumps(problems or [])])
    if problems:
        extra = {**extra, "problems": problems}
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.verdict] = counts.get(f.verdict, 0) + 1
    case.log("xref-run", details={"mode": mode, "findings": len(findings), "digest": d,
                                  "verdicts": counts, "engine": ENGINE_VERSION, **extra})


def save_all(case: Case, findings: list[Finding], *, problems: list[str] | None = None) -> None:
    """Replace every stored finding with this run's, and log the run with its digest."""
    with case.transaction():
        with case.rewriting("xref_findings", "xref_finding_items"):   # every row: noted in bulk
            case.db.execute("DELETE FROM xref_finding_items")
            case.db.execute("DELETE FROM xref_findings")
            _insert(case, findings)
        _log(case, "full", findings, {}, problems)


def findings(case: Case, item_id: str | None = None) -> list[Finding]:
    """Stored findings (of the last run), optionally only those involving one item."""
    sql = "SELECT f.* FROM xref_findings f"
    params: list[str] = []
    if item_id:
        sql += " JOIN xref_finding_items i ON i.finding_id = f.id WHERE i.item_id = ?"
        params.append(item_id)
    sql += " ORDER BY f.kind, f.id"
    return [Finding(id=r["id"], kind=r["kind"], verdict=r["verdict"], confidence=r["confidence"],
                    explanation=r["explanation"], item_ids=tuple(json.loads(r["item_ids"])),
                    inputs=(inp := json.loads(r["inputs"])),
                    assumptions=tuple(json.loads(r["assumptions"])),
                    confidence_note=confidence_note(inp, r["confidence"]))
            for r in case.select(FindingRow, sql, params)]


def count_findings(case: Case) -> int:
    """How many findings the last run stored (a COUNT, for counters that refresh often)."""
    return case.db.table("xref_findings").count


class XrefRun(TypedDict):
    """One run of the engine as logged: when, full or items, how many findings, digest, problems."""

    id: int
    at: str
    mode: str                  # full | items
    findings: int
    digest: str
    problems: list[str]


def last_run(case: Case) -> XrefRun | None:
    """The last run: when, full or items, how many findings, their digest, and its problems."""
    rows = case.select(XrefRunRow, "SELECT * FROM xref_runs ORDER BY id DESC LIMIT 1")
    if not rows:
        return None
    r = rows[0]
    return XrefRun(id=r["id"], at=r["at"], mode=r["mode"], findings=r["findings"],
                   digest=r["digest"], problems=json.loads(r["problems"] or "[]"))


class XrefSession:
    """A long-lived engine over one open case (the GUI keeps one): full runs and one-photo updates.

    The indexes (legs, gaps, points, hashes) are built once; `update_photos` then re-evaluates only
    what involves the changed photos and replaces just those stored findings.
    """

    def __init__(self, case: Case, engine: Engine | None = None) -> None:
        self.case = case
        self.engine = engine or Engine(gather(case))

    def run(self) -> list[Finding]:
        """Recompute and store every finding."""
        with gc_paused():
            out = self.engine.run()
            save_all(self.case, out, problems=self.engine.problems)
        return out

    def update_photos(self, item_ids: Iterable[str]) -> list[Finding]:
        """Re-read and re-evaluate these photos; returns the findings written for them."""
        written: list[Finding] = []
        item_ids = list(item_ids)
        self.engine.problems = []
        with self.case.transaction():
            for item_id in item_ids:
                photo = gather_photo(self.case, item_id)
                new, touched = self.engine.change_photo(photo, item_id)
                self._drop(item_id, touched)
                _insert(self.case, new)
                written += new
            _log(self.case, "items", written, {"items": sorted(set(item_ids))}, self.engine.problems)
        return written

    def update_claims(self, item_ids: Iterable[str] = ()) -> list[Finding]:
        """Re-evaluate claim and source findings and the photos they reach (supporting a claim,
        linked against one, attached to a source, or named in `item_ids`); other photos'
        findings are left alone."""
        eng = self.engine
        eng.problems = list(eng.inputs.problems)
        reach = sorted((set(item_ids) | set(eng.supported_by) | set(eng.against) | set(eng.sources_of))
                       & set(eng.photos))
        marks = ",".join("?" * len(PHOTO_KINDS))
        with self.case.transaction():
            self.case.db.execute(f"DELETE FROM xref_findings WHERE kind NOT IN ({marks})", PHOTO_KINDS)
            written = dedupe(eng.claim_findings() + eng.source_findings())
            for item_id in reach:
                self._drop_own(item_id)
                written += eng.photo_findings(eng.photos[item_id])
            written = dedupe(written)
            _insert(self.case, written)
            _log(self.case, "records", written, {"items": reach}, eng.problems)
        return written

    def _drop_own(self, item_id: str) -> None:
        """Drop one photo's own findings (not its duplicate group's, which no claim changes)."""
        marks = ",".join("?" * len(PHOTO_KINDS))
        self.case.db.execute(
            f"DELETE FROM xref_findings WHERE kind IN ({marks}) AND kind != 'photo-duplicates' AND id "
            f"IN (SELECT finding_id FROM xref_finding_items WHERE item_id = ?)",
            [*PHOTO_KINDS, item_id])

    def apply(self, photo_item_id: str, photo: PhotoIn | None) -> list[Finding]:
        """Like update_photos for one photo whose new engine input is given (benchmarks, tests)."""
        self.engine.problems = []
        with self.case.transaction():
            new, touched = self.engine.change_photo(photo, photo_item_id)
            self._drop(photo_item_id, touched)
            _insert(self.case, new)
            _log(self.case, "items", new, {"items": [photo_item_id]}, self.engine.problems)
        return new

    def _drop(self, item_id: str, touched: set[str]) -> None:
        marks = ",".join("?" * len(PHOTO_KINDS))
        self.case.db.execute(
            f"DELETE FROM xref_findings WHERE kind IN ({marks}) AND kind != 'photo-duplicates' AND id "
            f"IN (SELECT finding_id FROM xref_finding_items WHERE item_id = ?)",
            [*PHOTO_KINDS, item_id])
        ids = sorted(touched | {item_id})
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            self.case.db.execute(
                "DELETE FROM xref_findings WHERE kind = 'photo-duplicates' AND id IN (SELECT "
                f"finding_id FROM xref_finding_items WHERE item_id IN ({','.join('?' * len(chunk))}))",
                chunk)
