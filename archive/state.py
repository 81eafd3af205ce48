"""Archive mode: whether the site is an archive, since when, and where people turn instead.

When a project's funding ends, the site lives on as a record. One setting,
`ARCHIVE_MODE` (the date the site became an archive, e.g. `2027-03-31`), closes
every public form, turns events into a record of what happened and puts a dated
notice on every page; emptying it reopens everything. `ARCHIVE_CONTACT` (an
address, `https://…`, or an e-mail address) and `ARCHIVE_CONTACT_NAME` (how to
call it, e.g. "the Interreg 2 Seas programme") say where to turn instead.

The settings are read on every call, never remembered, so a test that overrides
them (or a process started with other values) sees them at once. The page cache
keeps them in its keys (`PAGE_CACHE_KEY_SETTINGS`), so a page stored while the
site was open is never served once it is an archive, or the other way round.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings

OFF_VALUES = {"", "0", "off", "false", "no"}
EMAIL = re.compile(r"^[^@\s/]+@[^@\s/]+\.[^@\s/]+$")


class InvalidArchiveDate(ValueError):
    pass


@dataclass(frozen=True)
class Archive:
    since: date
    contact_url: str
    contact_name: str

    @property
    def contact_label(self):
        """What the link to the contact says: its name, else the address (without mailto:)."""
        return self.contact_name or self.contact_url.removeprefix("mailto:")


def parse_since(value):
    """The archive date of `ARCHIVE_MODE`, None when it is off; InvalidArchiveDate otherwise."""
    text = str(value or "").strip()
    if text.lower() in OFF_VALUES:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InvalidArchiveDate(
            f"ARCHIVE_MODE must be empty (the site is open) or the date it became an archive (YYYY-MM-DD), not {text!r}"
        ) from exc


def contact_url(value):
    """An e-mail address becomes a mailto: link; anything else is kept as it was given."""
    text = str(value or "").strip()
    if EMAIL.match(text):
        return f"mailto:{text}"
    return text


def current():
    """The site's Archive, or None while it is open. An invalid date counts as open
    (the system check `archive.E001` refuses it before the site starts)."""
    try:
        since = parse_since(getattr(settings, "ARCHIVE_MODE", ""))
    except InvalidArchiveDate:
        return None
    if since is None:
        return None
    return Archive(
        since=since,
        contact_url=contact_url(getattr(settings, "ARCHIVE_CONTACT", "")),
        contact_name=str(getattr(settings, "ARCHIVE_CONTACT_NAME", "") or "").strip(),
    )


def is_archived():
    return current() is not None
