"""The events app's answer to core.attendance: past events and the registrants marked present."""

from django.utils import timezone

from core.attendance import Attendee, HeldEvent


class EventAttendance:
    def held_events(self, language):
        from .models import EventPage, Registration

        keys = set(
            Registration.objects.filter(attended=True, anonymised_at__isnull=True).values_list(
                "roster__translation_key", flat=True
            )
        )
        pages = (
            EventPage.objects.live()
            .filter(locale__language_code=language, end__lt=timezone.now(), translation_key__in=keys)
            .only("title", "start", "translation_key", "url_path", "path", "depth", "locale_id")
        )
        return [HeldEvent(str(page.translation_key), page.title, page.url or "", page.start) for page in pages]

    def attendees(self, key):
        from .models import Registration

        rows = Registration.objects.filter(
            roster__translation_key=key, attended=True, anonymised_at__isnull=True
        ).order_by("name", "pk")
        return [Attendee(row.name, row.email, row.language) for row in rows]


PROVIDER = EventAttendance()
