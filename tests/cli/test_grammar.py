"""The command line's grammar: noun groups (`photo list|show|tag|place`), one way to take back what
a command added (`--remove` with `--reason`), fixed words checked as choices before anything runs,
and the old spellings (`photos`, `photo CASE P3`, `photo-tag`, `photo-place`, `claim unlink`,
`tag remove`) still working but hidden from --help and docs/cli.md."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from casefile.cli import load_commands, main
from casefile.cli.base import Choice, cli


@pytest.fixture
def case(tmp_path: Path, corpora: Path) -> Path:
    path = tmp_path / "g.casefile"
    assert main(["new", str(path), "--title", "Grammar"]) == 0
    photos = sorted((corpora / "exif-samples").rglob("*.jpg"))[:2]
    assert main(["add", str(path), *map(str, photos)]) == 0
    return path


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    capsys.readouterr()
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_photo_noun_group_and_its_old_spellings_answer_alike(case: Path, capsys) -> None:
    listed = _json(capsys, "photo", "list", str(case))
    assert _json(capsys, "photos", str(case)) == listed
    shown = _json(capsys, "photo", "show", str(case), "P1")
    old = _json(capsys, "photo", str(case), "P1")
    assert shown == old and shown["ref"] == "P1"     # type: ignore[index]


def test_tag_and_place_are_taken_back_with_remove_and_a_reason(case: Path, capsys) -> None:
    tagged = _json(capsys, "photo", "tag", str(case), "P1", "RA-82010")
    assert "RA-82010" in tagged["aircraft_tags"]     # type: ignore[index]
    assert main(["photo", "tag", str(case), "P1", "RA-82010", "--remove"]) == 2   # no reason
    assert "--reason" in capsys.readouterr().err
    untagged = _json(capsys, "photo", "tag", str(case), "P1", "RA-82010", "--remove", "--reason", "typo")
    assert "RA-82010" not in untagged["aircraft_tags"]     # type: ignore[index]
    old = _json(capsys, "photo-tag", str(case), "P1", "RA-82011")
    assert "RA-82011" in old["aircraft_tags"]    # type: ignore[index]
    placed = _json(capsys, "photo", "place", str(case), "P2", "10.6", "-66.99")
    assert placed["gps"]["source"] == "analyst"     # type: ignore[index]
    cleared = _json(capsys, "photo", "place", str(case), "P2", "--remove")
    assert cleared["gps"] is None or cleared["gps"]["source"] != "analyst"   # type: ignore[index]
    assert main(["photo-place", str(case), "P2", "10.6", "-66.99"]) == 0
    assert main(["tag", "add", str(case), "P1", "staged", "odd"]) == 0
    gone = _json(capsys, "tag", "add", str(case), "P1", "staged", "--remove", "--reason", "wrong photo")
    assert [r["tag"] for r in gone["removed"]] == ["staged"]     # type: ignore[index]
    assert main(["tag", "remove", str(case), "P1", "odd", "--reason", "old spelling"]) == 0


def test_fixed_words_are_choices_checked_before_the_command_runs(case: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["entity", "add", str(case), "vehicle", "X"]) == 2
    err = capsys.readouterr().err
    assert "'vehicle' is not one of" in err and "aircraft" in err and "Usage:" in err
    assert main(["entity", "add", str(case), "org", "Rossiya"]) == 0      # the core's own alias
    assert _json(capsys, "entity", "list", str(case), "--kind", "ORGANISATION")[0]["kind"] == "organisation"  # type: ignore[index]
    assert main(["items", str(case), "--kind", "flights-records"]) == 2
    assert len(_json(capsys, "items", str(case), "--kind", "photo")) == 2  # type: ignore[arg-type]


def test_old_spellings_are_hidden_and_every_choice_is_a_click_choice() -> None:
    load_commands()
    hidden = {n for n, c in cli.commands.items() if c.hidden}
    assert {"photos", "photo-tag", "photo-place"} <= hidden
    claim = cli.commands["claim"]
    tag = cli.commands["tag"]
    assert isinstance(claim, click.Group) and isinstance(tag, click.Group)
    assert claim.commands["unlink"].hidden and tag.commands["remove"].hidden
    for name in ("kind", "status", "role", "relation"):
        for path, cmd in _walk(cli):
            for p in cmd.params:
                if p.name == name and not isinstance(p.type, click.Choice):
                    pytest.fail(f"casefile {' '.join(path)} {name} is free text, not a choice")


def test_every_item_kind_an_importer_makes_is_a_choice() -> None:
    from casefile.cli.core_cmds import ITEM_KINDS
    from casefile.importers.registry import all_importers

    assert {i.kind for i in all_importers()} <= set(ITEM_KINDS)
    assert Choice(ITEM_KINDS, {"flight": "flight-record"}).convert("Flight", None, None) == "flight-record"


def _walk(group: click.Group, path: tuple[str, ...] = ()):
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from _walk(cmd, (*path, name))
        else:
            yield (*path, name), cmd
