"""The answer first: the summary (the case question, each claim's verdict and the evidence it
rests on, what remains open, the sources' grades) and one section per claim (what was claimed, by
whom, what was checked, what was found, what remains open)."""

from __future__ import annotations

from casefile.model.analyst import CREDIBILITY, RELIABILITY, Claim, Source
from casefile.model.findings import Finding
from casefile.present.findings import checked
from casefile.present.numbers import coords
from casefile.present.numbers import shorten as short
from casefile.present.times import span
from casefile.reference.airports import airport
from casefile.report.blocks import Block, Gallery, KeepSpace, Picture, Space, b, grid, h1, h2, md, para
from casefile.report.sections.body import Body
from casefile.report.thumbs import thumbnail
from casefile.xref.query import claim_verdict

SMALL_THUMB = 72.0


def question(body: Body) -> str:
    """The case question: as the investigator wrote it, else what the case's title asks."""
    meta = body.ctx.meta
    text = meta.get("question") or meta.get("description")
    if text:
        return text
    return (f"Do the evidence items in this case bear out the {len(body.claims)} claim(s) its "
            f"sources make about: {body.ctx.title}?")


def claim_title(body: Body, c: Claim) -> str:
    """'C2 — arrival at SVMI Maiquetia (…) Airport'."""
    ref = body.names.ref(c.id)
    place = c.place_icao or c.place_text or ""
    if c.place_icao:
        row = airport(c.place_icao)
        if row:
            place = f"{c.place_icao} {row['name']}"
    word = {"departure": "from", "transit": "via"}.get(c.kind, "at")
    what = f"{c.kind} {word} {place}".strip() if place else c.kind
    return f"{ref} — {short(what, 70)}"


def grade(s: Source | None) -> str:
    if s is None:
        return "source not found"
    r = s.reliability
    return f"reliability {r} ({RELIABILITY.get(r, 'not graded')})" if r else "not graded"


def _open_points(body: Body, c: Claim, found: list[Finding]) -> list[str]:
    """What the evidence does not reach for this claim, why, and what would settle it."""
    out = []
    if not c.window_start.utc and not c.window_start.local:
        out.append("No time is stated, so no dated record can confirm or contradict it; a "
                   "dated source or the time of an event it names would settle it.")
    if not (c.place_icao or c.place_text or c.place_lat is not None):
        out.append("No place is stated, so no track or photo position can be matched to it.")
    cv = claim_verdict(found)
    if cv.not_evidence and (cv.deciding is None or cv.deciding.verdict != "consistent"):
        out.append("The evidence offered for it (" + ", ".join(
            _failed_item(body, f) for f in cv.not_evidence) + ") is not evidence for the claim; "
            "a record of the event itself would settle it.")
    if cv.not_counted:
        out.append("The photo(s) linked as contradicting it (" + ", ".join(
            _failed_item(body, f) for f in cv.not_counted) + ") cannot count against it: their "
            "own time and place do not rule it out; a dated, placed copy far from the claimed "
            "place at the claimed time would.")
    for f in found:
        if f in cv.not_evidence or f in cv.not_counted:
            continue
        if f.verdict == "undetermined":
            out.append(f"{body.names.ref(f.id)} is undetermined: "
                       f"{short(first_sentence(body.names.text(f.explanation)), 260)}")
        unresolved = f.inputs.get("unresolved_refs")
        if unresolved:
            out.append(f"Aircraft named in the claim but not found in the records: "
                       f"{', '.join(str(x) for x in unresolved)}; tracks for them would settle it.")
    if not found and not out:
        out.append("No cross-reference rule reaches this claim (nothing in the case records its "
                   "kind of event); a record of the event itself would settle it.")
    return out


def summary(body: Body) -> list[Block]:
    """One to two pages: the question, each claim's verdict, what remains open, source grades."""
    names = body.names
    out: list[Block] = [h1("Summary"), para(b("The question. "), question(body))]
    shown = [f for f in body.findings]
    counts: dict[str, int] = {}
    for f in shown:
        counts[f.verdict] = counts.get(f.verdict, 0) + 1
    photos = len(body.photos)
    aircraft = len(body.flights.aircraft) if body.flights else 0
    out.append(para(
        b("What was examined. "),
        f"{len(body.claims)} claim(s) from {len(body.sources)} source(s), {photos} photo(s) and "
        f"the flight records of {aircraft} aircraft. The cross-reference made {len(shown)} "
        "finding(s): " + (", ".join(f"{n} {v}" for v, n in sorted(counts.items())) or "none")
        + ". Each finding is cited by its reference (X1, X2 …); Appendix A gives its exact "
        "inputs, thresholds and assumptions."))
    out.append(h2("Claims and what the evidence says"))
    rows = []
    for c in body.claims:
        found = [f for f in body.about(c.id)]
        cv = claim_verdict(found)
        verdict = cv.words
        lead = cv.deciding
        rests = (short(first_sentence(body.sentence(lead, "Summary")), 240)
                 if lead is not None else "no finding about the event reaches it")
        if cv.not_evidence:
            rests += "\nNot evidence for the claim: " + "; ".join(
                f"{body.cite(f, 'Summary')} ({_failed_item(body, f)})" for f in cv.not_evidence)
        if cv.not_counted:
            rests += "\nLinked against it, not counted: " + "; ".join(
                f"{body.cite(f, 'Summary')} ({_failed_item(body, f)})" for f in cv.not_counted)
        srcs = ", ".join(f"{names.ref(sid)} ({_letter(body_source(body, sid))})"
                         for sid in c.source_ids)
        rows.append((names.ref(c.id), short(c.text, 150), f"{verdict}\n(analyst: {c.status})",
                     rests, srcs))
    if rows:
        out.append(grid(["Claim", "What was claimed", "Verdict", "The evidence it rests on",
                         "Source (grade)"], rows, (32, 130, 70, 213, 50)))
    open_rows = []
    for c in body.claims:
        found = body.about(c.id)
        for point in _open_points(body, c, found):
            open_rows.append(f"{names.ref(c.id)}: {point}")
    out.append(h2("What remains open"))
    out += [para("• " + t) for t in open_rows] or [para("Nothing: every claim is reached by at "
                                                         "least one finding that is not undetermined.")]
    out.append(h2("Sources and their grades"))
    if body.sources:
        out.append(grid(["Source", "Title", "Kind", "Grade"],
                        [(names.ref(s.id), short(s.title or s.url or "untitled", 110), s.kind,
                          grade(s)) for s in body.sources], (40, 255, 80, 120)))
    else:
        out.append(para("No sources are recorded."))
    out.append(md("Reliability runs from **A** (completely reliable) to **E** (unreliable), **F** "
                  "cannot be judged; a claim's credibility from **1** (confirmed) to **5** "
                  "(improbable), **6** cannot be judged.", "small"))
    return out


