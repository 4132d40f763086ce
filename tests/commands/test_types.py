"""Every analyst edit the issue names is a registered, typed command whose parameters say how a
person is asked for them; a command's parameters go to the ledger as JSON and come back equal."""

from __future__ import annotations

import dataclasses
import json

from casefile import commands
from casefile.commands import COMMANDS, Command, Param

#: add, edit, delete of sources, claims, entities, notes, tags and reported flights; linking and
#: unlinking evidence; grading; relating sources; a photo's place; aircraft tags
EXPECTED = {
    "source.add", "source.edit", "source.delete", "claim.add", "claim.edit", "claim.delete",
    "entity.add", "entity.alias", "entity.delete", "note.add", "note.edit", "note.delete",
    "tag.add", "tag.remove", "flight.add", "flight.edit", "flight.delete", "claim.link",
    "claim.unlink", "source.attach", "source.detach", "source.grade", "source.relate",
    "source.unrelate", "photo.place", "photo.tag", "photo.untag", "item.edit",
}


def test_every_edit_is_a_registered_frozen_command() -> None:
    assert EXPECTED <= set(COMMANDS)
    for name, cls in COMMANDS.items():
        assert cls.name == name and cls.heading
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen   # type: ignore[attr-defined]
        assert getattr(commands, cls.__name__) is cls, f"{cls.__name__} is not exported"
        for fname, p in cls.fields():
            assert isinstance(p, Param) and p.label, (name, fname)
            assert p.input != "choice" or p.choices, (name, fname)


def test_parameters_survive_the_ledger_as_json() -> None:
    from casefile.commands import ClaimAdd, PhotoPlace, SourceAdd

    for cmd in (ClaimAdd(text="An-124 landed", sources=("S1",), aircraft=("RA-82010",)),
                PhotoPlace(item="P3", lat=10.6, lon=-66.99, note="apron"),
                SourceAdd(title="Wire", items=(("D1", "capture"),))):
        params = json.loads(json.dumps(cmd.params()))
        again: Command = type(cmd)(**{k: tuple(tuple(x) if isinstance(x, list) else x for x in v)
                                        if isinstance(v, list) else v for k, v in params.items()})
        assert again == cmd
