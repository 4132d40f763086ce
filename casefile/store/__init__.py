"""The store: the only code that writes a case. Importing it registers every schema module.

`commit_staged`, `Acquisition`, `Ingested` (casefile.store.ingest) and `verify_case`, `VerifyReport`
(casefile.store.verify) are loaded on first use, so opening a case to read it does not load them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casefile.store import schema_core, schemas  # noqa: F401  (each registers its migrations)
from casefile.store.case import Case

if TYPE_CHECKING:
    from casefile.store.ingest import Acquisition, Ingested, commit_staged
    from casefile.store.verify import VerifyReport, verify_case

__all__ = ["Case", "Acquisition", "Ingested", "commit_staged", "VerifyReport", "verify_case"]


def __getattr__(name: str) -> object:
    if name in ("Acquisition", "Ingested", "commit_staged"):
        from casefile.store import ingest
        value = getattr(ingest, name)
    elif name in ("VerifyReport", "verify_case"):
        from casefile.store import verify
        value = getattr(verify, name)
    else:
        raise AttributeError(f"module 'casefile.store' has no attribute {name!r}")
    globals()[name] = value
    return value
