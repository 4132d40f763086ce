"""What a selected id is and how a person names it ("S2 Reuters article", "P3 an124_apron.jpg")."""

from __future__ import annotations

from casefile.errors import CasefileError
from casefile.store import Case
from casefile.store.refs import all_refs, ref_of

#: record tables the window can select, and what each record is called
TABLES = (("items", "item"), ("sources", "source"), ("claims", "claim"), ("entities", "entity"),
          ("xref_findings", "finding"), ("reported_flights", "reported flight"), ("notes", "note"))
SHORT = 60


def kind_of(case: Case, rid: str) -> str | None:
    """Which kind of record an id is (ids are unique across tables), None when none has it."""
    for table, kind in TABLES:
        try:
            if case.rows(f"SELECT 1 FROM [{table}] WHERE id = ?", [rid]):
                return kind
        except CasefileError:
            continue
        except Exception:  # noqa: BLE001 - a table an older case lacks is just not this kind
            continue
    return None


def short(text: str | None, n: int = SHORT) -> str:
    """One line, at most n characters (with … when cut)."""
    t = " ".join((text or "").split())
    return t if len(t) <= n else t[: n - 1] + "…"


def ref(case: Case, rid: str | None) -> str:
    """The record's short reference (S2, C4, P3…) or "" when it has none."""
    return (ref_of(case, rid) or "") if rid else ""


def refs(case: Case) -> dict[str, str]:
    """Every record's short reference, by id."""
    return all_refs(case)


def title_of(case: Case, rid: str, kind: str | None = None) -> str:
    """A record's own name: a file name, a source title, a claim's text, an entity's name."""
    kind = kind or kind_of(case, rid)
    row: dict[str, object] = {}
    table = next((t for t, k in TABLES if k == kind), None)
    if table:
        got = case.rows(f"SELECT * FROM [{table}] WHERE id = ?", [rid])
        row = got[0] if got else {}
    if kind == "item":
        return str(row.get("original_name") or "unnamed file")
    if kind == "source":
        return short(str(row.get("title") or row.get("url") or row.get("publisher") or "untitled source"))
    if kind == "claim":
        return short(str(row.get("text") or ""))
    if kind == "entity":
        return str(row.get("name") or "")
    if kind == "finding":
        return f"{row.get('verdict', '')} {row.get('kind', '')}".strip()
    if kind == "reported flight":
        return f"{row.get('aircraft_ref') or ''} {row.get('from_icao') or '?'} → {row.get('to_icao') or '?'}"
    if kind == "note":
        return short(str(row.get("text") or ""))
    return "unknown record"


def label(case: Case, rid: str, kind: str | None = None) -> str:
    """Reference and name, as a person reads it: "C4 The An-124 landed at Caracas"."""
    r = ref(case, rid)
    name = title_of(case, rid, kind)
    return f"{r} {name}".strip() if r else name
