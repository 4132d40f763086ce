"""Usage errors through the real entry point: the subcommand's own usage, required options
enforced with what to do, repeated options explained; nothing is written on a usage error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile.cli import main


@pytest.fixture
def case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["new", str(tmp_path / "u"), "--title", "usage"]) == 0
    capsys.readouterr()
    return str(tmp_path / "u.casefile")


def _events(case: str, capsys: pytest.CaptureFixture[str]) -> int:
    assert main(["log", case, "--json"]) == 0
    return len(json.loads(capsys.readouterr().out))


def test_claim_without_source_is_refused_with_the_subcommands_usage(case, capsys):
    before = _events(case, capsys)
    assert main(["claim", "add", case, "x"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Usage: casefile claim add [OPTIONS] CASE TEXT")
    last = err.strip().splitlines()[-1]
    assert last.startswith("casefile: error:") and "--source" in last and "source add" in last
    assert _events(case, capsys) == before


def test_a_second_value_after_a_repeatable_option_says_to_repeat_it(case, capsys):
    assert main(["source", "mentions", case, "S1", "--accept", "UUMU", "SVMI"]) == 2
    err = capsys.readouterr().err
    assert "Usage: casefile source mentions" in err
    assert "--accept A --accept B" in err.strip().splitlines()[-1]


def test_unknown_option_and_command(case, capsys):
    assert main(["items", case, "--bogus"]) == 2
    err = capsys.readouterr().err
    assert "Usage: casefile items" in err and "--bogus" in err
    assert main(["itemz"]) == 2
    assert "Did you mean 'items'" in capsys.readouterr().err


def test_help_of_a_subcommand_and_version(capsys):
    assert main(["claim", "add", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--source SOURCE" in out and "[required]" in out
    assert main(["claim"]) == 2                      # a group alone: its help, on stderr
    assert "link" in capsys.readouterr().err
