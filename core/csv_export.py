"""CSV for staff that is safe to open in a spreadsheet.

UTF-8 with BOM (so that the encoding is detected), semicolons, and every cell made safe: a cell
that starts with = + - @, also in their full-width forms (＝) or behind spaces and invisible
characters (a zero-width space and then =), or with any control character, is prefixed with a
quote, so it is never run as a formula.
"""

import csv
import io
import unicodedata

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@")


def _first_visible(text):
    for char in text:
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
            continue
        return unicodedata.normalize("NFKC", char)  # ＝ → =, ＋ → +, ﹦ → =
    return ""


def spreadsheet_safe(value):
    text = "" if value is None else str(value)
    if not text:
        return text
    starts_hidden = unicodedata.category(text[0]) in ("Cc", "Cf")
    if starts_hidden or _first_visible(text).startswith(FORMULA_STARTS):
        return "'" + text
    return text


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
