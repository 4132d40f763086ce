"""sqlite_utils, loaded without numpy, so a command that does not use numpy does not wait for it.

sqlite_utils imports numpy (when it is installed) only to map numpy scalar types to column types
when it creates a table from Python values. The case never does: every table is created by a
migration's SQL and rows are written with SQL, so nothing changes, and numpy (most of the library's
import time, about 0.1-0.2 s) is loaded by the parts that use it, where they use it. Imported first
by `casefile.store`; when numpy or sqlite_utils is already loaded this does nothing.
"""

from __future__ import annotations

import sys

if "sqlite_utils" not in sys.modules:
    _blocked = [m for m in ("numpy", "pandas") if m not in sys.modules]
    for _name in _blocked:
        sys.modules[_name] = None  # type: ignore[assignment]   # makes `import numpy` fail at once
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for _name in _blocked:
            if sys.modules.get(_name, 0) is None:
                del sys.modules[_name]
