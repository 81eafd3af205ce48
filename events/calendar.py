"""iCalendar (RFC 5545) files: one event, and the feed of all events of a language.

UIDs are stable across languages and edits (`<translation key>@<site host>`), so a
calendar that subscribed to the feed updates an event instead of duplicating it.
Times carry their TZID with the matching VTIMEZONE components.
"""

import html
from datetime import timedelta
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import override
from icalendar import Calendar, Event, vUri

from core.visibility import visible

PRODID = "-//STEPS cluster//Events//EN"


def _host(base_url):
    return urlsplit(base_url).hostname or "localhost"


def _text(page):
    parts = [page.intro]
    for block in page.body:
        if block.block_type == "paragraph":
            parts.append(html.unescape(strip_tags(str(block.value))))
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def _location(page):
    return ", ".join(part for part in [page.venue_name, page.address_line] if part)


def vevent(page, base_url, stamp=None):
    event = Event()
    event.add("uid", f"{page.translation_key}@{_host(base_url)}")
    event.add("dtstamp", stamp or timezone.now())
    event.add("dtstart", page.local_start)
    event.add("dtend", page.local_end)
    event.add("summary", page.title)
    description = _text(page)
    if description:
        event.add("description", description)
    location = _location(page)
    if location:
        event.add("location", location)
    event.add("url", vUri(base_url.rstrip("/") + page.url))
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    event.add("status", "CANCELLED" if page.facts.is_cancelled else "CONFIRMED")
    event.add("categories", [page.get_kind_display()])
    return event


def _calendar(name, language):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar["x-wr-calname"].params["LANGUAGE"] = language
    return calendar


def _add_timezones(calendar, pages):
    """VTIMEZONE components covering only the years of the events, to keep files small."""
    if not pages:
        return
    first = min(page.start for page in pages).date().replace(month=1, day=1)
    last = max(page.end for page in pages).date().replace(month=12, day=31) + timedelta(days=1)
    calendar.add_missing_timezones(first_date=first, last_date=last)


def event_calendar(page, base_url):
    with override(page.locale.language_code):
        calendar = _calendar(page.title, page.locale.language_code)
        calendar.add_component(vevent(page, base_url))
    _add_timezones(calendar, [page])
    return calendar


def feed_calendar(index, pages, base_url):
    with override(index.locale.language_code):
        calendar = _calendar(_("STEPS events"), index.locale.language_code)
        calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
        stamp = timezone.now()
        pages = list(pages)
        for page in pages:
            calendar.add_component(vevent(page, base_url, stamp))
    _add_timezones(calendar, pages)
    return calendar


def _base_url(request):
    return request.build_absolute_uri("/")


def _response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_response(page, request):
    return _response(event_calendar(page, _base_url(request)), f"{page.slug}.ics")


def feed_response(index, request):
    from .models import EventPage

    pages = visible(EventPage.objects.child_of(index), index.locale_id).order_by("start")
    pages = list(pages)
    EventPage.attach_facts(pages)
    return _response(feed_calendar(index, pages, _base_url(request)), f"steps-events-{index.locale.language_code}.ics")
