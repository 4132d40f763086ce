"""CSV and JSON exports of evidence items and cross-reference findings."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from casefile.report.gather import findings
from casefile.store import Case

ITEM_COLUMNS = ("id", "kind", "original_name", "mime", "size", "sha256", "md5", "created_at",
                "importer", "sensitive", "notes", "acquisitions", "first_acquired_at",
                "first_acquired_by", "first_method", "first_original_path", "first_source_url")
FINDING_COLUMNS = ("id", "kind", "verdict", "confidence", "explanation", "item_ids", "inputs",
                   "assumptions")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def item_records(case: Case, *, exclude_sensitive: bool = False) -> list[dict[str, Any]]:
    """Every item with all its acquisitions."""
    out = []
    for it in case.items():
        if exclude_sensitive and it["sensitive"]:
            continue
        acqs = [{k: a[k] for k in ("id", "acquired_at", "acquired_by", "method", "original_path",
                                   "source_url", "original_mtime", "note")}
                for a in case.acquisitions(it["id"])]
        out.append({**{k: it[k] for k in ("id", "kind", "original_name", "mime", "size", "sha256",
                                          "md5", "created_at", "importer", "notes")},
                    "sensitive": bool(it["sensitive"]), "acquisitions": acqs})
    return out


def finding_records(case: Case, *, exclude_sensitive: bool = False) -> list[dict[str, Any]]:
    """Stored cross-reference findings (recomputed when the case is writable)."""
    hidden = {i["id"] for i in case.items() if i["sensitive"]} if exclude_sensitive else set()
    return [f.to_dict() for f in findings(case) if not hidden & set(f.item_ids)]


def _cell(value: Any) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, (dict, list, tuple)):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def to_csv(records: list[dict[str, Any]], what: str) -> bytes:
    """CSV (UTF-8 with BOM so spreadsheet programs detect the encoding)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    cols = ITEM_COLUMNS if what == "items" else FINDING_COLUMNS
    w.writerow(cols)
    for r in records:
        row = dict(r)
        if what == "items":
            first = (r["acquisitions"] or [{}])[0]
            row["acquisitions"] = len(r["acquisitions"])
            for k in ("acquired_at", "acquired_by", "method", "original_path", "source_url"):
                row["first_" + k] = first.get(k)
        w.writerow([_cell(row.get(c)) for c in cols])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_json(records: list[dict[str, Any]], what: str, case: Case) -> bytes:
    doc = {"case_id": case.meta().get("case_id"), "title": case.title, "what": what,
           "count": len(records), what: records}
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")
