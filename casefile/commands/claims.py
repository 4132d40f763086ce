"""Commands on claims: add, edit (text, window, place, grade, status, kind, aircraft, a transit's
leg), link and unlink
evidence, add or remove sources and entities, delete."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casefile.commands.base import TIME_HINT, ZONE_HINT, Applied, Command, param, ref, register
from casefile.model.analyst import CLAIM_KINDS, CLAIM_STATUSES, LINK_RELATIONS

if TYPE_CHECKING:
    from casefile.store import Case

GRADES = ("1", "2", "3", "4", "5", "6")
LEG_HINT = "a transit's leg: airport code or city"


@register
@dataclass(frozen=True, kw_only=True)
class ClaimAdd(Command):
    name = "claim.add"
    heading = "Add Claim"
    text: str = param("&Claim:", input="long", required=True)
    quoted: bool = param("&Quoted (the source's own words)", input="flag", default=False)
    sources: tuple[str, ...] = param("&Sources:", input="records", kind="source", default=())
    when: str | None = param("&When:", hint=TIME_HINT)
    start: str | None = param("&From:", hint=TIME_HINT)
    end: str | None = param("&Until:", hint=TIME_HINT)
    tz: str | None = param("&Zone:", hint=ZONE_HINT)
    about: bool = param("A&bout (the source says 'about' or 'around' the time: ±15 min)",
                        input="flag", default=False)
    place: str | None = param("&Place:", hint="airport code, lat,lon, city or country")
    credibility: str | None = param("&Credibility:", input="choice", choices=("", *GRADES))
    status: str = param("S&tatus:", input="choice", choices=CLAIM_STATUSES, default="unverified")
    kind: str = param("&Kind:", input="choice", choices=CLAIM_KINDS, default="other")
    aircraft: tuple[str, ...] = param("&Aircraft:", hint="registrations, hex codes or types, "
                                      "comma-separated", default=())
    leg_from: str | None = param("Leg f&rom:", hint=LEG_HINT)
    leg_to: str | None = param("Leg t&o:", hint=LEG_HINT)
    entities: tuple[str, ...] = param("&Entities:", input="records", kind="entity", default=())
    note: str | None = param("&Note:", input="long")

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.claims import add_claim
        c = add_claim(case, self.text, quoted=self.quoted, start=self.start, end=self.end,
                      when=self.when, tz=self.tz, approx=self.about, place_ref=self.place,
                      credibility=self.credibility or None, status=self.status, kind=self.kind,
                      aircraft_refs=self.aircraft, source_ids=self.sources,
                      entity_ids=self.entities, note=self.note, leg_from=self.leg_from,
                      leg_to=self.leg_to)
        return Applied(f"Add claim {ref(case, c.id)}", c.id,
                       uses=tuple(("sources", s) for s in c.source_ids))


@register
@dataclass(frozen=True, kw_only=True)
class ClaimEdit(Command):
    """Change a claim; a parameter left None keeps its value (`when` replaces start and end)."""

    name = "claim.edit"
    heading = "Edit Claim"
    claim: str = param("Claim:", input="record", kind="claim", required=True, hidden=True)
    text: str | None = param("&Claim:", input="long")
    quoted: bool | None = param("&Quoted", input="flag")
    when: str | None = param("&When:", hint=TIME_HINT)
    start: str | None = param("&From:", hint=TIME_HINT)
    end: str | None = param("&Until:", hint=TIME_HINT)
    tz: str | None = param("&Zone:", hint=ZONE_HINT)
    about: bool | None = param("A&bout (the source says 'about' or 'around' the time)", input="flag")
    place: str | None = param("&Place:")
    credibility: str | None = param("&Credibility:", input="choice", choices=GRADES)
    status: str | None = param("S&tatus:", input="choice", choices=CLAIM_STATUSES)
    kind: str | None = param("&Kind:", input="choice", choices=CLAIM_KINDS)
    aircraft: tuple[str, ...] | None = param("&Aircraft:", hint="replaces the aircraft, comma-separated")
    leg_from: str | None = param("Leg f&rom:", hint=LEG_HINT + "; empty clears it")
    leg_to: str | None = param("Leg t&o:", hint=LEG_HINT + "; empty clears it")
    note: str | None = param("&Note:", input="long")
    reason: str | None = param("&Why:")

    def changes(self) -> dict[str, Any]:
        given: dict[str, Any] = {"text": self.text, "quoted": self.quoted, "when": self.when,
                                 "start": self.start, "end": self.end, "place": self.place,
                                 "credibility": self.credibility, "status": self.status,
                                 "kind": self.kind, "note": self.note,
                                 "leg_from": self.leg_from, "leg_to": self.leg_to,
                                 "aircraft_refs": None if self.aircraft is None else list(self.aircraft)}
        out = {k: v for k, v in given.items() if v is not None}
        if self.about and {"when", "start", "end"} & out.keys():   # widens the times given
            out["approx"] = True
        return out

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.claims import edit_claim
        from casefile.errors import InvalidInput
        changes = self.changes()
        if not changes:
            raise InvalidInput("nothing to change (give the text, a time, a place, ...)")
        edit_claim(case, self.claim, changes, reason=self.reason, tz=self.tz)
        what = ", ".join("aircraft" if k == "aircraft_refs" else k for k in changes)
        return Applied(f"Edit claim {ref(case, self.claim)} ({what})", self.claim)


@register
@dataclass(frozen=True, kw_only=True)
class ClaimLink(Command):
    """Link an evidence item to a claim (linking again changes the relation and note)."""

    name = "claim.link"
    heading = "Link Evidence to a Claim"
    claim: str = param("&Claim:", input="record", kind="claim", required=True)
    item: str = param("&File:", input="record", kind="item", required=True)
    relation: str = param("&Relation:", input="choice", choices=LINK_RELATIONS, default="supports")
    note: str | None = param("&Note:")

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.claims import link
        lk = link(case, self.claim, self.item, self.relation, self.note)
        return Applied(f"Link {ref(case, lk.item_id)} to claim {ref(case, self.claim)} "
                       f"({lk.relation})", self.claim,
                       uses=(("claims", self.claim), ("items", lk.item_id)))


@register
@dataclass(frozen=True, kw_only=True)
class ClaimUnlink(Command):
    name = "claim.unlink"
    heading = "Unlink Evidence from a Claim"
    claim: str = param("&Claim:", input="record", kind="claim", required=True)
    item: str = param("&File:", input="record", kind="item", required=True)
    reason: str = param("&Why:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.claims import unlink
        item_id = case.resolve_item(self.item)["id"]
        unlink(case, self.claim, item_id, reason=self.reason)
        return Applied(f"Unlink {ref(case, item_id)} from claim {ref(case, self.claim)}", self.claim)


@register
@dataclass(frozen=True, kw_only=True)
class ClaimSources(Command):
    """Sources that also make this claim (the same claim from several sources stays one claim)."""

    name = "claim.sources"
    heading = "Add Sources to a Claim"
    claim: str = param("Claim:", input="record", kind="claim", required=True, hidden=True)
    sources: tuple[str, ...] = param("&Sources:", input="records", kind="source", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.claims import add_sources
        add_sources(case, self.claim, self.sources)
        return Applied(f"Add source {', '.join(ref(case, s) for s in self.sources)} to claim "
                       f"{ref(case, self.claim)}", self.claim,
                       uses=(("claims", self.claim), *(("sources", s) for s in self.sources)))


@register
@dataclass(frozen=True, kw_only=True)
class ClaimRemoveSource(Command):
    name = "claim.remove-source"
    heading = "Remove a Source from a Claim"
    claim: str = param("Claim:", input="record", kind="claim", required=True, hidden=True)
    source: str = param("&Source:", input="record", kind="source", required=True)
    reason: str = param("&Why:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.claims import remove_source
        remove_source(case, self.claim, self.source, reason=self.reason)
        return Applied(f"Remove source {ref(case, self.source)} from claim {ref(case, self.claim)}",
                       self.claim)


@register
@dataclass(frozen=True, kw_only=True)
class ClaimEntities(Command):
    name = "claim.entities"
    heading = "Add Entities to a Claim"
    claim: str = param("Claim:", input="record", kind="claim", required=True, hidden=True)
    entities: tuple[str, ...] = param("&Entities:", input="records", kind="entity", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.claims import add_entities
        add_entities(case, self.claim, self.entities)
        return Applied(f"Add entity {', '.join(ref(case, e) for e in self.entities)} to claim "
                       f"{ref(case, self.claim)}", self.claim,
                       uses=(("claims", self.claim), *(("entities", e) for e in self.entities)))


@register
@dataclass(frozen=True, kw_only=True)
class ClaimRemoveEntity(Command):
    name = "claim.remove-entity"
    heading = "Remove an Entity from a Claim"
    claim: str = param("Claim:", input="record", kind="claim", required=True, hidden=True)
    entity: str = param("&Entity:", input="record", kind="entity", required=True)
    reason: str = param("&Why:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.claims import remove_entity
        remove_entity(case, self.claim, self.entity, reason=self.reason)
        return Applied(f"Remove entity {ref(case, self.entity)} from claim {ref(case, self.claim)}",
                       self.claim)


@register
@dataclass(frozen=True, kw_only=True)
class ClaimDelete(Command):
    """Delete a claim and its links; undo brings back the same claim, reference and links."""

    name = "claim.delete"
    heading = "Delete Claim"
    claim: str = param("Claim:", input="record", kind="claim", required=True, hidden=True)
    reason: str = param("&Why:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.claims import delete_claim
        label = ref(case, self.claim)
        delete_claim(case, self.claim, reason=self.reason)
        return Applied(f"Delete claim {label}")
