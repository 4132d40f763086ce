"""The status bar's word on integrity: this user's last verification of the open case (noted per
user, outside the case: verify writes nothing in it), whether the case has changed since, and a
Verify link when it was never verified here or has changed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from casefile.store import VerifyReport, verify_memory
from casefile.store.verify_memory import LastVerified

if TYPE_CHECKING:
    from casefile.ui.window.case import CaseWindow

PROBLEM_STYLE = "color: #c62828; font-weight: bold;"
NOTICE_STYLE = "color: #8a5a00;"
VERIFY_LINK = "<a href='verify'>Verify</a>"


def status_text(last: LastVerified | None, when: str) -> tuple[str, str, str]:
    """(rich text, style sheet, tooltip) for the status bar; `when` is `last.at` as shown."""
    if last is None:
        return (f"Not verified on this computer — {VERIFY_LINK}", NOTICE_STYLE,
                "Verification checks every original's SHA-256 and the custody ledger without "
                "changing the case. It has not been run on this case by you on this computer.")
    outcome = "intact" if last.ok else f"{last.problems} problem(s)"
    where = "" if last.here else ", recorded in the case by an older release"
    tip = (f"Verified {when}{where}: ledger head {last.fingerprint}. The note is kept on this "
           "computer, outside the case; verification never writes in the case.")
    if last.changed_since:
        return (f"Last verification: {outcome} ({when}), before later changes — {VERIFY_LINK}",
                NOTICE_STYLE if last.ok else PROBLEM_STYLE,
                tip + " The case has recorded changes since then.")
    return (f"Last verification: {outcome} ({when}{where})",
            "" if last.ok else PROBLEM_STYLE, tip)


def show_last(win: CaseWindow) -> None:
    """Show the open case's last verification (or that it was never verified here)."""
    label = win.status_verify
    if win.case is None:
        label.setText("")
        label.setToolTip("")
        label.setStyleSheet("")
        return
    _show(win, verify_memory.recall(win.case))


def _show(win: CaseWindow, last: LastVerified | None) -> None:
    label = win.status_verify
    text, style, tip = status_text(last, win.td.fmt(last.at) if last else "")
    label.setText(text)
    label.setStyleSheet(style)
    label.setToolTip(tip)


def note_verified(win: CaseWindow, report: VerifyReport) -> None:
    """A whole-case verification has finished: note it for this user and show it."""
    if win.case is None:
        return
    now = datetime.now(UTC)
    noted = verify_memory.remember(win.case, report, at=now)
    last = verify_memory.recall(win.case) if noted else None
    if last is None:        # the config folder cannot be written: show this outcome all the same
        last = LastVerified(now.strftime("%Y-%m-%dT%H:%M:%SZ"), report.ok, len(report.problems),
                            report.fingerprint, changed_since=False)
    _show(win, last)
