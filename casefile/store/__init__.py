"""The store: the only code that writes a case. Importing it registers every schema module."""

from casefile.store import schema_core, schemas  # noqa: F401  (each registers its migrations)
from casefile.store.case import Case
from casefile.store.ingest import Acquisition, Ingested, commit_staged
from casefile.store.verify import VerifyReport, verify_case

__all__ = ["Case", "Acquisition", "Ingested", "commit_staged", "VerifyReport", "verify_case"]
