"""Cross-reference engine and timeline; the public API is `casefile.xref.query` (docs/interfaces.md)."""

from __future__ import annotations

from casefile.xref.query import findings, run_xref, timeline, update_xref

__all__ = ["findings", "run_xref", "timeline", "update_xref"]
