from datetime import timedelta

import pytest
from django.core.cache import cache

from tests.module_data import module_data


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate limits live in the cache; every test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


def build_open_events():
    """An event open for registration, keyed by language code: written in English and
    translated into the other languages, two months ahead in Belgium, with 200 places; registration
    opened a month ago and closes two days before the event."""
    from django.utils import timezone

    from tests.factories import EventPageFactory, translate
    from tests.languages import WRITTEN_TRANSLATIONS

    start = (timezone.now() + timedelta(days=60)).replace(hour=14, minute=0, second=0, microsecond=0)
    english = EventPageFactory(
        title="Strengths day",
        start=start,
        end=start + timedelta(hours=2, minutes=30),
        capacity=200,
        country="BE",
        registration_opens=timezone.now() - timedelta(days=30),
        registration_closes=start - timedelta(days=2),
    )
    return {"en": english} | {code: translate(english, code) for code in WRITTEN_TRANSLATIONS}


@pytest.fixture
def open_events(db):
    """The open event (build_open_events), built for the test."""
    return build_open_events()


@module_data
def open_events_of_the_module():
    """The open event (build_open_events) built once for a module's tests: the primary keys of
    its pages, keyed by language code. A module that uses it defines `open_events` as
    `read_afresh(open_events_of_the_module)`."""
    return {code: page.pk for code, page in build_open_events().items()}


def read_afresh(pages):
    """{language: EventPage} from {language: primary key}: instances of the test's own, since
    tests change the pages they are given."""
    from events.models import EventPage

    return {code: EventPage.objects.get(pk=pk) for code, pk in pages.items()}


@pytest.fixture
def open_event(open_events):
    return open_events["en"]


@pytest.fixture
def past_event(db):
    """An event that took place a year ago."""
    from tests.factories import EventPageFactory

    return EventPageFactory(title="Last year's regional event", days_ahead=-365)


@pytest.fixture
def indexes(db):
    from events.models import EventIndexPage

    return {page.locale.language_code: page for page in EventIndexPage.objects.live().select_related("locale")}


def set_capacity(page, capacity):
    """Change the capacity of an event in every language (it is a synchronised field)."""
    from events.models import EventPage

    EventPage.objects.filter(translation_key=page.translation_key).update(capacity=capacity)


def registration_data(**overrides):
    data = {
        "name": "Ada Example",
        "email": "ada@example.org",
        "organisation": "Example College",
        "sector": "education",
        "access_needs": "",
        "consent": "on",
        "website_url": "",
    }
    data.update(overrides)
    return data
