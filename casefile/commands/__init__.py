"""Analyst edits as typed commands of the core, with undo and redo kept in the ledger.

The window, the command line and the tests submit the same commands:

    from casefile.commands import ClaimEdit, submit, undo
    done = submit(case, ClaimEdit(claim=claim_id, text="An-124 landed at 14:05"))
    undo(case)                       # the inverse, recorded as a command of its own

Each command is applied by the part that owns the record (base.py), recorded in the ledger with
its row events' before and after (history.py, docs/shapes.md §6), and derived data is brought up to
date before `submit` returns (fresh.py). Importing this package is cheap: the parts' modules load
when a command is applied.
"""

from casefile.commands.base import COMMANDS, Applied, Command, Param
from casefile.commands.claims import (
    ClaimAdd,
    ClaimDelete,
    ClaimEdit,
    ClaimEntities,
    ClaimLink,
    ClaimRemoveEntity,
    ClaimRemoveSource,
    ClaimSources,
    ClaimUnlink,
)
from casefile.commands.fresh import after_import
from casefile.commands.history import Done, Entry, Refused, can_redo, can_undo, history, redo, submit, undo
from casefile.commands.records import (
    AlreadyAnEntity,
    EntityAccept,
    EntityAdd,
    EntityAlias,
    EntityDelete,
    FlightAdd,
    FlightDelete,
    FlightEdit,
    ItemEdit,
    NoteAdd,
    NoteDelete,
    NoteEdit,
    PhotoPlace,
    PhotoTag,
    PhotoUntag,
    TagAdd,
    TagRemove,
)
from casefile.commands.sources import (
    SourceAdd,
    SourceArchive,
    SourceAttach,
    SourceDelete,
    SourceDetach,
    SourceEdit,
    SourceGrade,
    SourceRelate,
    SourceUnrelate,
)

__all__ = [
    "COMMANDS", "Applied", "Command", "Param", "Done", "Entry", "Refused", "submit", "undo", "redo",
    "history", "can_undo", "can_redo", "after_import",
    "ClaimAdd", "ClaimDelete", "ClaimEdit", "ClaimEntities", "ClaimLink", "ClaimRemoveEntity",
    "ClaimRemoveSource", "ClaimSources", "ClaimUnlink",
    "AlreadyAnEntity", "EntityAccept",
    "EntityAdd", "EntityAlias", "EntityDelete", "FlightAdd", "FlightDelete", "FlightEdit", "ItemEdit",
    "NoteAdd", "NoteDelete", "NoteEdit", "PhotoPlace", "PhotoTag", "PhotoUntag", "TagAdd", "TagRemove",
    "SourceAdd", "SourceArchive", "SourceAttach", "SourceDelete", "SourceDetach", "SourceEdit",
    "SourceGrade", "SourceRelate", "SourceUnrelate",
]
