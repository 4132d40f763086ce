"""Report sections from the other parts: claims, findings, sources, timeline."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from casefile.report.adapters import get
from casefile.report.context import Context
from casefile.report.pdf.common import dur, fmt_time
from casefile.report.pdf.finding_text import input_rows
from casefile.report.pdf.styles import p, pm, safe
from casefile.report.pdf.tables import grid, pairs

CHUNK_LINES = 24


def summary(ctx: Context, claims: list[Any], sources: list[Any] | None) -> list[Flowable]:
    """Claims with status, credibility and the grades of the sources behind them."""
    by_id = {get(s, "id"): s for s in sources or []}
    counts: dict[str, int] = {}
    for c in claims:
        counts[get(c, "status")] = counts.get(get(c, "status"), 0) + 1
    out: list[Flowable] = [pm("Summary of claims", "H1"), p(
        f"{len(claims)} claim(s): " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) +
        ". Credibility runs from 1 (confirmed) to 6 (cannot be judged); source reliability from "
        "A (reliable) to F (cannot be judged).")]
    for c in claims:
        srcs = []
        for sid in get(c, "source_ids") or []:
            s = by_id.get(sid)
            srcs.append(f"{sid} — grade {get(s, 'reliability') or '?'}"
                        + (f" — {get(s, 'title')}" if s is not None and get(s, "title") else ""))
        place = ", ".join(str(x) for x in (get(c, "place_icao"), get(c, "place_text")) if x)
        cred = get(c, "credibility")
        meaning = get(c, "credibility_meaning")
        rows: list[tuple[str, Any]] = [
            ("Text", ("“" + str(get(c, "text")) + "” (quoted)") if get(c, "quoted")
             else get(c, "text")),
            ("Status", get(c, "status")),
            ("Credibility", f"{cred if cred is not None else '?'}" + (f" — {meaning}" if meaning else "")),
            ("Kind", get(c, "kind")),
            ("When", f"{fmt_time(get(c, 'window_start'))} – {fmt_time(get(c, 'window_end'))}"),
            ("Where", place), ("Aircraft", ", ".join(get(c, "aircraft_refs") or [])),
            ("Sources", "\n".join(srcs) or "none linked")]
        out += [CondPageBreak(80), p(f"Claim {get(c, 'id')}", "H3"),
                pairs([r for r in rows if r[1]], (110, 385)), Spacer(1, 4)]
    return out


def findings(ctx: Context, found: list[Any]) -> list[Flowable]:
    """Every cross-reference finding with its verdict, inputs and assumptions."""
    shown = [f for f in found if ctx.shows(get(f, "item_ids"))]
    counts: dict[str, int] = {}
    for f in shown:
        counts[get(f, "verdict")] = counts.get(get(f, "verdict"), 0) + 1
    out: list[Flowable] = [pm("Cross-reference findings", "H1"), p(
        f"{len(shown)} finding(s): " + (", ".join(f"{n} {v}" for v, n in sorted(counts.items()))
                                         or "none") + ".")]
    if len(shown) < len(found):
        out.append(p(f"{len(found) - len(shown)} finding(s) involving withheld items are omitted."))
    for f in shown:
        rows: list[tuple[str, Any]] = [
            ("Verdict", f"{get(f, 'verdict')} (confidence {float(get(f, 'confidence') or 0):.2f})"),
            ("Explanation", get(f, "explanation")),
            ("Items", ", ".join(get(f, "item_ids") or ()))]
        for k, v in input_rows(get(f, "inputs")):
            rows += [(f"Input: {k}" + (" (continued)" if n else ""), part)
                     for n, part in enumerate(chunks(v))]
        for a in get(f, "assumptions") or ():
            rows.append(("Assumption", a))
        out += [CondPageBreak(80),
                p(f"Finding {get(f, 'id')}: {get(f, 'kind')} — {get(f, 'verdict')}", "H3"),
                pairs(rows, (110, 385)), Spacer(1, 4)]
    return out


def chunks(text: str, size: int = CHUNK_LINES) -> list[str]:
    """Long text cut into runs of lines, each a table row that fits on a page (a table splits
    only between rows)."""
    lines = text.split("\n")
    return ["\n".join(lines[i:i + size]) for i in range(0, len(lines), size)] or [""]


def sources(ctx: Context, srcs: list[Any]) -> list[Flowable]:
    """Sources with reliability grades and who collected them (redactable)."""
    out: list[Flowable] = [pm("Sources", "H1"), p(f"{len(srcs)} source(s).")]
    for s in srcs:
        rows: list[tuple[str, Any]] = [
            ("Kind", get(s, "kind")), ("Title", get(s, "title")), ("URL", get(s, "url")),
            ("Publisher", get(s, "publisher")), ("Author", ctx.red("author", get(s, "author"))),
            ("Published", fmt_time(get(s, "published")) if get(s, "published") else ""),
            ("Collected", f"{get(s, 'collected_at') or ''} by "
                          f"{ctx.red('collected_by', get(s, 'collected_by')) or 'unknown'}"),
            ("Reliability", f"{get(s, 'reliability') or '?'} — "
                            f"{get(s, 'reliability_rationale') or 'no rationale recorded'}"),
            ("Captures", ", ".join(i for i in get(s, "capture_item_ids") or [] if ctx.shows([i]))),
            ("Archives", ", ".join(get(s, "archive_urls") or []))]
        out += [CondPageBreak(80), p(f"Source {get(s, 'id')}", "H3"),
                pairs([r for r in rows if r[1]], (110, 385)), Spacer(1, 4)]
    return out


def timeline(ctx: Context, events: list[Any]) -> list[Flowable]:
    """All dated events in one UTC order, with their uncertainty and lane."""
    rows = []
    for e in events:
        if not ctx.shows(get(e, "item_ids")):
            continue
        unc = get(e, "uncertainty_s") or 0
        zone = get(e, "local_zone") or ("zone unknown" if get(e, "basis") == "unknown" else "")
        when = get(e, "time_utc") or "unknown"
        if get(e, "end_utc"):
            when += f"\nto {get(e, 'end_utc')}"
        rows.append((when, f"± {dur(unc)}" if unc else "",
                     get(e, "lane"), get(e, "label"), zone))
    out: list[Flowable] = [pm("Timeline", "H1"), p(
        f"{len(rows)} event(s) in UTC order. A span (a claim's window, a coverage gap) is placed at "
        "its start and shows its end. An event whose time zone is unknown is placed at the middle "
        "of the window it could be in (± half of it) and marked 'zone unknown'.")]
    if rows:
        out.append(grid(["Time (UTC)", "±", "Lane", "What", "Local zone"], rows,
                        (95, 50, 50, 230, 70), mono=(0,)))
    return out


def safe_join(values: Any) -> str:
    return safe(", ".join(str(v) for v in values or []))
