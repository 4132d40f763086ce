"""The command reference (docs/cli.md) cannot drift from the commands: the generated block must equal
what the commands say now, and every `casefile ...` line in the README and elsewhere in docs/cli.md
must name real commands and options (and not promise several values after an option that takes
one). The README is a manual: the generated reference is not in it."""

from __future__ import annotations

from pathlib import Path

from casefile.cli import reference

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
CLI_DOC = ROOT / "docs" / "cli.md"


def test_reference_block_is_what_the_commands_say() -> None:
    text = CLI_DOC.read_text(encoding="utf-8")
    assert reference.replace_block(text) == text, (
        "docs/cli.md's command reference is out of date: run python -m casefile.cli.reference "
        "--write docs/cli.md")


def test_the_readme_is_a_manual_that_points_at_the_reference() -> None:
    text = README.read_text(encoding="utf-8")
    assert reference.BEGIN not in text and reference.END not in text
    assert "docs/cli.md" in text
    assert reference.main(["--check", str(README)]) == 0


def test_every_command_line_in_the_readme_and_reference_is_real() -> None:
    assert reference.check(README.read_text(encoding="utf-8")) == []
    assert reference.check(CLI_DOC.read_text(encoding="utf-8")) == []


def test_the_check_catches_what_the_issue_found() -> None:
    bad = ("```\ncasefile source mentions CASE SOURCE --accept VALUE...   # x\n"
           "casefile claim ad CASE TEXT\ncasefile items CASE --kinds photo\n```\n")
    problems = reference.check(bad)
    assert any("--accept takes one value" in p for p in problems)
    assert any("no command 'ad'" in p for p in problems)
    assert any("no option --kinds" in p for p in problems)
    ok = "```\ncasefile entity add CASE person NAME [--alias A]... [--ref REF]\n```\n"
    assert reference.check(ok) == []


def test_every_command_is_in_the_reference() -> None:
    block = reference.markdown()
    for path, _ in reference._commands(reference.cli):
        assert f"casefile {' '.join(path)} [OPTIONS]" in block, path
