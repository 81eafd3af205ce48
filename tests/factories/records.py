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
