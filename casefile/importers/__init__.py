"""Importers: files enter the case here. Importing this package registers every importer module."""

from casefile.importers import flights, generic, photo, webcapture  # noqa: F401  (each registers itself)
