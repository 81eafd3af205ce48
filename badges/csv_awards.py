"""Reading a CSV file of recipients for awarding one badge to many people.

The file's first row names the columns (in any order, any case): `name`, `email`
and `evidence` are required; `evidence_links` (addresses separated by spaces),
`language` (en, fr or nl) and `valid_until` (YYYY-MM-DD) are optional. Commas,
semicolons and tabs are recognised as separators (spreadsheets in French and
Dutch save with semicolons), UTF-8 with or without a byte-order mark.

Every row is checked before anything is saved, and each problem is reported with
its row number; the awards are then made in one transaction (issuing.award_many),
so a file with any wrong row saves nothing. The standard library's csv module
reads the file (a reader needs no defusing: nothing is evaluated); cells that the
site's own CSV exports neutralised against formulas are read back as they were
(core.csv_export.restore), so an exported attendance list can be uploaded as it is.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from core.csv_export import restore

REQUIRED = ("name", "email", "evidence")
OPTIONAL = ("evidence_links", "language", "valid_until")
MAX_BYTES = 1024 * 1024
MAX_ROWS = 1000


@dataclass
class Reading:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (row number, message); row 0: the whole file

    @property
    def ok(self):
        return not self.errors and bool(self.rows)


def _reader(text):
    """A csv reader over `text` and its header, with the separator that gives the required columns."""
    try:
        sniffed = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        sniffed = ","
    for delimiter in dict.fromkeys([sniffed, ",", ";", "\t"]):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = [cell.strip().lower() for cell in next(reader, [])]
        if all(column in header for column in REQUIRED):
            break
    return reader, header


def _row(cells, number, default_language, errors):
    def problem(message):
        errors.append((number, message))

    name, email, evidence = cells.get("name", ""), cells.get("email", ""), cells.get("evidence", "")
    if not name:
        problem(_("the name is empty"))
    elif len(name) > 200:
        problem(_("the name is longer than 200 characters"))
    try:
        validate_email(email)
    except ValidationError:
        problem(_("“%(value)s” is not an e-mail address") % {"value": email[:100]})
    if not evidence:
        problem(_("the evidence is empty"))
    links = cells.get("evidence_links", "").split()
    for link in links:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            problem(_("“%(value)s” is not a web address") % {"value": link[:100]})
    language = cells.get("language", "").lower() or default_language
    if language not in dict(settings.LANGUAGES):
        problem(_("“%(value)s” is not one of the site's languages") % {"value": language[:20]})
    valid_until = None
    if cells.get("valid_until"):
        try:
            day = datetime.strptime(cells["valid_until"], "%Y-%m-%d").date()
        except ValueError:
            problem(_("“%(value)s” is not a date written YYYY-MM-DD") % {"value": cells["valid_until"][:20]})
        else:
            valid_until = timezone.make_aware(datetime.combine(day, time(23, 59, 59)))
            if valid_until <= timezone.now():
                problem(_("the expiry date %(value)s is already past") % {"value": day.isoformat()})
    return {
        "recipient_name": name,
        "recipient_email": email,
        "evidence_narrative": evidence,
        "evidence_links": "\n".join(links),
        "language": language,
        "valid_until": valid_until,
    }


def read(data, default_language):
    """The rows of an uploaded file (bytes), or the errors that stop it being used."""
    reading = Reading()
    if len(data) > MAX_BYTES:
        reading.errors.append((0, _("The file is larger than 1 MB.")))
        return reading
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        reading.errors.append((0, _("The file is not in UTF-8: save it as “CSV UTF-8” and try again.")))
        return reading
    try:
        reader, header = _reader(text)
        missing = [column for column in REQUIRED if column not in header]
        if missing:
            reading.errors.append(
                (1, _("Columns missing from the first row: %(columns)s") % {"columns": ", ".join(missing)})
            )
            return reading
        seen = set()
        for number, values in enumerate(reader, start=2):
            if not any(value.strip() for value in values):
                continue
            if len(reading.rows) >= MAX_ROWS:
                reading.errors.append((number, _("More than %(count)s rows: split the file.") % {"count": MAX_ROWS}))
                break
            cells = {
                column: restore(value.strip())
                for column, value in zip(header, values, strict=False)
                if column in REQUIRED + OPTIONAL
            }
            row = _row(cells, number, default_language, reading.errors)
            address = row["recipient_email"].lower()
            if address in seen:
                reading.errors.append((number, _("%(value)s is on an earlier row too") % {"value": address[:100]}))
            seen.add(address)
            reading.rows.append(row)
    except csv.Error as error:
        reading.errors.append((0, _("The file cannot be read as CSV: %(error)s") % {"error": error}))
    if not reading.rows and not reading.errors:
        reading.errors.append((0, _("The file has no recipients.")))
    return reading
