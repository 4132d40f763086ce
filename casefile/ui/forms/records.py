"""Edits asked for from menus, the details panel and context menus: a form, then an undoable Edit.

`form(case, parent, action, record_id)` builds the form for one action (window/edit_form.py opens it) so
tests can fill it and press OK the way a person would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casefile.analyst import query as analyst
from casefile.model.analyst import (
    ENTITY_KINDS,
    RELIABILITY,
    SOURCE_ITEM_ROLES,
    SOURCE_KINDS,
)
from casefile.ui import names
from casefile.ui.forms import claims
from casefile.ui.forms.choices import TIME_HINT, ZONE_HINT, Build, one_of, pairs, records
from casefile.ui.forms.dialog import Field, FormDialog, none_if_empty, split_list
from casefile.ui.operations import editlib
from casefile.ui.operations.edits import Edit
from casefile.ui.views.records import seen_aircraft

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from casefile.store import Case



def form(case: Case, parent: QWidget, action: str, rid: str | None) -> tuple[FormDialog, Build] | None:
    """The form for an action on a record, and how its values become an Edit (None: no form)."""
    label = names.label(case, rid) if rid else ""
    f = Field
    if action == "add-source":
        fields = [
            f("title", "&Title:", required=True),
            f("kind", "&Kind:", "choice", pairs(SOURCE_KINDS)),
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
                names.shorten(v["title"], 40),
            )

        return FormDialog(parent, "Add Source", fields), add_source
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
            FormDialog(parent, f"Grade {label}", fields),
            lambda v: editlib.grade_source(s.id, v["grade"], v["rationale"], label),
        )
    if action == "edit-source":
        s = analyst.get_source(case, rid or "")
        fields = [
            f("title", "&Title:", value=s.title or ""),
            f("kind", "&Kind:", "choice", pairs(SOURCE_KINDS), s.kind),
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

        return FormDialog(parent, f"Edit {label}", fields), edit_source
    if action == "archive":
        return (
            FormDialog(
                parent,
                f"Archive link for {label}",
                [f("url", "&Archive address:", required=True, hint="https://web.archive.org/…")],
            ),
            lambda v: editlib.add_archive_url(rid or "", v["url"], label),
        )
    if action in ("attach", "attach-to-source"):
        src_choices = one_of(case, "source", "(no sources yet)")
        item_choices = one_of(case, "item", "(no files yet)")
        fields = [
            f("source", "&Source:", "choice", src_choices, rid or ""),
            f("item", "&File:", "choice", item_choices, rid or ""),
            f("role", "&Role:", "choice", pairs(SOURCE_ITEM_ROLES)),
        ]
        return (
            FormDialog(parent, "Attach a file to a source", fields),
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
            "everything that was deleted, and Undo puts it back as it was."
        )

        def delete(v: dict[str, str]) -> Edit:
            if what == "source":
                return editlib.delete_source(rid or "", v["reason"], label)
            return claims.delete_claim(rid or "", v["reason"], label)

        return FormDialog(parent, f"Delete {what}", fields, intro=intro), delete
    if action == "relate":
        fields = [
            f("source", "&This source:", "choice", one_of(case, "source", "(no sources yet)"), rid or ""),
            f(
                "relation",
                "&…",
                "choice",
                [
                    ("cites", "cites (quotes or refers to)"),
                    ("derived-from", "is derived from (repost, screenshot, rewrite)"),
                ],
            ),
            f("other", "&That source:", "choice", one_of(case, "source", "(no sources yet)")),
            f("note", "&Note:"),
        ]
        return (
            FormDialog(
                parent,
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
    if (
        action == "add-claim"
        or action.startswith("claim-")
        or action in ("status", "credibility", "edit-claim")
    ):
        return claims.claim_form(case, parent, action, rid, label)
    if action in ("add-entity", "adopt-aircraft"):
        seen = seen_aircraft(case, rid) if action == "adopt-aircraft" else None
        fields = [
            f("kind", "&Kind:", "choice", pairs(ENTITY_KINDS), "aircraft" if seen else ""),
            f("name", "&Name:", value=seen.name if seen else ""),
            f("ref", "&Reference:", hint="aircraft: registration or hex; place: airport code",
              value=seen.ref or "" if seen else ""),
            f("aliases", "&Also known as:", hint="comma-separated",
              value=", ".join(seen.aliases) if seen else ""),
        ]
        intro = (f"{seen.name} was seen in the tracks ({seen.seen_in}). As an entity of your own it "
                 "can be linked to claims and noted; the tracks stay as they are." if seen else "")
        return (
            FormDialog(
                parent,
                "Adopt an aircraft seen in the tracks" if seen else "Add Entity",
                fields,
                intro=intro,
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
            FormDialog(parent, f"Alias of {label}", [f("alias", "&Also known as:", required=True)]),
            lambda v: editlib.add_alias(rid or "", v["alias"], label),
        )
    if action == "note":
        return (
            FormDialog(
                parent,
                f"Note on {label or 'the case'}",
                [f("text", "&Note:", "long", required=True)],
                intro="Kept exactly as written, with your name and the time, in the custody log.",
            ),
            lambda v: editlib.add_note(rid, v["text"], label or "the case"),
        )
    if action == "tag":
        return (
            FormDialog(
                parent,
                f"Tag {label}",
                [f("tag", "&Tag:", required=True, hint="a word, or aircraft:RA-82010 on a photo")],
            ),
            lambda v: editlib.add_tag(rid or "", v["tag"], label),
        )
    if action == "aircraft-tag":
        return (
            FormDialog(
                parent,
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
                parent,
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
                [("", "(no source recorded)")] + records(case, "source"),
                (rid or "") if rid and names.kind_of(case, rid) == "source" else "",
            ),
            f("note", "&Where it is reported:", "long"),
        ]
        return (
            FormDialog(parent, "Add Reported Flight", fields),
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
