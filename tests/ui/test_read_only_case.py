"""The window on a case that cannot be written (read-only media: see tests/store/media.py for the
real mount): opened read-only, saying why in its title and status bar, refusing changes."""

from __future__ import annotations

from pathlib import Path

from casefile.store import Case, access


def test_read_only_media_opens_read_only_and_says_why(win, tmp_path: Path, monkeypatch) -> None:
    made = Case.create(tmp_path / "dvd", "Burned to a DVD")
    path = made.path
    made.close()
    reason = "it is on a read-only file system (a write-blocked drive, a DVD, a read-only share or mount)"
    real = access.why_read_only
    monkeypatch.setattr(access, "why_read_only",
                        lambda d: reason if Path(d) == path else real(d))
    assert win.open_case(path)
    assert not win.case.writable and "[read-only]" in win.windowTitle()
    assert "read-only file system" in win.status_path.text()
    assert "Opened read-only" in win.messages[-1][1] and "damaged" not in win.messages[-1][1]
    assert not (path / "case.lock").exists() or (path / "case.lock").stat().st_size == 0
    win.close_case()
