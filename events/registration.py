"""Registering for an event and cancelling, without ever exceeding its capacity.

Both run in one transaction that first locks the event's `Roster` row, then counts
the confirmed registrations across every translation of the event:

- PostgreSQL (production): the UPDATE and SELECT … FOR UPDATE take a row lock, so
  concurrent registrations for the same event queue up; other events are not held.
- SQLite ignores FOR UPDATE; the UPDATE takes its database-wide write lock at the
  start of the transaction instead, so no two transactions can read the count
  and then both write.

The capacity, registration window and status are read under that lock from the
event's source page (EventPage.facts), whatever the language of the page used:
a capacity lowered on the source page holds at once in every language.

The waiting list is never jumped: people waiting get free places first, strictly
in order of registration. Every change that can free places (a cancellation, a
capacity raised or an event re-opened on the source page, see `fill_places`) and
every new registration first moves waiting people into the free places, under the
lock; a newcomer is confirmed only if places remain after that.

Emails are rendered and written to the outbox in the same transaction as the
registration (outbox/); a worker sends them later, never while the lock is held.
"""

import base64
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.template.loader import render_to_string
from django.utils import timezone, translation

from outbox import tasks as outbox
from privacy import personal_data

from .models import EventFacts, Registration, Roster

CANCEL_SALT = "events.registration.cancel"
DEFAULT_CANCEL_LINK_MAX_AGE = 400 * 24 * 3600  # seconds; a link stays valid past any registration window


class DuplicateRegistration(Exception):
    """This email address already has an active registration for the event."""


class RegistrationClosed(Exception):
    """The event does not take registrations now (closed, cancelled, not yet open)."""


class InvalidToken(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "expired" or "invalid"


@dataclass
class Outcome:
    registration: Registration
    promoted: list


def _lock(roster_id):
    Roster.objects.filter(pk=roster_id).update(lock_version=F("lock_version") + 1)
    return Roster.objects.select_for_update().get(pk=roster_id)


def register(page, data, language, base_url):
    """Register someone for `page`'s event. `data` is a cleaned RegistrationForm.

    Returns the Registration: confirmed while places remain once the people
    already waiting have had theirs, otherwise waiting with its position.
    Raises DuplicateRegistration, RegistrationClosed.
    """
    roster = Roster.for_event(page)
    email = personal_data.normalise_email(data["email"])
    try:
        with transaction.atomic():
            roster = _lock(roster.pk)
            facts = EventFacts.current(page.translation_key) or EventFacts.of(page)
            if page.registration_state(facts=facts) != "open":
                raise RegistrationClosed
            active = Registration.objects.filter(roster=roster, email=email, anonymised_at__isnull=True).exclude(
                status=Registration.Status.CANCELLED
            )
            if active.exists():
                raise DuplicateRegistration
            _promote_and_notify(roster, facts, base_url)
            confirmed = Registration.objects.filter(roster=roster, status=Registration.Status.CONFIRMED).count()
            registration = Registration(
                roster=roster,
                language=language,
                name=data["name"],
                email=email,
                organisation=data.get("organisation", ""),
                sector=data["sector"],
                access_needs=data.get("access_needs", ""),
                consent_at=timezone.now(),
                consent_version=personal_data.CONSENT_VERSION,
            )
            if confirmed < facts.capacity:
                registration.status = Registration.Status.CONFIRMED
            else:
                registration.status = Registration.Status.WAITING
                last = Registration.objects.filter(roster=roster, status=Registration.Status.WAITING).aggregate(
                    last=Max("waiting_position")
                )["last"]
                registration.waiting_position = (last or 0) + 1
            registration.save()
            send_confirmation(registration, base_url)
    except IntegrityError as exc:
        # Only reachable if the unique constraint fires despite the check above.
        raise DuplicateRegistration from exc
    return registration


def promote_waiting(roster, capacity, now=None):
    """Move people from the waiting list, in order, into free places. Call with the roster locked."""
    now = now or timezone.now()
    confirmed = Registration.objects.filter(roster=roster, status=Registration.Status.CONFIRMED).count()
    free = capacity - confirmed
    if free <= 0:
        return []
    promoted = list(
        Registration.objects.select_for_update()
        .filter(roster=roster, status=Registration.Status.WAITING)
        .order_by("waiting_position", "created_at", "pk")[:free]
    )
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.waiting_position = None
        registration.promoted_at = now
        registration.save(update_fields=["status", "waiting_position", "promoted_at"])
    return promoted


def cancel(page, registration_id, base_url):
    """Cancel a registration and promote the first people waiting. Returns
    (registration, promoted, already_cancelled)."""
    roster = Roster.for_event(page)
    with transaction.atomic():
        roster = _lock(roster.pk)
        registration = Registration.objects.get(pk=registration_id, roster=roster)
        if registration.status == Registration.Status.CANCELLED:
            return registration, [], True
        registration.status = Registration.Status.CANCELLED
        registration.waiting_position = None
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "waiting_position", "cancelled_at"])
        facts = EventFacts.current(page.translation_key) or EventFacts.of(page)
        promoted = promote_waiting(roster, _places(facts))
        for person in promoted:
            send_confirmation(person, base_url, promoted=True)
    return registration, promoted, False


