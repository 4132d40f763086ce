"""Where information came from: a source that cites or is derived from another, and the source a
record (item, reported flight, claim) came from. The cross-reference reads this to tell
independent corroboration from an article repeating itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from casefile.analyst.inputs import choice, clean_text, resolve_id
from casefile.errors import InvalidInput
from casefile.ids import new_id
from casefile.model.analyst import SOURCE_RELATIONS
from casefile.store.rows import IdRow, SourceRelationRow
from casefile.timeutil import now_z

if TYPE_CHECKING:
    from casefile.store import Case

#: cites: the source quotes or refers to the other; derived-from: it was made from the other
#: (a repost, a screenshot, a rewrite). Either way it is not independent of it.
RELATIONS = SOURCE_RELATIONS


class SourceRelation(NamedTuple):
    """This source cites, or is derived from, the other."""

    source_id: str
    other_id: str
    relation: str
    note: str | None

    def to_dict(self) -> dict[str, str | None]:
        return dict(self._asdict())


def relate_sources(case: Case, source_ref: str, other_ref: str, relation: str,
                   note: str | None = None) -> SourceRelation:
    """Record that a source cites, or is derived from, another (recording it again changes the note)."""
    sid = resolve_id(case, "sources", source_ref)
    oid = resolve_id(case, "sources", other_ref)
    rel = choice(relation, RELATIONS, "relation")
    if sid == oid:
        raise InvalidInput("a source cannot cite or derive from itself", field="relation")
    text = clean_text(note, "note")
    rows = case.select(IdRow, "SELECT id FROM source_relations WHERE source_id = ? AND other_id = ? "
                       "AND relation = ?", [sid, oid, rel])
    with case.transaction():
        if rows:
            case.update("source_relations", rows[0]["id"], {"note": text},
                        action="source-relation-edited")
        else:
            case.insert("source_relations", {"id": new_id(), "source_id": sid, "other_id": oid,
                                             "relation": rel, "note": text, "created_at": now_z(),
                                             "created_by": case.actor},
                        action="source-related")
    return SourceRelation(sid, oid, rel, text)


def unrelate_sources(case: Case, source_ref: str, other_ref: str, *, reason: str) -> None:
    """Say a source does not cite or derive from another after all, for a recorded reason."""
    sid = resolve_id(case, "sources", source_ref)
    oid = resolve_id(case, "sources", other_ref)
    rows = case.select(IdRow, "SELECT id FROM source_relations WHERE source_id = ? AND other_id = ?",
                       [sid, oid])
    if not rows:
        raise InvalidInput("no relation between these sources is recorded", field="relation")
    with case.transaction():
        for r in rows:
            case.delete("source_relations", r["id"], reason=reason)


def source_relations(case: Case) -> list[SourceRelation]:
    """Every recorded citing / derived-from relation, oldest first."""
    return [SourceRelation(r["source_id"], r["other_id"], r["relation"], r["note"])
            for r in case.select(SourceRelationRow, "SELECT * FROM source_relations ORDER BY id")]
