"""The window's edit forms, declared as data: each action names the core command it submits, the
parameters it asks for, what the selected record gives and what an edit shows first.

`form(case, parent, action, record_id)` builds one (window/edit_form.py opens it) so tests can fill
it and press OK the way a person would; `FORMS` lists every action the menus, the Details panel
and the context menus offer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from casefile.analyst import query as analyst
from casefile.commands import (
    ClaimAdd,
    ClaimDelete,
    ClaimEdit,
    ClaimEntities,
    ClaimLink,
    ClaimSources,
    EntityAdd,
    EntityAlias,
    FlightAdd,
    NoteAdd,
    PhotoPlace,
    PhotoTag,
    SourceAdd,
    SourceArchive,
    SourceAttach,
    SourceDelete,
    SourceEdit,
    SourceGrade,
    SourceRelate,
    TagAdd,
)
from casefile.ui import names
from casefile.ui.forms.choices import records
from casefile.ui.forms.commandform import NONE_CHOSEN, Build, FormSpec, Values, build_form
from casefile.ui.forms.dialog import FormDialog
from casefile.ui.views.records import seen_aircraft

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from casefile.store import Case


def _is(kind: str, param: str) -> Any:
    """The selected record as `param` when it is of this kind (a source, a claim, an item)."""
    def given(case: Case, rid: str | None) -> Values:
        return {param: rid} if rid and names.kind_of(case, rid) == kind else {}
    return given


def _rid(param: str) -> Any:
    def given(_case: Case, rid: str | None) -> Values:
        return {param: rid}
    return given


def _source(case: Case, rid: str | None) -> Values:
    s = analyst.get_source(case, rid or "")
    return {"title": s.title, "kind": s.kind, "url": s.url, "publisher": s.publisher,
            "author": s.author, "grade": s.reliability or "F", "rationale": s.reliability_rationale}


def _claim(case: Case, rid: str | None) -> Values:
    c = analyst.get_claim(case, rid or "")
    return {"text": c.text, "kind": c.kind, "place": c.place_icao or c.place_text,
            "aircraft": c.aircraft_refs, "status": c.status,
            "credibility": str(c.credibility or 6), "start": c.window_start.raw or "",
            "end": c.window_end.raw or "", "tz": c.window_start.zone}


def _capture(case: Case, rid: str | None) -> Values:
    return {"items": ((rid, "capture"),)} if rid and names.kind_of(case, rid) == "item" else {}


def _seen(case: Case, rid: str | None) -> Values:
    """An aircraft seen in the tracks, as the entity that would adopt it."""
    seen = seen_aircraft(case, rid)
    return {"kind": "aircraft", "entity_name": seen.name, "ref": seen.ref,
            "aliases": seen.aliases} if seen else {}


def _seen_intro(case: Case, rid: str | None) -> str:
    seen = seen_aircraft(case, rid)
    return (f"{seen.name} was seen in the tracks ({seen.seen_in}). As an entity of your own it "
            "can be linked to claims and noted; the tracks stay as they are." if seen else "")


def _named(v: dict[str, str]) -> str | None:
    return None if v["entity_name"] or v["ref"] else "Give a name or a reference."


def _latlon(v: dict[str, str]) -> str | None:
    try:
        lat, lon = float(v["lat"]), float(v["lon"])
    except ValueError:
        return "Latitude and longitude are decimal numbers (e.g. 10.6012, -66.9913)."
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return "Latitude is -90..90 and longitude -180..180."
    return None


#: "No source yet", chosen on purpose for a new claim (the claim is then listed under problems).
NO_SOURCE = NONE_CHOSEN


def _claim_sources(case: Case) -> list[tuple[str, str]]:
    return ([("", "(choose the source that makes it)")] + records(case, "source")
            + [(NO_SOURCE, "no source yet (the claim is listed under problems until it has one)")])


def _source_chosen(v: dict[str, str]) -> str | None:
    if not v["sources"]:
        return ("Choose the source that makes this claim (Records ▸ Add Source records one), "
                "or choose 'no source yet': the claim is then listed under problems until it has one.")
    return None


_DELETE = ("Delete {label}? Its links go with it; the evidence files stay. The custody log keeps "
           "everything that was deleted, and Undo puts it back as it was.")

#: Every edit form of the window, by the action name menus and links use.
FORMS: dict[str, FormSpec] = {
    # sources
    "add-source": FormSpec(SourceAdd, ask=("title", "kind", "url", "publisher", "author", "published",
                                           "published_tz", "reliability", "rationale", "archive_urls"),
                           given=_capture, text="Add source"),
    "grade": FormSpec(SourceGrade, ask=("grade", "rationale"), title="Grade {label}",
                      given=_rid("source"), current=_source, required=("rationale",)),
    "edit-source": FormSpec(SourceEdit, ask=("title", "kind", "url", "publisher", "author"),
                            title="Edit {label}", given=_rid("source"), current=_source,
                            only_changed=True),
    "archive": FormSpec(SourceArchive, title="Archive link for {label}", given=_rid("source")),
    "attach": FormSpec(SourceAttach, ask=("source", "item", "role"), title="Attach a file to a source",
                       current=lambda c, r: {**_is("source", "source")(c, r), **_is("item", "item")(c, r)}),
    "relate": FormSpec(SourceRelate, title="Sources that are not independent",
                       intro="A source that cites or is derived from another does not corroborate it.",
                       current=_is("source", "source"),
                       check=lambda v: "Choose two different sources." if v["source"] == v["other"]
                       else None),
    "delete-source": FormSpec(SourceDelete, title="Delete source", intro=_DELETE, given=_rid("source"),
                              text="Delete {label}"),
    # claims
    "add-claim": FormSpec(ClaimAdd, ask=("text", "kind", "start", "end", "tz", "place", "aircraft",
                                         "credibility", "sources"),
                          current=_is("source", "sources"), text="Add claim",
                          labels={"text": "&Claim (in your words):", "sources": "&Source:"},
                          choices={"sources": _claim_sources}, check=_source_chosen),
    "status": FormSpec(ClaimEdit, ask=("status", "reason"), title="Status of {label}",
                       given=_rid("claim"), current=_claim, required=("reason",),
                       text="Set the status of {label}"),
    "credibility": FormSpec(ClaimEdit, ask=("credibility", "reason"), title="Credibility of {label}",
                            given=_rid("claim"), current=_claim, text="Grade the credibility of {label}"),
    "edit-claim": FormSpec(ClaimEdit, ask=("text", "kind", "place", "aircraft"), title="Edit {label}",
                           given=_rid("claim"), current=_claim, only_changed=True),
    "claim-window": FormSpec(ClaimEdit, ask=("start", "end", "tz"), title="Time window of {label}",
                             intro="The times as the source gives them, and the zone they are in. "
                                   "Left empty, an end is 'not stated'.",
                             given=_rid("claim"), current=_claim, only_changed=True, always=("tz",),
                             text="Change the window of {label}"),
    "claim-link": FormSpec(ClaimLink, title="Link evidence to a claim",
                           current=lambda c, r: {**_is("claim", "claim")(c, r), **_is("item", "item")(c, r)}),
    "claim-sources": FormSpec(ClaimSources, title="Sources of {label}", given=_rid("claim"),
                              intro="A source that makes (reports, cites) this claim.",
                              labels={"sources": "&Source:"}),
    "claim-entities": FormSpec(ClaimEntities, title="Entities in {label}", given=_rid("claim"),
                               labels={"entities": "&Entity:"}),
    "delete-claim": FormSpec(ClaimDelete, title="Delete claim", intro=_DELETE, given=_rid("claim"),
                             text="Delete {label}"),
    # entities, notes, tags
    "add-entity": FormSpec(EntityAdd, ask=("kind", "entity_name", "ref", "aliases"), check=_named),
    "adopt-aircraft": FormSpec(EntityAdd, ask=("kind", "entity_name", "ref", "aliases"), check=_named,
                               title="Adopt an aircraft seen in the tracks", current=_seen,
                               intro=_seen_intro, text="Adopt {label} as an entity"),
    "alias": FormSpec(EntityAlias, title="Alias of {label}", given=_rid("entity")),
    "note": FormSpec(NoteAdd, title="Note on {label}", given=_rid("target"),
                     intro="Kept exactly as written, with your name and the time, in the custody log."),
    "tag": FormSpec(TagAdd, title="Tag {label}", given=_rid("target")),
    # photos and flights
    "aircraft-tag": FormSpec(PhotoTag, title="Aircraft in {label}", given=_rid("item")),
    "place-photo": FormSpec(PhotoPlace, title="Place {label}", given=_rid("item"),
                            intro="Or right-click the map where the photo was taken.",
                            required=("lat", "lon"), check=_latlon),
    "reported-flight": FormSpec(FlightAdd, ask=("aircraft", "from_icao", "to_icao", "departed",
                                                "arrived", "departed_tz", "arrived_tz", "source",
                                                "note"),
                                current=_is("source", "source"),
                                labels={"source": "&Reported by:", "note": "&Where it is reported:"}),
}
FORMS["attach-to-source"] = FORMS["attach"]


def form(case: Case, parent: QWidget, action: str, rid: str | None) -> tuple[FormDialog, Build] | None:
    """The form for an action on a record, and how its values become an Edit (None: no form)."""
    spec = FORMS.get(action)
    if spec is None:
        return None
    return build_form(case, parent, spec, rid)
