"""Commands on sources: add, edit, grade, archive link, attach/detach an item, relate, delete."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from casefile.commands.base import TIME_HINT, ZONE_HINT, Applied, Command, param, ref, register
from casefile.model.analyst import RELIABILITY, SOURCE_ITEM_ROLES, SOURCE_KINDS

if TYPE_CHECKING:
    from casefile.store import Case

RELATIONS = ("cites", "derived-from")


@register
@dataclass(frozen=True, kw_only=True)
class SourceAdd(Command):
    name = "source.add"
    heading = "Add Source"
    title: str = param("&Title:", required=True)
    kind: str = param("&Kind:", input="choice", choices=SOURCE_KINDS, default="news-article")
    url: str | None = param("&Address (URL):", hint="https://…")
    publisher: str | None = param("&Publisher:")
    author: str | None = param("A&uthor:")
    published: str | None = param("P&ublished:", hint=TIME_HINT)
    published_tz: str | None = param("Published &zone:", hint=ZONE_HINT)
    published_basis: str | None = param("Published time's basis:", hidden=True)
    collected: str | None = param("&Collected:", hint="when you saw it (empty: now)")
    collected_by: str | None = param("Collected &by:", hint="empty: you")
    reliability: str | None = param("&Reliability:", input="choice", choices=("", *RELIABILITY))
    rationale: str | None = param("Reliability &because:")
    archive_urls: tuple[str, ...] = param("&Archive links:", hint="comma-separated", default=())
    items: tuple[tuple[str, str], ...] = param("Files (item, role):", input="records", kind="item",
                                               hidden=True, default=())
    note: str | None = param("&Note:", input="long")

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.sources import add_source
        s = add_source(case, kind=self.kind, url=self.url, title=self.title,
                       publisher=self.publisher, author=self.author, published=self.published,
                       published_tz=self.published_tz, published_basis=self.published_basis,
                       collected=self.collected, collected_by=self.collected_by,
                       reliability=self.reliability or None, rationale=self.rationale,
                       archive_urls=self.archive_urls, items=self.items, note=self.note)
        return Applied(f"Add source {ref(case, s.id)} {s.title or ''}".strip(), s.id)


@register
@dataclass(frozen=True, kw_only=True)
class SourceEdit(Command):
    """Change text fields of a source; a field left None keeps its value."""

    name = "source.edit"
    heading = "Edit Source"
    source: str = param("Source:", input="record", kind="source", required=True, hidden=True)
    title: str | None = param("&Title:")
    kind: str | None = param("&Kind:", input="choice", choices=SOURCE_KINDS)
    url: str | None = param("&Address (URL):")
    publisher: str | None = param("&Publisher:")
    author: str | None = param("A&uthor:")
    published: str | None = param("P&ublished:", hint=TIME_HINT)
    collected: str | None = param("&Collected:", hint=TIME_HINT)
    collected_by: str | None = param("Collected &by:")
    tz: str | None = param("&Zone of the times:", hint=ZONE_HINT)
    note: str | None = param("&Note:", input="long")
    reason: str | None = param("&Why:")

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.sources import edit_source
        changes = {k: v for k, v in (("title", self.title), ("kind", self.kind), ("url", self.url),
                                     ("publisher", self.publisher), ("author", self.author),
                                     ("published", self.published), ("collected", self.collected),
                                     ("collected_by", self.collected_by), ("note", self.note))
                   if v is not None}
        edit_source(case, self.source, changes, reason=self.reason, tz=self.tz)
        return Applied(f"Edit source {ref(case, self.source)} ({', '.join(changes) or 'nothing'})",
                       self.source)


@register
@dataclass(frozen=True, kw_only=True)
class SourceGrade(Command):
    name = "source.grade"
    heading = "Grade Source"
    source: str = param("Source:", input="record", kind="source", required=True, hidden=True)
    grade: str = param("&Reliability:", input="choice", choices=tuple(RELIABILITY), required=True)
    rationale: str | None = param("&Because:")

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.sources import grade_source
        grade_source(case, self.source, self.grade, self.rationale)
        return Applied(f"Grade source {ref(case, self.source)} as {self.grade.upper()}", self.source)


@register
@dataclass(frozen=True, kw_only=True)
class SourceArchive(Command):
    name = "source.archive"
    heading = "Add Archive Link"
    source: str = param("Source:", input="record", kind="source", required=True, hidden=True)
    url: str = param("Archive &address:", required=True, hint="https://web.archive.org/…")

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.sources import add_archive_url
        add_archive_url(case, self.source, self.url)
        return Applied(f"Add an archive link to source {ref(case, self.source)}", self.source)


@register
@dataclass(frozen=True, kw_only=True)
class SourceAttach(Command):
    name = "source.attach"
    heading = "Attach File to Source"
    source: str = param("&Source:", input="record", kind="source", required=True)
    item: str = param("&File:", input="record", kind="item", required=True)
    role: str = param("&Role:", input="choice", choices=SOURCE_ITEM_ROLES, default="capture")

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.sources import attach_item
        item_id = case.resolve_item(self.item)["id"]
        attach_item(case, self.source, item_id, self.role)
        return Applied(f"Attach {ref(case, item_id)} to source {ref(case, self.source)} as "
                       f"{self.role}", self.source, uses=(("sources", self.source), ("items", item_id)))


@register
@dataclass(frozen=True, kw_only=True)
class SourceDetach(Command):
    name = "source.detach"
    heading = "Detach File from Source"
    source: str = param("&Source:", input="record", kind="source", required=True)
    item: str = param("&File:", input="record", kind="item", required=True)
    reason: str = param("&Why:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.sources import detach_item
        item_id = case.resolve_item(self.item)["id"]
        detach_item(case, self.source, item_id, reason=self.reason)
        return Applied(f"Detach {ref(case, item_id)} from source {ref(case, self.source)}",
                       self.source, uses=(("sources", self.source), ("items", item_id)))


@register
@dataclass(frozen=True, kw_only=True)
class SourceRelate(Command):
    """This source cites, or is derived from, another (so the two are not independent)."""

    name = "source.relate"
    heading = "Relate Sources"
    source: str = param("&This source:", input="record", kind="source", required=True)
    relation: str = param("&Relation:", input="choice", choices=RELATIONS, required=True)
    other: str = param("&That source:", input="record", kind="source", required=True)
    note: str | None = param("&Note:")

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.provenance import relate_sources
        r = relate_sources(case, self.source, self.other, self.relation, self.note)
        return Applied(f"Source {ref(case, r.source_id)} {r.relation.replace('-', ' ')} source "
                       f"{ref(case, r.other_id)}", r.source_id,
                       uses=(("sources", r.source_id), ("sources", r.other_id)))


@register
@dataclass(frozen=True, kw_only=True)
class SourceUnrelate(Command):
    name = "source.unrelate"
    heading = "Unrelate Sources"
    source: str = param("&This source:", input="record", kind="source", required=True)
    other: str = param("&That source:", input="record", kind="source", required=True)
    reason: str = param("&Why:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.provenance import unrelate_sources
        unrelate_sources(case, self.source, self.other, reason=self.reason)
        return Applied(f"Source {ref(case, self.source)} no longer related to source "
                       f"{ref(case, self.other)}", self.source)


@register
@dataclass(frozen=True, kw_only=True)
class SourceDelete(Command):
    """Delete a source and its links (never the evidence); undo brings back the same source."""

    name = "source.delete"
    heading = "Delete Source"
    source: str = param("Source:", input="record", kind="source", required=True, hidden=True)
    reason: str = param("&Why:", required=True)

    def apply(self, case: Case) -> Applied:
        from casefile.analyst.sources import delete_source
        label = ref(case, self.source)
        delete_source(case, self.source, reason=self.reason)
        return Applied(f"Delete source {label}")
