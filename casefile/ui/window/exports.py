"""Exports from the window: the report (sections, marking, redaction), KML/GeoJSON/CSV/JSON, the
bundle, and verifying or opening a bundle. Each runs in a worker; each is in the custody log."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from casefile.errors import CasefileError
from casefile.report.context import REDACT_GROUPS, REDACTABLE, SECTIONS, ReportOptions
from casefile.store import Case
from casefile.ui.operations.runner import Changes, OpContext
from casefile.ui.window import launch

if TYPE_CHECKING:
    from casefile.ui.window.case import CaseWindow

SECTION_TITLES = {
    "summary": "Summary",
    "findings": "Findings",
    "sources": "Sources and grades",
    "photos": "Photos and checks",
    "flights": "Flights and maps",
    "timeline": "Timeline",
    "limitations": "Limitations",
    "custody": "Custody appendix",
    "methods": "Methods",
}
MARKINGS = ("UNMARKED", "TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")


REPORT_FORMATS = {"pdf": "PDF (signable, for court)", "docx": "DOCX (Word, editable copy)"}


def with_suffix(out: str, fmt: str) -> str:
    """The file name with the chosen format's extension (report.docx chosen as PDF: report.pdf)."""
    if not out.strip():
        return out
    p = Path(out)
    return str(p.with_suffix("." + fmt)) if p.suffix.lower() != "." + fmt else out


