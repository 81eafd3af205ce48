"""Demo content: speakers, the events index, the cluster's events and registrations for
the past ones (data in events.yaml)."""

import unicodedata
import zoneinfo
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from demo.context import load_yaml, written_languages
from demo.scaled import ScaledCopies
from privacy import personal_data


def _data():
    return load_yaml("events", "events.yaml")


def build_speakers(ctx):
    from events.models import Speaker

    for entry in _data()["speakers"]:
        speaker = ctx.snippet_in_all_languages(
            f"speaker:{entry['key']}",
            Speaker,
            {"name": entry["name"]},
            {code: entry[code] for code in written_languages(entry)},
            is_example=entry.get("is_example", True),  # fictional people
        )
        ctx.objects[f"speaker:{entry['key']}"] = speaker
    ctx.log(f"  {len(_data()['speakers'])} speakers in every language")


def _local(value, zone):
    return datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=zone)


def _dates(entry, today):
    """Start, end and registration window; the upcoming example event is placed relative to today."""
    zone = zoneinfo.ZoneInfo(entry["time_zone"])
    if "starts_in_days" in entry:
        day = today + timedelta(days=entry["starts_in_days"])
        start = datetime.combine(day, time.fromisoformat(entry["start_time"]), tzinfo=zone)
        end = datetime.combine(day, time.fromisoformat(entry["end_time"]), tzinfo=zone)
        opens = datetime.combine(today - timedelta(days=entry["registration_opened_days_ago"]), time(9), tzinfo=zone)
        closes = start - timedelta(days=entry["registration_closes_days_before"])
        return start, end, opens, closes
    return _local(entry["start"], zone), _local(entry["end"], zone), None, None


def _document(ctx, title, text):
    """A small text document for an event's materials, found again by title."""
    from wagtail.documents import get_document_model

    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        slug = "".join(char if char.isalnum() else "-" for char in title.lower())[:60].strip("-")
        document.file.save(f"{slug}.txt", ContentFile(text.encode("utf-8")), save=False)
        document.save()
    return document


def _competences(references):
    from wagtail.models import Locale

    from competences.models import FrameworkItem

    default = Locale.get_default()
    items = []
    for framework, code in references:
        item = FrameworkItem.objects.filter(locale=default, framework__code=framework, code=str(code)).first()
        if item is not None:
            items.append(item)
    return items


def _language_values(ctx, entry, code, titles, documents):
    text = entry[code]
    values = {
        "title": text["title"],
        "slug": text["slug"],
        "intro": text["intro"],
        "venue_name": text["venue_name"],
        "locality": text["locality"],
        "accessibility": text["accessibility"],
        "body": [{"paragraph": text["body"]}],
    }
    programme = []
    for synced, session in zip(entry.get("programme", []), text.get("sessions", []), strict=True):
        programme.append(
            {
                "session": {
                    "start_time": synced["start"],
                    "end_time": synced["end"],
                    "title": session["title"],
                    "room": session.get("room", ""),
                    "speakers": [ctx.objects[f"speaker:{key}"].pk for key in synced["speakers"]],
                }
            }
        )
    values["programme"] = programme
    values["materials"] = [
        {"material": {"kind": kind, "title": titles[kind][code], "document": documents[kind].pk}}
        for kind in entry.get("materials", [])
    ]
    return values