def _failed_item(body: Body, f: Finding) -> str:
    """The photo a failed support finding is about, as people name it."""
    photo = f.inputs.get("photo", {}) if isinstance(f.inputs.get("photo"), dict) else {}
    item = photo.get("item_id") or next((i for i in f.item_ids if i in
                                          {e.info.item_id for e in body.photos}), None)
    return body.names.name(item) if item else body.names.ref(f.id)


def first_sentence(text: str) -> str:
    """Up to the first full stop that ends a sentence (the rest is in the claim's section)."""
    cut = text.find(". ", 60)
    return text if cut == -1 else text[: cut + 1]


def _letter(s: Source | None) -> str:
    return (s.reliability if s is not None else None) or "?"


def body_source(body: Body, sid: str) -> Source | None:
    return next((s for s in body.sources if s.id == sid), None)


def claims(body: Body) -> list[Block]:
    """One section per claim: claimed, by whom, checked, found, open."""
    names = body.names
    out: list[Block] = [h1("Claims")]
    for c in body.claims:
        ref = names.ref(c.id)
        found = body.about(c.id)
        out += [KeepSpace(140), h2(claim_title(body, c)),
                para(b("Claimed: "), f"“{c.text}”" if c.quoted else c.text)]
        by = []
        for sid in c.source_ids:
            s = body_source(body, sid)
            by.append(f"{names.name(sid)}, {grade(s)}")
        cred = c.credibility
        out.append(para(b("By: "), "; ".join(by) or "no source linked", ". ",
                        b("Credibility: "),
                        f"{cred} ({CREDIBILITY.get(cred, '')})" if cred else "not graded", ". ",
                        b("Analyst's status: "), c.status, "."))
        where = c.place_icao or c.place_text or (coords(c.place_lat, c.place_lon)
                                                 if c.place_lat is not None else "not stated")
        out.append(para(b("When: "), span(c.window_start, c.window_end), ". ", b("Where: "),
                        where, ". ", b("Aircraft: "), ", ".join(c.aircraft_refs) or "none named",
                        "."))
        kinds = sorted({f.kind for f in found})
        out.append(para(b("Checked: "), "; ".join(checked(k) for k in kinds)
                        or "nothing in the case reaches this claim", "."))
        cv = claim_verdict(found)
        out.append(para(b("Found: "), cv.words + "."))
        out += [para("• " + body.sentence(f, ref)) for f in found
                if f not in cv.not_evidence and f not in cv.not_counted]
        if cv.not_evidence:
            out.append(para(b("Not evidence for the claim: "), "offered as support, but its own "
                            "time or place does not fit the claim; it weakens the support and "
                            "does not count against the event."))
            out += [para("• " + body.sentence(f, ref)) for f in cv.not_evidence]
        if cv.not_counted:
            out.append(para(b("Linked against the claim, not counted: "), "its own time and place "
                            "do not rule the claim out, so it does not count against the event."))
            out += [para("• " + body.sentence(f, ref)) for f in cv.not_counted]
        linked = body.links.get(c.id, [])
        if linked:
            out.append(para(b("Linked evidence: "), "; ".join(
                f"{names.name(x.item_id)} ({x.relation}{': ' + x.note if x.note else ''})"
                for x in linked if body.ctx.shows([x.item_id]))))
        pics = _pictures(body, c, found)
        if pics:
            out.append(pics)
        open_points = _open_points(body, c, found)
        out.append(para(b("Open: "), "nothing further." if not open_points else ""))
        out += [para("• " + t) for t in open_points]
        out.append(Space(6))
    return out


def _pictures(body: Body, c: Claim, found: list[Finding]) -> Block | None:
    """Small thumbnails of the photos this claim's findings and links involve (at most three)."""
    photo_ids = {e.info.item_id for e in body.photos}
    ids: list[str] = []
    for f in found:
        ids += [i for i in f.item_ids if i in photo_ids]
    ids += [x.item_id for x in body.links.get(c.id, []) if x.item_id in photo_ids]
    ids = [i for i in dict.fromkeys(ids) if body.ctx.shows([i])][:3]
    if not ids:
        return None
    pics: list[tuple[Picture, str]] = [(thumbnail(body.ctx, i, SMALL_THUMB), body.names.name(i))
                                       for i in ids]
    return Gallery(tuple(pics))
