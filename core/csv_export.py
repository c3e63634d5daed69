"""CSV for staff that is safe to open in a spreadsheet.

UTF-8 with BOM (so that the encoding is detected), semicolons, and every cell made safe: a cell
that starts with = + - @ (or a tab or carriage return) is prefixed with a quote, so it is never
run as a formula.
"""

import csv
import io

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_csv(columns, rows):
    """CSV text; `columns` are (title, value(row)) pairs."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([title for title, _value in columns])
    for row in rows:
        writer.writerow([spreadsheet_safe(value(row)) for _title, value in columns])
    return buffer.getvalue()


def csv_response(text, filename):
    """The CSV text as a download."""
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
