"""Personal data held by the platform: consent, retention, export and erasure.

Every app that stores personal data (event registrations, publication orders…)
registers a *source* here, usually in its AppConfig.ready()::

    from privacy import personal_data

    personal_data.register(
        personal_data.Source(
            label="events.registration",
            name=_("event registrations"),        # what the admin calls them
            description="Registrations for events",
            export=lambda email: [...],          # list of dicts, JSON-serialisable
            erase=lambda email: count,           # anonymise or delete; returns how many records
            anonymise_expired=lambda now: count, # records past their retention period
        )
    )

A source's `anonymise_expired` must reach every record in the end: when the page
a record was collected for (an event, a publication) has been deleted, the
retention period counts from the record's own date instead.

`manage.py personal_data export|erase|anonymise-expired` then works across every
source (run anonymise-expired daily from cron). Consent given through a public
form is stored with its timestamp and the version of the text shown
(`CONSENT_VERSION`); change the version whenever the text changes.

Settings, all optional:

- ``PERSONAL_DATA_RETENTION_DAYS`` (default 180): how long personal details are
  kept after the activity they were collected for (e.g. after the event); then
  they are anonymised and only counts remain.
- ``PERSONAL_DATA_CONTACT`` (default ""): an address people can write to about
  their data; shown with the consent text when set.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _

DEFAULT_RETENTION_DAYS = 180

# Bump whenever CONSENT_TEXT changes, so stored consents say which text was agreed to.
CONSENT_VERSION = "2026-1"


def retention_days():
    return int(getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def retention_period():
    return timedelta(days=retention_days())


def consent_text():
    """The consent text shown beside a form's consent checkbox, in the active language."""
    from django.utils.translation import gettext

    text = gettext(
        "I agree that STEPS stores the details I give here to handle my request and to contact me about it. "
        "They are not shared with anyone else and are anonymised %(days)s days after the activity. "
        "I can ask for a copy of them or for their erasure at any time."
    ) % {"days": retention_days()}
    contact = getattr(settings, "PERSONAL_DATA_CONTACT", "")
    if contact:
        text += " " + gettext("Write to %(contact)s.") % {"contact": contact}
    return text


CONSENT_LABEL = _("I agree to the processing of my personal data described above.")


@dataclass(frozen=True)
class Source:
    """How to find, export and anonymise one kind of record about a person."""

    label: str
    name: str
    description: str
    export: callable
    erase: callable
    anonymise_expired: callable


def records_source(*, label, name, description, records, email_field, exported, blanked, dated_by="created_at"):
    """A source for records that each hold one person's e-mail address in `email_field`.

    `records()` gives the queryset (with what `exported` reads already joined);
    `exported(record)` is one record's export; erasure deletes the person's records; past the
    retention period (counted from `dated_by`) the fields of `blanked` take their blank values,
    so only the count remains.
    """

    def of(email):
        return records().filter(**{f"{email_field}__iexact": (email or "").strip()})

    def export(email):
        return [exported(record) for record in of(email)]

    def erase(email):
        count, _details = of(email).delete()
        return count

    def anonymise_expired(now):
        expired = records().filter(**{f"{dated_by}__lt": now - retention_period()})
        return expired.exclude(**{email_field: ""}).update(**blanked)

    return Source(label, name, description, export=export, erase=erase, anonymise_expired=anonymise_expired)


_sources = {}


def register(source):
    _sources[source.label] = source
    return source


def sources():
    return [_sources[label] for label in sorted(_sources)]


def name_of(label):
    """The translated name of the source with this label, for messages to people."""
    source = _sources.get(label)
    return str(source.name) if source else label


def normalise_email(email):
    return (email or "").strip().lower()


def export(email):
    """{source label: [records]} for one person, found by email address."""
    email = normalise_email(email)
    return {source.label: list(source.export(email)) for source in sources()}


def erase(email):
    """Erase (or anonymise, where counts must be kept) one person's records; {label: count}."""
    email = normalise_email(email)
    return {source.label: source.erase(email) for source in sources()}


def anonymise_expired(now=None):
    """Anonymise every record past its retention period; {label: count}."""
    from django.utils import timezone

    now = now or timezone.now()
    return {source.label: source.anonymise_expired(now) for source in sources()}
