"""Schema modules of each part of Casefile; importing this package registers them all.

Each module here owns one migration group and its tables (one module per group, so parts of the
program never renumber each other's migrations).
"""

from casefile.store.schemas import analyst, flights, photos, refs, xref  # noqa: F401  (each registers itself)
