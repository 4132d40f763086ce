"""The read API other parts use (see docs/interfaces.md, "Sources, claims, entities")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from casefile.analyst.claims import claim_links, claims_of_item, get_claim, link, list_claims
from casefile.analyst.entities import find_entity, get_entity, list_entities
from casefile.analyst.mentions import suggest_mentions, summarise
from casefile.analyst.notes import add_tag, aircraft_tags, notes, tagged, tags
from casefile.analyst.provenance import SourceRelation, source_relations
from casefile.analyst.search import search
from casefile.analyst.sources import capture_text, get_source, list_sources, source_items, sources_of_item

if TYPE_CHECKING:
    from casefile.store import Case

__all__ = ["list_sources", "get_source", "source_items", "sources_of_item", "capture_text",
           "list_claims", "get_claim", "claim_links", "claims_of_item", "list_entities",
           "get_entity", "find_entity", "tags", "tagged", "aircraft_tags", "notes", "search",
           "source_mentions", "add_tag", "link", "count_sources", "count_claims", "count_entities",
           "source_relations", "SourceRelation"]


def source_mentions(case: Case, source_id: str) -> list[dict[str, Any]]:
    """Suggested entity mentions in a source's title and its captures' text, one row per value."""
    src = get_source(case, source_id)
    found = []
    texts = [src.title or ""] + [(capture_text(case, i) or {}).get("text", "")
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
