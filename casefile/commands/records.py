"""Commands on entities, notes and tags, on an evidence item's own notes and sensitive flag, on a
photo's place and aircraft tags, and on reported flights."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from casefile.commands.base import TIME_HINT, ZONE_HINT, Applied, Command, param, ref, register
from casefile.model.analyst import ENTITY_KINDS

if TYPE_CHECKING:
    from casefile.model.analyst import Entity
    from casefile.store import Case


# ---- entities -----------------------------------------------------------------------------------
@register
@dataclass(frozen=True, kw_only=True)
class EntityAdd(Command):
    name = "entity.add"
    heading = "Add Entity"
    kind: str = param("&Kind:", input="choice", choices=ENTITY_KINDS, required=True)
    entity_name: str | None = param("&Name:")
    aliases: tuple[str, ...] = param("&Also known as:", hint="comma-separated", default=())
    ref: str | None = param("&Reference:", hint="aircraft: registration or hex; place: airport code")
    note: str | None = param("&Note:", input="long")

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.entities import add_entity
        e = add_entity(case, self.kind, self.entity_name or None, aliases=self.aliases,
                       ref=self.ref or None, note=self.note)
        return Applied(f"Add entity {ref(case, e.id)} {e.name}", e.id)


@register
@dataclass(frozen=True, kw_only=True)
class EntityAlias(Command):
    name = "entity.alias"
    heading = "Add an Alias"
    entity: str = param("Entity:", input="record", kind="entity", required=True, hidden=True)
    alias: str = param("&Also known as:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.entities import add_alias
        add_alias(case, self.entity, self.alias)
        return Applied(f"Add alias {self.alias!r} to entity {ref(case, self.entity)}", self.entity)


@register
@dataclass(frozen=True, kw_only=True)
class EntityDelete(Command):
    name = "entity.delete"
    heading = "Delete Entity"
    entity: str = param("Entity:", input="record", kind="entity", required=True, hidden=True)
    reason: str = param("&Why:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.entities import delete_entity
        label = ref(case, self.entity)
        delete_entity(case, self.entity, reason=self.reason)
        return Applied(f"Delete entity {label}")



class AlreadyAnEntity(Exception):
    """Raised by EntityAccept when an entity already stands for the mention: nothing is written, so
    no command is recorded (accepting twice records nothing new)."""

    def __init__(self, entity: Entity) -> None:
        super().__init__(f"{entity.name} is already an entity")
        self.entity = entity


@register
@dataclass(frozen=True, kw_only=True)
class EntityAccept(Command):
    """Record a mention suggested in a source's text (`source mentions`) as an entity."""

    name = "entity.accept"
    heading = "Accept Suggested Entity"
    mention: str = param("Suggested as:", required=True, hidden=True,
                         hint="airport, aircraft-type, registration, icao-hex, person, ...")
    value: str = param("&Value:", required=True)
    detail: str | None = param("Detail:", hidden=True)
    forms: tuple[str, ...] = param("As written:", hidden=True, default=())

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.entities import add_from_mention
        e, created = add_from_mention(case, {"kind": self.mention, "value": self.value,
                                             "detail": self.detail, "forms": list(self.forms)})
        if not created:
            raise AlreadyAnEntity(e)
        return Applied(f"Add entity {ref(case, e.id)} {e.name} (suggested {self.mention})", e.id)