class ReportDialog(QDialog):
    """Which format, sections, marking, what to redact or leave out, and where to write it."""

    def __init__(self, parent: QWidget | None, default_out: str, fmt: str = "pdf") -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Report")
        form = QFormLayout(self)
        self.format = QComboBox()
        self.format.setAccessibleName("Report format")
        for key, text in REPORT_FORMATS.items():
            self.format.addItem(text, key)
        self.format.setCurrentIndex(max(self.format.findData(fmt), 0))
        self.format.currentIndexChanged.connect(self._format_changed)
        form.addRow("F&ormat:", self.format)
        grid = QGridLayout()
        self.sections: dict[str, QCheckBox] = {}
        for i, key in enumerate(SECTIONS):
            box = QCheckBox(SECTION_TITLES.get(key, key))
            box.setChecked(True)
            self.sections[key] = box
            grid.addWidget(box, i // 3, i % 3)
        form.addRow("Sections:", grid)
        self.marking = QLineEdit("UNMARKED")
        self.marking.setAccessibleName("Handling marking")
        self.marking.setPlaceholderText(" / ".join(MARKINGS))
        form.addRow("&Marking (every page):", self.marking)
        rgrid = QGridLayout()
        self.redact: dict[str, QCheckBox] = {}
        for i, key in enumerate((*REDACT_GROUPS, *REDACTABLE)):
            box = QCheckBox("who collected (all names)" if key == "collector" else key.replace("_", " "))
            self.redact[key] = box
            rgrid.addWidget(box, i // 4, i % 4)
        form.addRow("Redact:", rgrid)
        self.exclude = QCheckBox("Leave out items marked sensitive")
        form.addRow("", self.exclude)
        self.out = QLineEdit(default_out)
        self.out.setAccessibleName("Report file")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out)
        row.addWidget(browse)
        form.addRow("&File:", row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def fmt(self) -> str:
        return str(self.format.currentData())

    def _format_changed(self) -> None:
        self.out.setText(with_suffix(self.out.text(), self.fmt()))

    def path(self) -> Path:
        """Where the report goes: the extension always follows the chosen format."""
        return Path(with_suffix(self.out.text().strip(), self.fmt()))

    def _browse(self) -> None:
        fmt = self.fmt()
        out, _ = QFileDialog.getSaveFileName(self, "Report file", self.out.text(),
                                             f"{fmt.upper()} (*.{fmt})")
        if out:
            self.out.setText(with_suffix(out, fmt))

    def options(self) -> ReportOptions:
        """The chosen options (raises InvalidInput for an impossible choice)."""
        return ReportOptions(
            sections=tuple(k for k, b in self.sections.items() if b.isChecked()),
            marking=self.marking.text().strip() or "UNMARKED",
            redact=frozenset(k for k, b in self.redact.items() if b.isChecked()),
            exclude_sensitive=self.exclude.isChecked(),
        )


def report_op(out: Path, options: ReportOptions) -> Callable[[Case, OpContext], Changes]:
    def run(case: Case, ctx: OpContext) -> Changes:
        from casefile.report.exports import write_report  # heavy: only in the worker, when needed

        ctx.progress(0, 1, "writing the report")
        result = write_report(case, out, options)        # the writer follows the extension
        ctx.progress(1, 1, "done")
        return Changes(message=f"Report written to {out}", result=result)

    return run


def export_op(fmt: str, out: Path, what: str = "items") -> Callable[[Case, OpContext], Changes]:
    def run(case: Case, ctx: OpContext) -> Changes:
        from casefile.report.exports import export

        result = export(case, fmt, out, what=what)
        return Changes(
            message=f"{fmt.upper()} written to {out} ({result['records']} records)", result=result
        )

    return run


def bundle_op(out: Path) -> Callable[[Case, OpContext], Changes]:
    def run(case: Case, ctx: OpContext) -> Changes:
        from casefile.report.bundle import bundle_case

        ctx.progress(0, 1, "writing the bundle")
        result = bundle_case(case, out)
        return Changes(message=f"Bundle written to {out} ({result.members} files)", result=result)

    return run


def report_dialog(win: CaseWindow, fmt: str = "pdf") -> ReportDialog | None:
    if win.case is None:
        return None
    dlg = ReportDialog(win, str(Path.home() / f"{win.case.path.stem}-report.{fmt}"), fmt)

    def go() -> None:
        try:
            options = dlg.options()
        except CasefileError as exc:
            win.notify("Export Report", str(exc), error=True)
            return
        out = dlg.path()
        launch.run_op(win, f"Export report ({out.suffix[1:].upper()})", report_op(out, options))

    dlg.accepted.connect(go)
    dlg.open()
    return dlg


EXPORTS = {
    "kml": ("KML (Google Earth)", "*.kml"),
    "geojson": ("GeoJSON", "*.geojson"),
    "csv": ("CSV (evidence items)", "*.csv"),
    "json": ("JSON (evidence items)", "*.json"),
}


def export_dialog(win: CaseWindow, fmt: str) -> None:
    if win.case is None:
        return
    title, pattern = EXPORTS[fmt]
    out, _ = QFileDialog.getSaveFileName(
        win, f"Export {title}", str(Path.home() / f"{win.case.path.stem}.{fmt}"), f"{title} ({pattern})"
    )
    if out:
        out = with_suffix(out, fmt)
        launch.run_op(win, f"Export {fmt.upper()}", export_op(fmt, Path(out)))


def bundle_dialog(win: CaseWindow) -> None:
    if win.case is None:
        return
    out, _ = QFileDialog.getSaveFileName(
        win,
        "Bundle the case (everything, with its hashes)",
        str(Path.home() / f"{win.case.path.stem}.casebundle.zip"),
        "Case bundle (*.zip)",
    )
    if out:
        launch.run_op(win, "Bundle", bundle_op(Path(out)), cancellable=False)


def verify_bundle(win: CaseWindow, path: str) -> None:
    from casefile.report.bundle import verify_bundle as check

    def done(report: Any, error: str) -> None:
        if error:
            win.notify("Verify bundle", error, error=True)
            return
        problems = [p.message for p in report.problems]
        win.notify(
            "Verify bundle",
            f"{Path(path).name}: " + ("verified, intact" if report.ok else f"{len(problems)} problem(s)"),
            details="\n".join(problems),
            error=not report.ok,
        )

    win.statusBar().showMessage(f"Checking {Path(path).name}…")
    win.tasks.run(lambda: check(path), done)


def open_bundle(win: CaseWindow, path: str, dest: str) -> None:
    """Restore a bundle into a new folder, verify it, and open the restored case."""
    from casefile.report.bundle import unbundle

    def done(result: Any, error: str) -> None:
        if error:
            win.notify("Open bundle", error, error=True)
            return
        problems = [p["message"] for p in result["verify"]["problems"]]
        if result["verify"]["ok"]:
            win.open_case(result["path"])
            win.statusBar().showMessage(
                f"Restored {result['members']} files from {Path(path).name}; verified", 10000
            )
        else:
            win.notify(
                "Open bundle",
                f"The restored case failed verification ({len(problems)} problems); it was not opened.",
                details="\n".join(problems),
                error=True,
            )

    win.statusBar().showMessage(f"Restoring {Path(path).name}…")
    win.tasks.run(lambda: unbundle(path, dest), done)


def verify_bundle_dialog(win: CaseWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        win, "Verify a case bundle", str(Path.home()), "Case bundle (*.zip)"
    )
    if path:
        verify_bundle(win, path)


def open_bundle_dialog(win: CaseWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        win, "Open a case bundle", str(Path.home()), "Case bundle (*.zip)"
    )
    if not path:
        return
    dest = QFileDialog.getExistingDirectory(
        win, "Restore the case into (an empty folder)", str(Path.home())
    )
    if dest:
        open_bundle(win, path, str(Path(dest) / Path(path).name.split(".")[0]))
