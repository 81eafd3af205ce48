"""A partner's page costs the same number of SQL queries however much it is credited with.

Each list (case studies, methods, events, courses, badges) is fetched in one query
cut at the list limit, so a partner with a handful of items and one whose lists
run past the limit render with the same queries.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from badges.models import AchievementPage
from courses.models import CoursePage
from events.models import EventPage
from partners import contributions
from partners.models import Partner
from partners.views import partner_slug
from practices.models import CaseStudyIndexPage, CaseStudyPage
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db

# The page models that credit one partner by foreign key, with that key's name.
CREDITED_BY_KEY = {ToolPage: "partner", EventPage: "host_partner", CoursePage: "partner", AchievementPage: "partner"}


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def partner(english):
    # Example partner, credited with nothing until a test credits it.
    return Partner.objects.create(locale=english, name="Example Query Partner", country="BE")


def credit(partner, locale, count):
    """Credit `partner` with the first `count` live pages of `locale` of each kind it can be credited with."""
    for model, key in CREDITED_BY_KEY.items():
        pages = list(model.objects.live().filter(locale=locale).order_by("path").values_list("pk", flat=True)[:count])
        assert len(pages) == count, f"the demo has {count} {model.__name__} pages to credit"
        model.objects.filter(pk__in=pages).update(**{key: partner})
    cases = CaseStudyPage.objects.live().filter(locale=locale).order_by("path")[:count]
    CaseStudyPage.partners.through.objects.bulk_create(
        [CaseStudyPage.partners.through(casestudypage=case, partner=partner) for case in cases], ignore_conflicts=True
    )


def partner_url(partner, locale):
    return f"{CaseStudyIndexPage.objects.live().get(locale=locale).url}partners/{partner_slug(partner)}/"


def render(client, url):
    """The page's HTML and the queries of a render after a warming one."""
    client.get(url)  # warm the per-process caches (site root, locales)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_partner_page_costs_the_same_with_few_and_with_many_credited_items(client, english, partner, monkeypatch):
    # A limit of 2 lets the demo's pages run every list past it (the demo has 3 courses).
    monkeypatch.setattr(contributions, "LIST_LIMIT", 2)
    url = partner_url(partner, english)
    credit(partner, english, 1)
    few_html, few = render(client, url)
    credit(partner, english, 3)
    many_html, many = render(client, url)
    # Every list grew and was cut at the limit, and none of that cost a query.
    assert few_html.count("Showing the first 2") == 0
    assert many_html.count("Showing the first 2") == 5  # case studies, methods, events, courses, badges
    assert many == few
