"""Only the name casefile/cli/xref.py still imports from here (last_run lives in casefile.xref.query).

To go once cli/xref.py imports from casefile.xref.query.
"""

from __future__ import annotations

from casefile.xref.query import last_run

__all__ = ["last_run"]
