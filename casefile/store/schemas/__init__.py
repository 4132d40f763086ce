"""Schema modules of each part of Casefile; importing this package registers them all.

Each module here owns one migration group and its tables (one module per group, so parts of the
program never renumber each other's migrations).
"""

import importlib
import pkgutil

for _mod in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_mod.name}")
