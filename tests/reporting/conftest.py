"""Small builders of records for the funder report: partners, events, registrations, downloads,
copies, methods and people in each role. Every record is built here, not taken from the demo (whose
content is all example content, which the report never counts)."""

import datetime
import itertools
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Locale

from results.breakdown import Period

# A past period: every event in it has been held.
PERIOD = Period(datetime.date(2025, 3, 1), datetime.date(2025, 6, 30))
IN_PERIOD = datetime.date(2025, 4, 15)
BEFORE_PERIOD = datetime.date(2025, 2, 27)
AFTER_PERIOD = datetime.date(2025, 7, 2)
_numbers = itertools.count(1)


def at(day, hour=10):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)


def make_partner(name, country):
    from partners.models import Partner

    return Partner.objects.create(locale=Locale.get_default(), name=name, country=country)


def make_event(partner, day=IN_PERIOD, *, kind="regional", country="", sectors=(), language="en", example=False):
    from events.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    title = f"Report event {next(_numbers)}"
    page = EventPage(
        title=title,
        slug=slugify(title),
        locale=index.locale,
        kind=kind,
        start=at(day, 9),
        end=at(day, 17),
        host_partner=partner,
        country=country,
        audience_sectors=list(sectors),
        event_language=language,
        is_example=example,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def register(event, count, *, language="en", sector="education", attended=None, status="confirmed"):
    from events.models import Registration, Roster

    roster = Roster.objects.get(translation_key=event.translation_key)
    for _ in range(count):
        number = next(_numbers)
        Registration.objects.create(
            roster=roster,
            language=language,
            name=f"Person {number}",
            email=f"person-{number}@example.org",
            sector=sector,
            status=status,
            attended=attended,
        )


def make_publication(example=False):
    from home.models import HomePage
    from publications.models import PublicationPage

    home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    title = f"Report publication {next(_numbers)}"
    page = PublicationPage(
        title=title,
        slug=slugify(title),
        locale=home.locale,
        abstract="A publication recorded for the report.",
        publication_date=datetime.date(2025, 1, 10),
        is_example=example,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def downloads(publication, day, count, language="en"):
    from publications.models import DownloadCount

    DownloadCount.objects.create(publication_key=publication.translation_key, language=language, day=day, count=count)


def copies_sent(publication, copies, *, day=IN_PERIOD, language="en", country="BE", status="sent"):
    from publications.models import PrintRequest, PrintStock

    stock = PrintStock.for_publication(publication, total=100)
    number = next(_numbers)
    return PrintRequest.objects.create(
        stock=stock,
        status=status,
        copies=copies,
        language=language,
        name=f"Reader {number}",
        email=f"reader-{number}@example.org",
        sector="training",
        address="1 Example Street",
        country=country,
        created_at=at(day),
    )


def make_method(partner, day=IN_PERIOD, example=False):
    from toolkit.models import ToolkitIndexPage, ToolPage

    index = ToolkitIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    title = f"Report method {next(_numbers)}"
    page = ToolPage(
        title=title,
        slug=slugify(title),
        locale=index.locale,
        summary="A method recorded for the report.",
        target_groups=["jobseekers"],
        setting=["group"],
        duration_minutes=60,
        languages=["en"],
        partner=partner,
        is_example=example,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    type(page).objects.filter(pk=page.pk).update(first_published_at=at(day))
    return page


def make_user(username, *groups):
    user = get_user_model().objects.create_user(username=username, password="pw", email=f"{username}@example.org")
    user.groups.add(*groups)
    return user


@pytest.fixture
def partners(db):
    """Two partners, in Belgium and the Netherlands."""
    return make_partner("Alpha College", "BE"), make_partner("Beta Works", "NL")


@pytest.fixture
def teams(partners):
    from reporting.teams import setup_partner_teams

    groups = setup_partner_teams()
    return tuple(groups[str(partner.translation_key)] for partner in partners)


@pytest.fixture
def people(teams):
    """A person in each role: coordinator, each partner's team member, an editor, a superuser."""
    from editorial.roles import COORDINATORS, editor_group_name

    return {
        "coordinator": make_user("report-coordinator", Group.objects.get(name=COORDINATORS)),
        "partner-a": make_user("report-alpha", teams[0]),
        "partner-b": make_user("report-beta", teams[1]),
        "editor": make_user("report-editor", Group.objects.get(name=editor_group_name("en"))),
        "superuser": get_user_model().objects.create_superuser("report-admin", "admin@example.org", "pw"),
    }


@pytest.fixture
def private_media():
    """Evidence files go to the private storage's folder; the files a test adds are removed after
    it (only those: the xdist workers share the folder)."""
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    before = set(root.rglob("*"))
    yield root
    for path in set(root.rglob("*")) - before:
        if path.is_file():
            path.unlink(missing_ok=True)
