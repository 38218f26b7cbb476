"""What every spreadsheet this package writes shares: article text is never run as a formula,
and columns are wide enough to read (the coding sheets of ``validate`` and the take-away tables
of ``tables``)."""

from __future__ import annotations

#: A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: object) -> object:
    """Text a spreadsheet would run as a formula ("=HYPERLINK(...)") gets a leading apostrophe.

    >>> safe_text("=HYPERLINK(1)"), safe_text("Iran vowed revenge."), safe_text(3)
    ("'=HYPERLINK(1)", 'Iran vowed revenge.', 3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def finish_workbook(book, *, max_width: int, header_rows: int = 0) -> None:
    """Store every formula cell of ``book`` (an openpyxl workbook) as text, below the first
    ``header_rows`` rows, and size each column to its first 50 cells (10 to ``max_width``)."""
    for ws in book.worksheets:
        for row in ws.iter_rows(min_row=header_rows + 1):
            for cell in row:
                if cell.data_type == "f":  # article text is never a formula
                    cell.data_type = "s"
        for col in ws.columns:
            width = max(len(str(c.value or "")) for c in col[:50])
            ws.column_dimensions[col[0].column_letter].width = min(max(10, width + 2), max_width)
