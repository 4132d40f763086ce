"""The claim forms of the window (add, status, credibility, text, window, links, sources, entities)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from casefile.analyst import query as analyst
from casefile.model.analyst import CLAIM_KINDS, CLAIM_STATUSES, CREDIBILITY, LINK_RELATIONS
from casefile.ui import names
from casefile.ui.forms.choices import TIME_HINT, ZONE_HINT, Build, one_of, pairs, records
from casefile.ui.forms.dialog import Field, FormDialog, none_if_empty, split_list
from casefile.ui.operations import editlib
from casefile.ui.operations.edits import Edit

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from casefile.store import Case

NO_SOURCE = "-no-source-yet-"    # chosen on purpose, unlike an empty choice
ACTIONS = ("add-claim", "status", "credibility", "edit-claim", "claim-window", "claim-link",
           "claim-sources", "claim-entities")


def claim_form(case: Case, parent: QWidget, action: str, rid: str | None,
               label: str) -> tuple[FormDialog, Build] | None:
    """The form for one claim action (None when the action is not about a claim)."""
    f = Field
    if action == "add-claim":
        return _claim_form(case, parent, rid, label)
    if action == "status":
        c = analyst.get_claim(case, rid or "")
        fields = [
            f("status", "&Status:", "choice", pairs(CLAIM_STATUSES), c.status),
            f("reason", "&Reason:", "long", required=True, hint="what settled it (kept in the log)"),
        ]
        return (
            FormDialog(parent, f"Status of {label}", fields),
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
            FormDialog(parent, f"Credibility of {label}", fields),
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
            f("kind", "&Kind:", "choice", pairs(CLAIM_KINDS), c.kind),
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

        return FormDialog(parent, f"Edit {label}", fields), edit_claim
    if action == "claim-window":
        c = analyst.get_claim(case, rid or "")
        fields = [
            f("start", "&From:", value=c.window_start.raw or "", hint=TIME_HINT),
            f("end", "&To:", value=c.window_end.raw or "", hint=TIME_HINT),
            f("tz", "&Zone:", value=c.window_start.zone or "", hint=ZONE_HINT),
        ]
        return (
            FormDialog(
                parent,
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
                one_of(case, "claim", "(no claims yet)"),
                (rid or "") if kind == "claim" else "",
            ),
            f(
                "item",
                "&Evidence file:",
                "choice",
                one_of(case, "item", "(no files yet)"),
                (rid or "") if kind == "item" else "",
            ),
            f("relation", "&This file…", "choice", pairs(LINK_RELATIONS)),
            f("note", "&Note:"),
        ]
        return (
            FormDialog(parent, "Link evidence to a claim", fields),
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
                parent,
                f"Sources of {label}",
                [f("source", "&Source:", "choice", one_of(case, "source", "(no sources yet)"))],
                intro="A source that makes (reports, cites) this claim.",
            ),
            lambda v: editlib.claim_sources(rid or "", [v["source"]], label),
        )
    if action == "claim-entities":
        return (
            FormDialog(
                parent,
                f"Entities in {label}",
                [f("entity", "&Entity:", "choice", one_of(case, "entity", "(no entities yet)"))],
            ),
            lambda v: editlib.claim_entities(rid or "", [v["entity"]], label),
        )
    return None


def _claim_form(case: Case, parent: QWidget, rid: str | None, label: str) -> tuple[FormDialog, Build]:
    f = Field
    from_source = rid if rid and names.kind_of(case, rid) == "source" else ""
    fields = [
        f("text", "&Claim (in your words):", "long", required=True),
        f("kind", "&Kind:", "choice", pairs(CLAIM_KINDS), "other"),
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
        f("source", "&Source:", "choice",
          [("", "(choose the source that makes it)")] + records(case, "source")
          + [(NO_SOURCE, "no source yet (the claim is listed under problems until it has one)")],
          from_source),
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
                "source_ids": [v["source"]] if v["source"] not in ("", NO_SOURCE) else [],
            },
            names.shorten(v["text"], 40),
        )

    def check(v: dict[str, str]) -> str | None:
        if not v["source"]:
            return ("Choose the source that makes this claim (Records ▸ Add Source records one), "
                    "or choose 'no source yet': the claim is then listed under problems until it has one.")
        return None

    return FormDialog(parent, "Add Claim", fields, check=check), build


def delete_claim(claim_id: str, reason: str, label: str) -> Edit:
    """Delete a claim for a reason; undo puts the same claim back (same reference, same links)."""

    def go(case: Any) -> Any:
        rows = analyst.claim_snapshot(case, claim_id)
        analyst.delete_claim(case, claim_id, reason=reason)
        return rows

    def back(case: Any, rows: Any) -> None:
        analyst.restore(case, rows, reason=editlib.UNDO_REASON)

    return Edit(f"Delete {label}", go, back)