def _places(facts):
    # A cancelled event gives no place, so nobody waiting is promoted into it.
    return 0 if facts.is_cancelled else facts.capacity


def _promote_and_notify(roster, facts, base_url):
    """Promote into the free places, in order, and tell each person promoted. Call with the roster locked."""
    promoted = promote_waiting(roster, _places(facts))
    for person in promoted:
        send_confirmation(person, base_url, promoted=True)
    return promoted


def fill_places(translation_key, base_url=None):
    """Give an event's free places to the people waiting, in order of registration,
    each with the promotion notice. Called when the source page's facts are saved
    (a capacity raised, an event re-opened); returns the people promoted."""
    roster = Roster.objects.filter(translation_key=translation_key).first()
    if roster is None:
        return []
    base_url = base_url or getattr(settings, "WAGTAILADMIN_BASE_URL", "http://localhost")
    with transaction.atomic():
        roster = _lock(roster.pk)
        facts = EventFacts.current(translation_key)
        if facts is None:
            return []
        return _promote_and_notify(roster, facts, base_url)


# Signed cancel links ---------------------------------------------------------------


def cancel_token(registration):
    # Only the id: the link must not carry the email address into server logs.
    signed = signing.dumps({"r": registration.pk}, salt=CANCEL_SALT)
    # Wagtail's page URLs allow only letters, digits, "-" and "_" in a path segment,
    # while signatures contain ":": wrap the signed value in URL-safe base64.
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read_cancel_token(token):
    """The registration id in a cancel token; raises InvalidToken("expired" | "invalid")."""
    max_age = getattr(settings, "EVENTS_CANCEL_LINK_MAX_AGE", DEFAULT_CANCEL_LINK_MAX_AGE)
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidToken("invalid") from exc
    try:
        data = signing.loads(signed, salt=CANCEL_SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise InvalidToken("expired") from exc
    except signing.BadSignature as exc:
        raise InvalidToken("invalid") from exc
    if not isinstance(data, dict) or not isinstance(data.get("r"), int):
        raise InvalidToken("invalid")
    return data["r"]


# Emails ---------------------------------------------------------------------------------


def event_page_in(registration, language):
    """The live event page in the registrant's language, else in any language."""
    from .models import EventPage

    pages = (
        EventPage.objects.live().filter(translation_key=registration.roster.translation_key).select_related("locale")
    )
    by_language = {page.locale.language_code: page for page in pages}
    return (
        by_language.get(language) or by_language.get(settings.LANGUAGE_CODE) or next(iter(by_language.values()), None)
    )


def send_confirmation(registration, base_url, promoted=False):
    """The registrant's confirmation (or promotion) email, in their language, with a
    cancel link and, for a confirmed place, the event as an .ics attachment. Written
    to the outbox: call it inside the transaction that saves the registration."""
    from .calendar import event_calendar

    page = event_page_in(registration, registration.language)
    if page is None:
        return
    with translation.override(registration.language):
        token = cancel_token(registration)
        cancel_url = base_url.rstrip("/") + page.url + page.reverse_subpage("cancel", args=[token])
        context = {
            "registration": registration,
            "page": page,
            "event_url": base_url.rstrip("/") + page.url,
            "cancel_url": cancel_url,
            "promoted": promoted,
            "host": page.localized_host,
        }
        subject = render_to_string("events/email/confirmation_subject.txt", context).strip()
        body = render_to_string("events/email/confirmation.txt", context)
        message = EmailMessage(
            subject=settings.EMAIL_SUBJECT_PREFIX + subject,
            body=body,
            to=[registration.email],
        )
        if registration.status == Registration.Status.CONFIRMED:
            ics = event_calendar(page, base_url).to_ical()
            message.attach(f"{page.slug}.ics", ics, "text/calendar")
    outbox.enqueue(message)
