"""The PDF case report."""

from casefile.report.pdf.build import ExportResult, build_report, render_report

__all__ = ["ExportResult", "build_report", "render_report"]
