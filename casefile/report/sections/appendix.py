"""Appendices a court reads: every finding with its exact inputs, thresholds and assumptions and
the places in the body that cite it; and every short reference resolved to its record id and the
SHA-256 of the file."""

from __future__ import annotations

from casefile.present.numbers import shorten as short
from casefile.report.blocks import Block, KeepSpace, Space, b, grid, h1, md, pairs, para
from casefile.report.finding_text import input_rows
from casefile.report.sections.body import Body

CHUNK_LINES = 24
APPENDIX_FINDINGS = "Appendix A: Findings in detail"
APPENDIX_REFS = "Appendix C: References resolved to records and hashes"


def chunks(text: str, size: int = CHUNK_LINES) -> list[str]:
    """Long text cut into runs of lines, each a table row that fits on a page (a table splits
    only between rows)."""
    lines = text.split("\n")
    return ["\n".join(lines[i:i + size]) for i in range(0, len(lines), size)] or [""]


def findings_detail(body: Body) -> list[Block]:
    """Every finding shown: verdict, confidence and why, its records, where the body cites it,
    its exact inputs and assumptions."""
    names = body.names
    out: list[Block] = [h1(APPENDIX_FINDINGS), md(
        "Each finding as the cross-reference engine recorded it: every input exactly as used "
        "(times in UTC with the basis that decided their zone, ± uncertainty and the text as "
        "written; distances in km; thresholds as listed under Methods), and where the body "
        "relies on it. Appendix C resolves each reference to its record id and hash.", "small")]
    hidden = len(body.ctx.case.rows("SELECT 1 FROM xref_findings")) - len(body.findings) \
        if body.ctx.withheld else 0
    if hidden > 0:
        out.append(md(f"{hidden} finding(s) involving withheld items are omitted.", "small"))
    for f in sorted(body.findings, key=lambda f: _num(names.ref(f.id))):
        rows: list[tuple[str, object]] = [
            ("Verdict", f"{f.verdict} (confidence {float(f.confidence or 0):.2f})"),
            ("Why this confidence", f.confidence_note),
            ("Explanation", names.text(f.explanation)),
            ("Records", "\n".join(f"{names.name(i)} — {i}" for i in f.item_ids)),
            ("Cited in", ", ".join(body.cited.get(f.id, [])) or "not cited")]
        for k, v in input_rows({k: v for k, v in f.inputs.items() if k != "confidence_note"}):
            rows += [(f"Input: {k}" + (" (continued)" if n else ""), part)
                     for n, part in enumerate(chunks(v))]
        for a in f.assumptions:
            rows.append(("Assumption", a))
        # a bold line, not a kept-with-next heading: a long finding starts on the same page
        out += [KeepSpace(120), para(b(f"{names.ref(f.id)} — {f.kind} — {f.verdict} ({f.id})")),
                pairs(rows, (110, 385)), Space(4)]
    return out


def _num(ref: str) -> tuple[str, int]:
    digits = "".join(ch for ch in ref if ch.isdigit())
    return ref[:1], int(digits) if digits else 0


def references(body: Body) -> list[Block]:
    """Every reference the report uses, resolved to the record id and (for files) the SHA-256."""
    ctx = body.ctx
    names = body.names
    sha = {i["id"]: i["sha256"] for i in ctx.items}
    rows = []
    wanted = [*(i["id"] for i in ctx.items), *(s.id for s in body.sources),
              *(c.id for c in body.claims), *(f.id for f in body.findings)]
    for target in sorted(dict.fromkeys(wanted), key=lambda t: _num(names.ref(t))):
        what = (ctx.red("original_name", ctx.names.get(target)) if target in sha
                else _what(body, target))
        rows.append((names.ref(target), short(str(what or ""), 55), target, sha.get(target, "")))
    return [h1(APPENDIX_REFS), md(
        "P photos, F flight-record files, D other files, S sources, C claims, X findings. The "
        "numbers are given when a record is made and never change, so the same reference names "
        "the same record in the Casefile window, on the command line (`casefile items CASE`) "
        "and in this report.", "small"),
        grid(["Ref", "What", "Record id", "SHA-256 of the original"], rows, (28, 124, 99, 244),
             mono=(2, 3), fixed=(0,))]


def _what(body: Body, target: str) -> str:
    for s in body.sources:
        if s.id == target:
            return f"source: {s.title or s.url or s.kind}"
    for c in body.claims:
        if c.id == target:
            return f"claim: {c.text}"
    for f in body.findings:
        if f.id == target:
            return f"finding: {f.kind}, {f.verdict}"
    return ""
