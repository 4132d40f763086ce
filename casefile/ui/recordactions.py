"""Edits asked for from menus, the details panel and context menus: a form, then an undoable Edit.

`ask(win, action, record_id)` opens the form for one action; `edit_forms(...)` builds each form so
tests can fill it and press OK the way a person would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from casefile.analyst import query as analyst
from casefile.model.analyst import (
    CLAIM_KINDS,
    CLAIM_STATUSES,
    CREDIBILITY,
    ENTITY_KINDS,
    LINK_RELATIONS,
    RELIABILITY,
    SOURCE_ITEM_ROLES,
    SOURCE_KINDS,
)
from casefile.store import reads
from casefile.ui import editlib, names
from casefile.ui.edits import Edit
from casefile.ui.forms import Field, FormDialog, none_if_empty, split_list

if TYPE_CHECKING:
    from casefile.ui.casewindow import CaseWindow

Build = Callable[[dict[str, str]], Edit]
TIME_HINT = "e.g. 2019-03-23 14:00 or 2019-03-23 (empty: not stated)"
ZONE_HINT = "IANA zone or offset the time was given in, e.g. Europe/Moscow or +03:00 (empty: case default)"


def _pairs(values: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


def _records(win: CaseWindow, kind: str) -> list[tuple[str, str]]:
    """(id, "S2 Title") choices of one kind of record."""
    case = win.case
    assert case is not None
    if kind == "source":
        ids = [s.id for s in analyst.list_sources(case)]
    elif kind == "claim":
        ids = [c.id for c in analyst.list_claims(case)]
    elif kind == "entity":
        ids = [e.id for e in analyst.list_entities(case)]
    else:
        ids = [r["id"] for r in reads.listed_items(case)]
    return [(i, names.label(case, i, kind)) for i in ids]


def _one_of(win: CaseWindow, kind: str, none_text: str) -> list[tuple[str, str]]:
    got = _records(win, kind)
    return got or [("", none_text)]


def form(win: CaseWindow, action: str, rid: str | None) -> tuple[FormDialog, Build] | None:
    """The form for an action on a record, and how its values become an Edit (None: no form)."""
    case = win.case
    assert case is not None
    label = names.label(case, rid) if rid else ""
    f = Field
    if action == "add-source":
        fields = [
            f("title", "&Title:", required=True),
            f("kind", "&Kind:", "choice", _pairs(SOURCE_KINDS)),
            f("url", "&Address (URL):", hint="https://…"),
            f("publisher", "&Publisher:"),
            f("author", "A&uthor:"),
            f("published", "Pu&blished:", hint=TIME_HINT),
            f("published_tz", "Published in &zone:", hint=ZONE_HINT),
            f(
                "reliability",
                "&Reliability:",
                "choice",
                [("", "not graded yet")] + [(k, f"{k} — {v}") for k, v in RELIABILITY.items()],
            ),
            f("rationale", "&Why this grade:", "long"),
            f("archive", "Archive &links:", "long", hint="one per line"),
        ]
        if rid and names.kind_of(case, rid) == "item":
            fields.append(f("capture", "&Capture:", "choice", [(rid, label), ("", "none")], rid))

        def add_source(v: dict[str, str]) -> Edit:
            items = [(v["capture"], "capture")] if v.get("capture") else []
            return editlib.add_source(
                {
                    "title": v["title"],
                    "kind": v["kind"],
                    "url": none_if_empty(v["url"]),
                    "publisher": none_if_empty(v["publisher"]),
                    "author": none_if_empty(v["author"]),
                    "published": none_if_empty(v["published"]),
                    "published_tz": none_if_empty(v["published_tz"]),
                    "reliability": none_if_empty(v["reliability"]),
                    "rationale": none_if_empty(v["rationale"]),
                    "archive_urls": split_list(v["archive"]),
                    "items": items,
                },
                names.short(v["title"], 40),
            )

        return FormDialog(win, "Add Source", fields), add_source
    if action == "grade":
        s = analyst.get_source(case, rid or "")
        fields = [
            f(
                "grade",
                "&Reliability:",
                "choice",
                [(k, f"{k} — {t}") for k, t in RELIABILITY.items()],
                s.reliability or "F",
            ),
            f(
                "rationale",
                "&Why:",
                "long",
                value=s.reliability_rationale or "",
                required=True,
                hint="what you know about this source that decides the grade",
            ),
        ]
        return (
            FormDialog(win, f"Grade {label}", fields),
            lambda v: editlib.grade_source(s.id, v["grade"], v["rationale"], label),
        )
    if action == "edit-source":
        s = analyst.get_source(case, rid or "")
        fields = [
            f("title", "&Title:", value=s.title or ""),
            f("kind", "&Kind:", "choice", _pairs(SOURCE_KINDS), s.kind),
            f("url", "&Address:", value=s.url or ""),
            f("publisher", "&Publisher:", value=s.publisher or ""),
            f("author", "A&uthor:", value=s.author or ""),
        ]

        def edit_source(v: dict[str, str]) -> Edit:
            now = {
                "title": s.title or "",
                "kind": s.kind,
                "url": s.url or "",
                "publisher": s.publisher or "",
                "author": s.author or "",
            }
            changes = {k: none_if_empty(x) for k, x in v.items() if x != now[k]}
            return editlib.edit_source(s.id, changes, label)

        return FormDialog(win, f"Edit {label}", fields), edit_source
    if action == "archive":
        return (
            FormDialog(
                win,
                f"Archive link for {label}",
                [f("url", "&Archive address:", required=True, hint="https://web.archive.org/…")],
            ),
            lambda v: editlib.add_archive_url(rid or "", v["url"], label),
        )
    if action in ("attach", "attach-to-source"):
        src_choices = _one_of(win, "source", "(no sources yet)")
        item_choices = _one_of(win, "item", "(no files yet)")
        fields = [
            f("source", "&Source:", "choice", src_choices, rid or ""),
            f("item", "&File:", "choice", item_choices, rid or ""),
            f("role", "&Role:", "choice", _pairs(SOURCE_ITEM_ROLES)),
        ]
        return (
            FormDialog(win, "Attach a file to a source", fields),
            lambda v: editlib.attach_item(
                v["source"],
                v["item"],
                v["role"],
                f"{names.label(case, v['item'])} to {names.label(case, v['source'])}",
            ),
        )
    if action in ("delete-source", "delete-claim"):
        what = "source" if action == "delete-source" else "claim"
        fields = [f("reason", "&Reason:", "long", required=True, hint="kept in the custody log")]
        intro = (
            f"Delete {label}? Its links go with it; the evidence files stay. The custody log keeps "
            "everything that was deleted, and Undo puts it back as a new record."
        )

        def delete(v: dict[str, str]) -> Edit:
            if what == "source":
                return editlib.delete_source(rid or "", v["reason"], label)
            return _delete_claim(rid or "", v["reason"], label)

        return FormDialog(win, f"Delete {what}", fields, intro=intro), delete
    if action == "relate":
        fields = [
            f("source", "&This source:", "choice", _one_of(win, "source", "(no sources yet)"), rid or ""),
            f(
                "relation",
                "&…",
                "choice",
                [
                    ("cites", "cites (quotes or refers to)"),
                    ("derived-from", "is derived from (repost, screenshot, rewrite)"),
                ],
            ),
            f("other", "&That source:", "choice", _one_of(win, "source", "(no sources yet)")),
            f("note", "&Note:"),
        ]
        return (
            FormDialog(
                win,
                "Sources that are not independent",
                fields,
                intro="A source that cites or is derived from another does not corroborate it.",
                check=lambda v: "Choose two different sources." if v["source"] == v["other"] else None,
            ),
            lambda v: editlib.relate_sources(
                v["source"],
                v["other"],
                v["relation"],
                none_if_empty(v["note"]),
                f"{names.label(case, v['source'])} {v['relation']} {names.label(case, v['other'])}",
            ),
        )
    if action == "add-claim":
        return _claim_form(win, rid, label)
    if action == "status":
        c = analyst.get_claim(case, rid or "")
        fields = [
            f("status", "&Status:", "choice", _pairs(CLAIM_STATUSES), c.status),
            f("reason", "&Reason:", "long", required=True, hint="what settled it (kept in the log)"),
        ]
        return (
            FormDialog(win, f"Status of {label}", fields),
            lambda v: editlib.edit_claim(
                c.id,
                {"status": v["status"]},
                label,
                reason=v["reason"],
                what=f"Set status {v['status']} of",
            ),
        )
    if action == "credibility":
        c = analyst.get_claim(case, rid or "")
        fields = [
            f(
                "credibility",
                "&Credibility:",
                "choice",
                [(str(k), f"{k} — {t}") for k, t in CREDIBILITY.items()],
                str(c.credibility or 6),
            ),
            f("reason", "&Why:", "long"),
        ]
        return (
            FormDialog(win, f"Credibility of {label}", fields),
            lambda v: editlib.edit_claim(
                c.id,
                {"credibility": int(v["credibility"])},
                label,
                reason=none_if_empty(v["reason"]),
                what=f"Grade credibility {v['credibility']} of",
            ),
        )
    if action == "edit-claim":
        c = analyst.get_claim(case, rid or "")
        fields = [
            f("text", "&Claim:", "long", value=c.text, required=True),
            f("kind", "&Kind:", "choice", _pairs(CLAIM_KINDS), c.kind),
            f(
                "place",
                "&Place:",
                value=c.place_icao or c.place_text or "",
                hint="airport code (UUMU) or a place name",
            ),
            f(
                "aircraft",
                "&Aircraft:",
                value=", ".join(c.aircraft_refs),
                hint="registrations or hex, comma-separated",
            ),
        ]

        def edit_claim(v: dict[str, str]) -> Edit:
            now = {
                "text": c.text,
                "kind": c.kind,
                "place": c.place_icao or c.place_text or "",
                "aircraft": ", ".join(c.aircraft_refs),
            }
            changes: dict[str, Any] = {}
            for k, x in v.items():
                if x != now[k]:
                    key = "aircraft_refs" if k == "aircraft" else k
                    changes[key] = split_list(x) if k == "aircraft" else none_if_empty(x)
            return editlib.edit_claim(c.id, changes, label)

        return FormDialog(win, f"Edit {label}", fields), edit_claim
    if action == "claim-window":
        c = analyst.get_claim(case, rid or "")
        fields = [
            f("start", "&From:", value=c.window_start.raw or "", hint=TIME_HINT),
            f("end", "&To:", value=c.window_end.raw or "", hint=TIME_HINT),
            f("tz", "&Zone:", value=c.window_start.zone or "", hint=ZONE_HINT),
        ]
        return (
            FormDialog(
                win,
                f"Time window of {label}",
                fields,
                intro="The times as the source gives them, and the zone they are in. "
                "Left empty, an end is 'not stated'.",
            ),
            lambda v: editlib.edit_claim(
                c.id,
                {"start": none_if_empty(v["start"]), "end": none_if_empty(v["end"])},
                label,
                tz=none_if_empty(v["tz"]),
                what="Change the window of",
            ),
        )
    if action == "claim-link":
        kind = names.kind_of(case, rid or "") if rid else None
        fields = [
            f(
                "claim",
                "&Claim:",
                "choice",
                _one_of(win, "claim", "(no claims yet)"),
                (rid or "") if kind == "claim" else "",
            ),
            f(
                "item",
                "&Evidence file:",
                "choice",
                _one_of(win, "item", "(no files yet)"),
                (rid or "") if kind == "item" else "",
            ),
            f("relation", "&This file…", "choice", _pairs(LINK_RELATIONS)),
            f("note", "&Note:"),
        ]
        return (
            FormDialog(win, "Link evidence to a claim", fields),
            lambda v: editlib.link_item(
                v["claim"],
                v["item"],
                v["relation"],
                none_if_empty(v["note"]),
                f"{names.label(case, v['item'])} to {names.label(case, v['claim'])}",
            ),
        )
    if action == "claim-sources":
        return (
            FormDialog(
                win,
                f"Sources of {label}",
                [f("source", "&Source:", "choice", _one_of(win, "source", "(no sources yet)"))],
                intro="A source that makes (reports, cites) this claim.",
            ),
            lambda v: editlib.claim_sources(rid or "", [v["source"]], label),
        )
    if action == "claim-entities":
        return (
            FormDialog(
                win,
                f"Entities in {label}",
                [f("entity", "&Entity:", "choice", _one_of(win, "entity", "(no entities yet)"))],
            ),
            lambda v: editlib.claim_entities(rid or "", [v["entity"]], label),
        )
    if action == "add-entity":
        fields = [
            f("kind", "&Kind:", "choice", _pairs(ENTITY_KINDS)),
            f("name", "&Name:"),
            f("ref", "&Reference:", hint="aircraft: registration or hex; place: airport code"),
            f("aliases", "&Also known as:", hint="comma-separated"),
        ]
        return (
            FormDialog(
                win,
                "Add Entity",
                fields,
                check=lambda v: None if v["name"] or v["ref"] else "Give a name or a reference.",
            ),
            lambda v: editlib.add_entity(
                v["kind"],
                v["name"],
                split_list(v["aliases"]),
                none_if_empty(v["ref"]),
                v["name"] or v["ref"],
            ),
        )
    if action == "alias":
        return (
            FormDialog(win, f"Alias of {label}", [f("alias", "&Also known as:", required=True)]),
            lambda v: editlib.add_alias(rid or "", v["alias"], label),
        )
    if action == "note":
        return (
            FormDialog(
                win,
                f"Note on {label or 'the case'}",
                [f("text", "&Note:", "long", required=True)],
                intro="Kept exactly as written, with your name and the time, in the custody log.",
            ),
            lambda v: editlib.add_note(rid, v["text"], label or "the case"),
        )
    if action == "tag":
        return (
            FormDialog(
                win,
                f"Tag {label}",
                [f("tag", "&Tag:", required=True, hint="a word, or aircraft:RA-82010 on a photo")],
            ),
            lambda v: editlib.add_tag(rid or "", v["tag"], label),
        )
    if action == "aircraft-tag":
        return (
            FormDialog(
                win,
                f"Aircraft in {label}",
                [
                    f(
                        "ref",
                        "&Aircraft:",
                        required=True,
                        hint="registration, hex or type code seen in the photo",
                    )
                ],
            ),
            lambda v: editlib.tag_aircraft(rid or "", v["ref"], label),
        )
    if action == "place-photo":
        fields = [
            f("lat", "&Latitude:", required=True, hint="decimal degrees, north positive"),
            f("lon", "&Longitude:", required=True, hint="decimal degrees, east positive"),
            f("note", "&How you know:", "long", hint="e.g. matched the hangar on satellite imagery"),
        ]
        return (
            FormDialog(
                win,
                f"Place {label}",
                fields,
                check=_latlon_problem,
                intro="Or right-click the map where the photo was taken.",
            ),
            lambda v: editlib.place_photo(
                rid or "", float(v["lat"]), float(v["lon"]), none_if_empty(v["note"]), label
            ),
        )
    if action == "reported-flight":
        fields = [
            f("aircraft", "&Aircraft:", required=True, hint="as reported: registration, hex or type"),
            f("from", "&From airport:", hint="ICAO code, e.g. UUMU"),
            f("to", "&To airport:", hint="e.g. SVMI"),
            f("departed", "&Departed:", hint=TIME_HINT),
            f("arrived", "A&rrived:", hint=TIME_HINT),
            f("departed_tz", "Zone of the &departure time:", hint=ZONE_HINT),
            f("arrived_tz", "Zone of the arri&val time:", hint=ZONE_HINT),
            f(
                "source",
                "&Reported by:",
                "choice",
                [("", "(no source recorded)")] + _records(win, "source"),
                (rid or "") if rid and names.kind_of(case, rid) == "source" else "",
            ),
            f("note", "&Where it is reported:", "long"),
        ]
        return (
            FormDialog(win, "Add Reported Flight", fields),
            lambda v: editlib.add_reported_flight(
                {
                    "aircraft": v["aircraft"],
                    "from_icao": none_if_empty(v["from"].upper()),
                    "to_icao": none_if_empty(v["to"].upper()),
                    "departed": none_if_empty(v["departed"]),
                    "arrived": none_if_empty(v["arrived"]),
                    "departed_tz": none_if_empty(v["departed_tz"]),
                    "arrived_tz": none_if_empty(v["arrived_tz"]),
                    "source": none_if_empty(v["source"]),
                    "note": none_if_empty(v["note"]),
                },
                f"{v['aircraft']} {v['from'] or '?'} → {v['to'] or '?'}",
            ),
        )
    return None


def _latlon_problem(v: dict[str, str]) -> str | None:
    try:
        lat, lon = float(v["lat"]), float(v["lon"])
    except ValueError:
        return "Latitude and longitude are decimal numbers (e.g. 10.6012, -66.9913)."
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return "Latitude is -90..90 and longitude -180..180."
    return None


def _claim_form(win: CaseWindow, rid: str | None, label: str) -> tuple[FormDialog, Build]:
    case = win.case
    assert case is not None
    f = Field
    from_source = rid if rid and names.kind_of(case, rid) == "source" else ""
    fields = [
        f("text", "&Claim (in your words):", "long", required=True),
        f("kind", "&Kind:", "choice", _pairs(CLAIM_KINDS), "other"),
        f("start", "&From:", hint=TIME_HINT),
        f("end", "&To:", hint=TIME_HINT),
        f("tz", "&Zone of the times:", hint=ZONE_HINT),
        f("place", "&Place:", hint="airport code (UUMU) or a place name"),
        f("aircraft", "&Aircraft:", hint="registrations or hex, comma-separated"),
        f(
            "credibility",
            "&Credibility:",
            "choice",
            [("", "not graded yet")] + [(str(k), f"{k} — {t}") for k, t in CREDIBILITY.items()],
        ),
        f("source", "&Source:", "choice", [("", "(none yet)")] + _records(win, "source"), from_source),
    ]

    def build(v: dict[str, str]) -> Edit:
        return editlib.add_claim(
            {
                "text": v["text"],
                "kind": v["kind"],
                "start": none_if_empty(v["start"]),
                "end": none_if_empty(v["end"]),
                "tz": none_if_empty(v["tz"]),
                "place_ref": none_if_empty(v["place"]),
                "aircraft_refs": split_list(v["aircraft"]),
                "credibility": int(v["credibility"]) if v["credibility"] else None,
                "source_ids": [v["source"]] if v["source"] else [],
            },
            names.short(v["text"], 40),
        )

    return FormDialog(win, "Add Claim", fields), build


def _delete_claim(claim_id: str, reason: str, label: str) -> Edit:
    """Delete a claim for a reason; undo records it again (a new record, the old one in the log)."""

    def go(case: Any) -> Any:
        c = analyst.get_claim(case, claim_id)
        links = analyst.claim_links(case, claim_id)
        analyst.delete_claim(case, claim_id, reason=reason)
        return c, links

    def back(case: Any, state: Any) -> None:
        c, links = state
        new = analyst.add_claim(
            case,
            c.text,
            quoted=c.quoted,
            start=c.window_start.utc or c.window_start.local,
            end=c.window_end.utc or c.window_end.local,
            place_ref=c.place_icao or c.place_text,
            credibility=c.credibility,
            status=c.status,
            kind=c.kind,
            aircraft_refs=c.aircraft_refs,
            source_ids=c.source_ids,
            entity_ids=c.entity_ids,
            note="restored by undo of a delete",
        )
        for lk in links:
            analyst.link(case, new.id, lk.item_id, lk.relation, lk.note)

    return Edit(f"Delete {label}", go, back)


def ask(win: CaseWindow, action: str, rid: str | None) -> FormDialog | None:
    """Open the form for an action; OK pushes the Edit on the undo stack. Returns the open form."""
    if win.case is None:
        win.notify("Edit", "Open or create a case first.", error=True)
        return None
    got = form(win, action, rid)
    if got is None:
        return None
    dlg, build = got

    def done() -> None:
        try:
            edit = build(dlg.values())
        except (ValueError, KeyError) as exc:
            win.notify(dlg.windowTitle(), str(exc), error=True)
            return
        win.push_edit(edit)

    dlg.accepted.connect(done)
    dlg.open()
    return dlg
