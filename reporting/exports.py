"""The progress report as files: XLSX (a sheet describing the report, then one per indicator) and CSV
(long format: indicator, dimension, value, count). Both are written from the same `Report` as the page."""

import io
import re

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from core.csv_export import writer
from results.breakdown import DIMENSIONS

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _put(sheet, row, column, value, bold=False):
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        # openpyxl stores text starting with "=" as a formula: a partner named "=HYPERLINK(…)" stays text.
        cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell


def scope_label(report):
    if report.partner:
        return report.names.label("partner", report.partner)
    return _("All partners")


def description(report):
    """The lines of the report's first sheet (and of the page's introduction)."""
    return [
        (_("Period"), f"{report.period.start.isoformat()} – {report.period.end.isoformat()}"),
        (_("Partners"), scope_label(report)),
        (_("Written"), timezone.localtime().strftime("%Y-%m-%d %H:%M")),
        (
            _("Source"),
            _("Computed from the site's own records (events, registrations, downloads, requests, pages, awards)."),
        ),
        (
            _("Example content"),
            _("Excluded: content flagged as an example and every figure drawn from it are not counted."),
        ),
        (
            _("Reading the tables"),
            _(
                "A record that belongs to several partners, countries, sectors or languages counts under each of "
                "them and once in the total; a record without a value counts under “Not recorded”."
            ),
        ),
    ]


def xlsx(report):
    """The report as XLSX bytes."""
    book = Workbook()
    about = book.active
    about.title = _sheet_title(_("Report"), set())
    _put(about, 1, 1, _("Progress report"), bold=True)
    row = 3
    for label, value in description(report):
        _put(about, row, 1, label, bold=True)
        _put(about, row, 2, value)
        row += 1
    row += 1
    for column, heading in enumerate((_("Indicator"), _("Total"), _("Unit")), start=1):
        _put(about, row, column, heading, bold=True)
    for indicator in report.indicators:
        row += 1
        _put(about, row, 1, str(indicator.label))
        _put(about, row, 2, indicator.total)
        _put(about, row, 3, str(indicator.unit))
    about.column_dimensions["A"].width = 28
    about.column_dimensions["B"].width = 60

    used = {about.title}
    for indicator in report.indicators:
        sheet = book.create_sheet(_sheet_title(str(indicator.label), used))
        _put(sheet, 1, 1, str(indicator.label), bold=True)
        _put(sheet, 2, 1, str(indicator.note))
        _put(sheet, 4, 1, _("Total"), bold=True)
        _put(sheet, 4, 2, indicator.total)
        row = 6
        for dimension, dimension_label in DIMENSIONS.items():
            _put(sheet, row, 1, str(dimension_label), bold=True)
            _put(sheet, row, 2, str(indicator.unit), bold=True)
            for line in report.lines(indicator, dimension):
                row += 1
                _put(sheet, row, 1, line.label)
                _put(sheet, row, 2, line.count)
            row += 2
        sheet.column_dimensions["A"].width = 50
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_title(title, used):
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the workbook."""
    base = _SHEET_FORBIDDEN.sub(" ", title).strip()[:31] or "Sheet"
    name, n = base, 2
    while name in used:
        suffix = f" {n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


class _Lines:
    def __init__(self):
        self.parts = []

    def write(self, value):
        self.parts.append(value)


def csv_text(report):
    """The report as CSV text, one number a line: indicator, dimension, value, count."""
    out = _Lines()
    rows = writer(out)
    # Stable column names and keys: the file is read by programs as well as people.
    rows.writerow(["indicator", "dimension", "value", "count"])
    for indicator, dimension, value, count in report.rows():
        rows.writerow([indicator.key, dimension, value, count])
    return "".join(out.parts)
