"""Importers: files enter the case here. Importing this package registers every importer module."""

import importlib
import pkgutil

_SKIP = {"registry", "pipeline", "sniff"}

for _mod in pkgutil.iter_modules(__path__):
    if _mod.name not in _SKIP and not _mod.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_mod.name}")
