"""Only the names casefile/xref/duplicates.py still imports from here; each lives in its home now.

To go once duplicates.py imports make_finding (xref.findings), tv_window (xref.windows) and
from_epoch (casefile.timeutil) itself.
"""

from __future__ import annotations

from casefile.timeutil import epoch_text as z
from casefile.xref.findings import make_finding
from casefile.xref.windows import tv_window

__all__ = ["make_finding", "tv_window", "z"]
