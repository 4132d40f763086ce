"""The read API other parts use (see docs/interfaces.md, "Sources, claims, entities")."""

from __future__ import annotations

from typing import TYPE_CHECKING

# "x as x": the write API the window calls, the same functions the command line calls
from casefile.analyst.claims import add_claim as add_claim
from casefile.analyst.claims import add_entities as add_entities
from casefile.analyst.claims import add_sources as add_sources
from casefile.analyst.claims import claim_links, claims_of_item, get_claim, link, list_claims
from casefile.analyst.claims import delete_claim as delete_claim
from casefile.analyst.claims import edit_claim as edit_claim
from casefile.analyst.claims import remove_entity as remove_entity
from casefile.analyst.claims import remove_source as remove_source
from casefile.analyst.claims import unlink as unlink
from casefile.analyst.entities import add_alias as add_alias
from casefile.analyst.entities import add_entity as add_entity
from casefile.analyst.entities import delete_entity as delete_entity
from casefile.analyst.entities import find_entity, get_entity, list_entities
from casefile.analyst.mentions import MentionSummary, suggest_mentions, summarise
from casefile.analyst.notes import add_note as add_note
from casefile.analyst.notes import add_tag, aircraft_tags, notes, tagged, tags
from casefile.analyst.notes import delete_note as delete_note
from casefile.analyst.notes import remove_tag as remove_tag
from casefile.analyst.provenance import SourceRelation, source_relations
from casefile.analyst.provenance import relate_sources as relate_sources
from casefile.analyst.provenance import unrelate_sources as unrelate_sources
from casefile.analyst.restore import claim_snapshot as claim_snapshot
from casefile.analyst.restore import restore as restore
from casefile.analyst.restore import source_snapshot as source_snapshot
from casefile.analyst.search import search
from casefile.analyst.sources import add_archive_url as add_archive_url
from casefile.analyst.sources import add_source as add_source
from casefile.analyst.sources import attach_item as attach_item
from casefile.analyst.sources import capture_text, get_source, list_sources, source_items, sources_of_item
from casefile.analyst.sources import delete_source as delete_source
from casefile.analyst.sources import detach_item as detach_item
from casefile.analyst.sources import edit_source as edit_source
from casefile.analyst.sources import grade_source as grade_source

if TYPE_CHECKING:
    from casefile.store import Case

__all__ = ["list_sources", "get_source", "source_items", "sources_of_item", "capture_text",
           "list_claims", "get_claim", "claim_links", "claims_of_item", "list_entities",
           "get_entity", "find_entity", "tags", "tagged", "aircraft_tags", "notes", "search",
           "source_mentions", "add_tag", "link", "count_sources", "count_claims", "count_entities",
           "source_relations", "SourceRelation"]


def source_mentions(case: Case, source_id: str) -> list[MentionSummary]:
    """Suggested entity mentions in a source's title and its captures' text, one row per value."""
    src = get_source(case, source_id)
    found = []
    texts = [src.title or ""] + [ct["text"] if (ct := capture_text(case, i)) else ""
                                 for i in src.item_roles]
    for text in texts:
        found.extend(suggest_mentions(text))
    return summarise(found)


def count_sources(case: Case) -> int:
    """How many sources list_sources() gives (one COUNT query, cheap during an import)."""
    return case.db.table("sources").count


def count_claims(case: Case) -> int:
    """How many claims list_claims() gives (one COUNT query)."""
    return case.db.table("claims").count


def count_entities(case: Case) -> int:
    """How many entities list_entities() gives (one COUNT query)."""
    return case.db.table("entities").count
