"""The report as a PDF, through Qt's own PDF writer: no other dependency, and the same HTML as the export."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from compare.gui.qt import QPageSize, QPdfWriter, QTextDocument
from compare.model import CompareError, Comparison
from compare.report.html_report import render_html


def write_pdf_report(comparison: Comparison, path: Path) -> None:
    """The HTML report laid out by Qt's rich-text engine into an A4 PDF; written next to ``path`` and moved
    into place, so a failure never leaves half a file where a good one was."""
    handle, temp = tempfile.mkstemp(prefix=".nc-", suffix=".pdf", dir=path.parent)
    os.close(handle)
    try:
        writer = QPdfWriter(temp)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setTitle(f"Comparison: {comparison.base.title}")
        document = QTextDocument()
        document.setHtml(render_html(comparison))
        document.print_(writer)
        del writer  # closes the file
        if os.path.getsize(temp) == 0:
            raise CompareError(f"could not write the PDF {path.name}")
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
