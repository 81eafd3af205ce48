import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate limits live in the cache; every test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event_pages(db):
    """The live event pages keyed by (demo English slug, language code)."""
    from events.models import EventPage

    pages = list(EventPage.objects.live().select_related("locale"))
    english = {page.translation_key: page.slug for page in pages if page.locale.language_code == "en"}
    return {(english[page.translation_key], page.locale.language_code): page for page in pages}


@pytest.fixture
def open_event(event_pages):
    """The event open for registration: the upcoming example event (the STEPS events are past)."""
    return event_pages[("registration-example", "en")]


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


@pytest.fixture
def events_as_records(db):
    """The demo's events taken as the cluster's records (example flags cleared), for the
    tests of how figures follow the data. That example events never count is specified
    in tests/examples/test_results.py."""
    from events.models import EventPage

    EventPage.objects.filter(is_example=True).update(is_example=False)