# ---- notes and tags -----------------------------------------------------------------------------
@register
@dataclass(frozen=True, kw_only=True)
class NoteAdd(Command):
    name = "note.add"
    heading = "Add Note"
    target: str | None = param("About:", input="record", kind="any", hidden=True)
    text: str = param("&Note:", input="long", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.notes import add_note
        row = add_note(case, self.target, self.text)
        about = f" on {ref(case, row['target_id'])}" if row["target_id"] else " on the case"
        return Applied(f"Add note {ref(case, row['id'])}{about}", row["id"])


@register
@dataclass(frozen=True, kw_only=True)
class NoteEdit(Command):
    name = "note.edit"
    heading = "Edit Note"
    note: str = param("Note:", input="record", kind="note", required=True, hidden=True)
    text: str = param("&Note:", input="long", required=True)
    reason: str | None = param("&Why:")

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.notes import edit_note
        row = edit_note(case, self.note, self.text, reason=self.reason)
        return Applied(f"Edit note {ref(case, row['id'])}", row["id"])


@register
@dataclass(frozen=True, kw_only=True)
class NoteDelete(Command):
    name = "note.delete"
    heading = "Delete Note"
    note: str = param("Note:", input="record", kind="note", required=True, hidden=True)
    reason: str = param("&Why:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.notes import delete_note
        label = ref(case, self.note)
        delete_note(case, self.note, reason=self.reason)
        return Applied(f"Delete note {label}")


@register
@dataclass(frozen=True, kw_only=True)
class TagAdd(Command):
    """Tag an item, source, claim or entity ('aircraft:RA-82010' on a photo is its aircraft tag)."""

    name = "tag.add"
    heading = "Add Tag"
    target: str = param("Tagged:", input="record", kind="any", required=True, hidden=True)
    tag: str = param("&Tag:", required=True, hint="e.g. key-photo, or aircraft:RA-82010")

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.notes import add_tag
        row = add_tag(case, self.target, self.tag)
        return Applied(f"Tag {ref(case, row['target_id'])} {row['tag']!r}", row["target_id"])


@register
@dataclass(frozen=True, kw_only=True)
class TagRemove(Command):
    name = "tag.remove"
    heading = "Remove Tag"
    target: str = param("Tagged:", input="record", kind="any", required=True, hidden=True)
    tag: str = param("&Tag:", required=True)
    reason: str = param("&Why:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.notes import remove_tag, resolve_target
        _kind, target_id = resolve_target(case, self.target)
        remove_tag(case, self.target, self.tag, reason=self.reason)
        return Applied(f"Remove tag {self.tag!r} from {ref(case, target_id)}", target_id)


# ---- an evidence item's own fields ----------------------------------------------------------------
@register
@dataclass(frozen=True, kw_only=True)
class ItemEdit(Command):
    """An evidence item's analyst fields: its notes and whether it is sensitive (the file never changes)."""

    name = "item.edit"
    heading = "Edit File Details"
    item: str = param("File:", input="record", kind="item", required=True, hidden=True)
    notes: str | None = param("&Notes:", input="long")
    clear_notes: bool = param("&Clear the notes", input="flag", default=False)
    sensitive: bool | None = param("&Sensitive (left out of redacted reports)", input="flag")

    def apply(self, case: Case) -> Applied:
        from casefile.errors import InvalidInput
        item_id = case.resolve_item(self.item)["id"]
        changes: dict[str, str | int | None] = {}
        if self.clear_notes:
            changes["notes"] = None
        elif self.notes is not None:
            changes["notes"] = self.notes.strip() or None
        if self.sensitive is not None:
            changes["sensitive"] = int(self.sensitive)
        if not changes:
            raise InvalidInput("nothing to change (give notes or the sensitive flag)")
        with case.transaction():
            case.update("items", item_id, changes, action="edited", item_id=item_id)
        return Applied(f"Edit {ref(case, item_id)} ({', '.join(changes)})", item_id)


# ---- photos ------------------------------------------------------------------------------------
@register
@dataclass(frozen=True, kw_only=True)
class PhotoPlace(Command):
    """Where the analyst places a photo (both None: clear it); its capture time follows the place."""

    name = "photo.place"
    heading = "Place Photo"
    item: str = param("Photo:", input="record", kind="photo", required=True, hidden=True)
    lat: float | None = param("&Latitude:", input="number", hint="decimal degrees, e.g. 10.6012")
    lon: float | None = param("L&ongitude:", input="number", hint="decimal degrees, e.g. -66.9913")
    note: str | None = param("&How you know:")

    def apply(self, case: Case) -> Applied:
        from casefile.photos.edit import set_photo_location
        item_id = case.resolve_item(self.item)["id"]
        set_photo_location(case, item_id, self.lat, self.lon, self.note)
        where = (f"at {self.lat:.5f}, {self.lon:.5f}" if self.lat is not None and self.lon is not None
                 else "nowhere (place cleared)")
        return Applied(f"Place photo {ref(case, item_id)} {where}", item_id)


@register
@dataclass(frozen=True, kw_only=True)
class PhotoTag(Command):
    name = "photo.tag"
    heading = "Tag Photo with Aircraft"
    item: str = param("Photo:", input="record", kind="photo", required=True, hidden=True)
    aircraft: str = param("&Aircraft:", required=True, hint="registration, ICAO hex or type")

    def apply(self, case: Case) -> Applied:
        from casefile.photos.edit import tag_aircraft
        item_id = case.resolve_item(self.item)["id"]
        tag_aircraft(case, item_id, self.aircraft)
        return Applied(f"Tag photo {ref(case, item_id)} with aircraft {self.aircraft.strip().upper()}",
                       item_id)


@register
@dataclass(frozen=True, kw_only=True)
class PhotoUntag(Command):
    name = "photo.untag"
    heading = "Remove Aircraft Tag"
    item: str = param("Photo:", input="record", kind="photo", required=True, hidden=True)
    aircraft: str = param("&Aircraft:", required=True)
    reason: str = param("&Why:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.photos.edit import untag_aircraft
        item_id = case.resolve_item(self.item)["id"]
        untag_aircraft(case, item_id, self.aircraft, reason=self.reason)
        return Applied(f"Remove aircraft {self.aircraft.strip().upper()} from photo "
                       f"{ref(case, item_id)}", item_id)


# ---- reported flights ---------------------------------------------------------------------------
@register
@dataclass(frozen=True, kw_only=True)
class FlightAdd(Command):
    """A flight as a report states it (reported, not tracked)."""

    name = "flight.add"
    heading = "Add Reported Flight"
    aircraft: str = param("&Aircraft:", required=True, hint="registration, hex or type as reported")
    from_icao: str | None = param("&From:", hint="ICAO airport code, e.g. UUMU")
    to_icao: str | None = param("&To:", hint="ICAO airport code, e.g. SVMI")
    departed: str | None = param("&Departed:", hint=TIME_HINT)
    departed_tz: str | None = param("Departure &zone:", hint=ZONE_HINT)
    arrived: str | None = param("A&rrived:", hint=TIME_HINT)
    arrived_tz: str | None = param("Arrival z&one:", hint=ZONE_HINT)
    tz: str | None = param("Zone of &both times:", hint=ZONE_HINT)
    departed_window_h: float | None = param("Departure ± &hours:", input="number", hidden=True)
    arrived_window_h: float | None = param("Arrival ± h&ours:", input="number", hidden=True)
    source: str | None = param("&Source:", input="record", kind="source")
    note: str | None = param("&Note:")

    def apply(self, case: Case) -> Applied:
        from casefile.flights.reported import add_reported_flight

        def seconds(h: float | None) -> float | None:
            return None if h is None else h * 3600.0

        rf = add_reported_flight(case, aircraft=self.aircraft,
                                 from_icao=(self.from_icao or "").upper() or None,
                                 to_icao=(self.to_icao or "").upper() or None,
                                 departed=self.departed, arrived=self.arrived, tz=self.tz,
                                 departed_uncertainty_s=seconds(self.departed_window_h),
                                 arrived_uncertainty_s=seconds(self.arrived_window_h),
                                 departed_tz=self.departed_tz, arrived_tz=self.arrived_tz,
                                 source=self.source or None, note=self.note)
        return Applied(f"Add reported flight {ref(case, rf.id)} {rf.aircraft_ref} "
                       f"{rf.from_icao or '?'} → {rf.to_icao or '?'}", rf.id)


@register
@dataclass(frozen=True, kw_only=True)
class FlightEdit(Command):
    name = "flight.edit"
    heading = "Edit Reported Flight"
    flight: str = param("Flight:", input="record", kind="flight", required=True, hidden=True)
    aircraft: str | None = param("&Aircraft:")
    from_icao: str | None = param("&From:")
    to_icao: str | None = param("&To:")
    departed: str | None = param("&Departed:", hint=TIME_HINT)
    arrived: str | None = param("A&rrived:", hint=TIME_HINT)
    tz: str | None = param("&Zone of the times:", hint=ZONE_HINT)
    source: str | None = param("&Source:", input="record", kind="source")
    note: str | None = param("&Note:")
    reason: str | None = param("&Why:")

    def apply(self, case: Case) -> Applied:
        from casefile.errors import InvalidInput
        from casefile.flights.reported import edit_reported_flight
        changes = {k: v for k, v in (("aircraft", self.aircraft), ("from_icao", self.from_icao),
                                     ("to_icao", self.to_icao), ("departed", self.departed),
                                     ("arrived", self.arrived), ("source", self.source),
                                     ("note", self.note)) if v is not None}
        if not changes:
            raise InvalidInput("nothing to change (give the aircraft, an airport, a time, ...)")
        edit_reported_flight(case, self.flight, reason=self.reason, tz=self.tz, **changes)
        return Applied(f"Edit reported flight {ref(case, self.flight)} ({', '.join(changes)})",
                       self.flight)


@register
@dataclass(frozen=True, kw_only=True)
class FlightDelete(Command):
    name = "flight.delete"
    heading = "Delete Reported Flight"
    flight: str = param("Flight:", input="record", kind="flight", required=True, hidden=True)
    reason: str = param("&Why:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.flights.reported import delete_reported_flight
        label = ref(case, self.flight)
        delete_reported_flight(case, self.flight, reason=self.reason)
        return Applied(f"Delete reported flight {label}")
