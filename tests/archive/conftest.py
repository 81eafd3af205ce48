import pytest
from django.core.cache import cache

ARCHIVE_DATE = "2027-03-31"
CONTACT = "https://programme.example.org/results"
CONTACT_NAME = "the programme's results platform"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate limits live in the cache: every test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def archived(settings):
    """The site as an archive since 31 March 2027, pointing people to the programme's platform."""
    settings.ARCHIVE_MODE = ARCHIVE_DATE
    settings.ARCHIVE_CONTACT = CONTACT
    settings.ARCHIVE_CONTACT_NAME = CONTACT_NAME
    return settings


@pytest.fixture
def conference(db):
    """An event open for registration, in every written language, keyed by language code."""
    from tests.factories import EventPageFactory, translate
    from tests.languages import WRITTEN_TRANSLATIONS

    english = EventPageFactory(title="Strengths day", open_for_registration=True)
    return {"en": english} | {code: translate(english, code) for code in WRITTEN_TRANSLATIONS}


@pytest.fixture
def publication(db):
    from publications.models import PublicationPage

    return {
        page.locale.language_code: page
        for page in PublicationPage.objects.live()
        .filter(slug__in=["final-publication", "publication-finale", "eindpublicatie"])
        .select_related("locale")
    }


def registration_data(**overrides):
    return {
        "name": "Ada Example",
        "email": "ada@example.org",
        "organisation": "Example College",
        "sector": "education",
        "access_needs": "",
        "consent": "on",
        "website_url": "",
        **overrides,
    }


def print_request_data(**overrides):
    return {
        "name": "Robin Example",
        "email": "robin@example.org",
        "organisation": "Example Training",
        "sector": "training",
        "address": "1 Example Road\n1000 Brussels",
        "country": "BE",
        "copies": "2",
        "consent": "on",
        **overrides,
    }
