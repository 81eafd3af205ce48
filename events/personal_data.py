"""How the personal data of event registrations is exported, erased and expired.

Registered with privacy.personal_data in EventsConfig.ready(). Erasure and expiry
anonymise rather than delete: the personal fields are blanked, while the status,
sector, language and attendance stay, so that the event's figures do not change.

Retention counts from the end of the event; a registration whose event page was
deleted counts from its own last date (registered, promoted or cancelled).
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy import personal_data

PERSONAL_FIELDS = {"name": "", "email": "", "organisation": "", "access_needs": ""}


def _registrations():
    from .models import Registration

    return Registration.objects.filter(anonymised_at__isnull=True)


def export(email):
    return [
        registration.personal_record()
        for registration in _registrations().filter(email__iexact=email).select_related("roster").order_by("created_at")
    ]


def _anonymise(queryset, now=None):
    from .models import Registration

    now = now or timezone.now()
    # A waiting place cannot be kept without a person to offer it to.
    queryset.filter(status=Registration.Status.WAITING).update(
        status=Registration.Status.CANCELLED, cancelled_at=now, waiting_position=None
    )
    return queryset.update(anonymised_at=now, **PERSONAL_FIELDS)


def erase(email):
    """Anonymise one person's registrations. A place at an event still to come is
    cancelled first, so that it goes to the next person on the waiting list."""
    from django.conf import settings

    from .models import EventPage, Registration
    from .registration import cancel

    mine = _registrations().filter(email__iexact=email)
    active = mine.exclude(status=Registration.Status.CANCELLED).select_related("roster")
    upcoming = {
        page.translation_key: page
        for page in EventPage.objects.filter(
            end__gte=timezone.now(), translation_key__in=[r.roster.translation_key for r in active]
        )
    }
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "http://localhost")
    for registration in active:
        page = upcoming.get(registration.roster.translation_key)
        if page is not None:
            cancel(page, registration.pk, base_url)
    return _anonymise(mine)


def own_date_before(limit):
    """Registrations whose every date (registered, moved from the waiting list, cancelled) is before `limit`."""
    return (
        Q(created_at__lt=limit)
        & (Q(promoted_at__isnull=True) | Q(promoted_at__lt=limit))
        & (Q(cancelled_at__isnull=True) | Q(cancelled_at__lt=limit))
    )


def anonymise_expired(now):
    """Registrations past the retention period, counted from the end of their event, or
    from the registration's own last date when the event's page no longer exists (in
    any language): a deleted event must not keep its registrants' details for ever."""
    from .models import EventPage

    limit = now - personal_data.retention_period()
    ended = EventPage.objects.filter(end__lt=limit).values("translation_key")
    existing = EventPage.objects.values("translation_key")
    expired = Q(roster__translation_key__in=ended) | (~Q(roster__translation_key__in=existing) & own_date_before(limit))
    return _anonymise(_registrations().filter(expired), now)


SOURCE = personal_data.Source(
    label="events.registration",
    name=_("event registrations"),
    description="Registrations for events (name, email, organisation, sector, access needs, consent)",
    export=export,
    erase=erase,
    anonymise_expired=anonymise_expired,
)
