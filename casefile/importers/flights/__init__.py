"""Flight-record importers; importing this package registers every format module."""

from casefile.importers.flights import readsb  # noqa: F401
