"""What commands print: piped tables are never wrapped nor read as markup, and the import progress
bar shows files per second and the time left (computed from the clock it is given)."""

from __future__ import annotations

import io

from rich.console import Console

from casefile.cli.output import print_table
from casefile.cli.progress import ImportProgress


def test_piped_tables_are_never_cut_or_read_as_markup(capsys) -> None:
    long = "x" * 58 + "[bold]not markup[/bold]"
    print_table([("P1", "a [so] b"), ("P22", long)], ["REF", "TEXT"], max_width=200)
    out = capsys.readouterr().out
    assert "a [so] b" in out and long in out
    assert out.splitlines()[0].split() == ["REF", "TEXT"]


def test_progress_shows_rate_and_time_left() -> None:
    now = [100.0]
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=120, color_system=None)
    with ImportProgress("importing", console=console, clock=lambda: now[0]) as progress:
        now[0] += 4.0
        progress(20, 100)                  # 20 files in 4 s: 5 files/s, 80 left: 16 s
        console.print(progress._bar.get_renderable())
    text = buf.getvalue()
    assert "20/100" in text and "5.0 files/s" in text and "0:16 left" in text


def test_progress_is_silent_when_not_a_terminal() -> None:
    buf = io.StringIO()
    with ImportProgress("importing", console=Console(file=buf, force_terminal=False)) as progress:
        progress(1, 2)
    assert buf.getvalue() == "" and not progress.enabled
