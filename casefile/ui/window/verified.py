"""The status bar's word on integrity: this user's last verification of the open case (noted per
user, outside the case: verify writes nothing in it), whether the case has changed since, and a
Verify link when it was never verified here or has changed."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QLabel

from casefile.present.times import TimeDisplay
from casefile.store import Case, VerifyReport, verify_memory
from casefile.store.verify_memory import LastVerified

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


def show_last(label: QLabel, case: Case | None, td: TimeDisplay) -> None:
    """Show the open case's last verification (or that it was never verified here)."""
    if case is None:
        label.setText("")
        label.setToolTip("")
        label.setStyleSheet("")
        return
    _show(label, td, verify_memory.recall(case))


def _show(label: QLabel, td: TimeDisplay, last: LastVerified | None) -> None:
    text, style, tip = status_text(last, td.fmt(last.at) if last else "")
    label.setText(text)
    label.setStyleSheet(style)
    label.setToolTip(tip)


def note_verified(label: QLabel, case: Case | None, td: TimeDisplay, report: VerifyReport) -> None:
    """A whole-case verification has finished: note it for this user and show it."""
    if case is None:
        return
    now = datetime.now(UTC)
    noted = verify_memory.remember(case, report, at=now)
    last = verify_memory.recall(case) if noted else None
    if last is None:        # the config folder cannot be written: show this outcome all the same
        last = LastVerified(now.strftime("%Y-%m-%dT%H:%M:%SZ"), report.ok, len(report.problems),
                            report.fingerprint, changed_since=False)
    _show(label, td, last)
