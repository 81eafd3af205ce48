"""Records people leave on the site: registrations for an event."""

import factory
from django.utils import timezone


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration for `event` (an EventPage): `RegistrationFactory(event=page)`.

    Rows written directly, as a fixture: a test of the registration form itself posts to it.
    """

    class Meta:
        model = "events.Registration"
        exclude = ["event"]

    event = None
    roster = factory.LazyAttribute(lambda registration: _roster(registration.event))
    language = factory.LazyAttribute(lambda registration: registration.event.locale.language_code)
    name = factory.Sequence(lambda n: f"Registrant {n}")
    email = factory.Sequence(lambda n: f"registrant-{n}@example.org")
    organisation = "Example College"
    sector = "education"
    consent_at = factory.LazyFunction(timezone.now)
    consent_version = "1"


def _roster(event):
    from events.models import Roster

    if event is None:
        raise ValueError("RegistrationFactory needs event=<an EventPage>")
    return Roster.for_event(event)


def badge_issuer(partner, settings=None, key_dir=None):
    """Make `partner` a badge issuer with a signing key, as `manage.py badge_keys create` does.
    Pass pytest-django's `settings` and a `key_dir` (tmp_path) to keep the key out of the
    shared test key folder."""
    import io

    from django.core.management import call_command

    from badges.models import IssuerProfile

    if settings is not None:
        settings.BADGES_KEY_DIR = str(key_dir)
    call_command("badge_keys", "create", partner.name, stdout=io.StringIO())
    return IssuerProfile.objects.get(partner_key=partner.translation_key)