def build_events(ctx):
    from events.models import EventIndexPage, EventPage
    from partners.models import Partner

    data = _data()
    index = ctx.page_in_all_languages("events", EventIndexPage, ctx.pages["home"], data["index"], show_in_menus=True)
    today = timezone.localdate()
    for entry in data["events"]:
        start, end, opens, closes = _dates(entry, today)
        documents = {
            kind: _document(
                ctx,
                f"{entry['en']['title']} – {data['material_titles'][kind]['en']}",
                f"{entry['en']['title']}\n\n{data['material_titles'][kind]['en']} (demo material).\n",
            )
            for kind in entry.get("materials", [])
        }
        synced = {
            "kind": entry["kind"],
            "host_partner": Partner.objects.get(locale=ctx.default_locale, name=entry["host"])
            if entry.get("host")
            else None,
            # The dates, venues, programmes and figures are the demo's: examples unless the data say otherwise.
            "is_example": entry.get("is_example", True),
            "region": entry["region"],
            "event_language": entry["event_language"],
            "time_zone": entry["time_zone"],
            "start": start,
            "end": end,
            "registration_opens": opens,
            "registration_closes": closes,
            "capacity": entry["capacity"],
            "street_address": entry.get("street_address", ""),
            "postal_code": entry.get("postal_code", ""),
            "country": entry["country"],
            "audience_sectors": entry["sectors"],
        }
        languages = {
            code: _language_values(ctx, entry, code, data["material_titles"], documents)
            for code in written_languages(entry)
        }
        page = ctx.upsert_page(entry["key"], EventPage, index, languages[ctx.default_locale.language_code], **synced)
        # Competences are synchronised: set them on the English page before translating.
        items = _competences(entry.get("competences", []))
        if {item.pk for item in items} != set(page.competences.values_list("pk", flat=True)):
            page.competences.set(items)
            page.save_revision().publish()
            page.refresh_from_db()
        ctx.translate_page(entry["key"], page, {code: languages[code] for code in ctx.written_in(languages)})
        if "registered" in entry:
            _registrations(page, entry, data["names"], start)
    _scaled_events(ctx, index, data)
    ctx.log(f"  {EventPage.objects.filter(locale=ctx.default_locale).count()} events in every language")


def _ascii(value):
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()


def _registrations(page, entry, names, start):
    """Fake registrations for a past event, marked attended or absent; once only."""
    from events.models import Registration, Roster

    roster = Roster.for_event(page)
    if roster.registrations.exists():
        return
    first, last = names["first"], names["last"]
    offset = sum(ord(char) for char in entry["key"])
    registrations = []
    for number in range(entry["registered"]):
        given = first[(number + offset) % len(first)]
        family = last[(number * 7 + offset) % len(last)]
        registrations.append(
            Registration(
                roster=roster,
                language=entry["event_language"],
                name=f"{given} {family}",
                email=f"{_ascii(given)}.{_ascii(family)}.{entry['key']}.{number}@example.org",
                organisation="",
                sector=entry["sectors"][number % len(entry["sectors"])],
                consent_at=start - timedelta(days=14),
                consent_version=personal_data.CONSENT_VERSION,
                status=Registration.Status.CONFIRMED,
                attended=number < entry["attended"],
            )
        )
    Registration.objects.bulk_create(registrations)


def _scaled_events(ctx, index, data):
    """For benchmarks (--scale N): numbered copies of a small event, (N - 1) × 10 of them (demo.scaled)."""
    from events.models import EventPage

    copies = ScaledCopies(ctx, EventPage, index)
    zone = zoneinfo.ZoneInfo("Europe/Brussels")
    for number in range(1, (ctx.scale - 1) * 10 + 1):
        if copies.exists(f"practitioners-meeting-{number}"):
            continue
        start = datetime(2016, 1, 1, 10, tzinfo=zone) + timedelta(days=number)
        synced = {
            "kind": "other",
            "region": "other",
            "time_zone": "Europe/Brussels",
            "start": start,
            "end": start + timedelta(hours=3),
            "capacity": 30,
        }
        languages = {
            "en": {
                "title": f"Practitioners' meeting {number}",
                "slug": f"practitioners-meeting-{number}",
                "intro": "A generated event for load tests.",
            },
            "fr": {
                "title": f"Rencontre de praticiens {number}",
                "slug": f"rencontre-de-praticiens-{number}",
                "intro": "Un événement généré pour les tests de charge.",
            },
            "nl": {
                "title": f"Ontmoeting voor praktijkmensen {number}",
                "slug": f"ontmoeting-praktijkmensen-{number}",
                "intro": "Een gegenereerd evenement voor belastingtests.",
            },
        }
        copies.add({code: values | synced for code, values in languages.items()})
    copies.save()


def build(ctx):
    build_speakers(ctx)
    build_events(ctx)


STEPS = [(60, build)]
