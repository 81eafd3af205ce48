"""Partner and project pages list what the content apps register as their contributions.

The partners app knows no content app: practices, toolkit and films register, through
the `register_partner_contributions` hook, how to list their items for a partner or a
project, and the pages list them in order, cut at the list limit with a way to the rest.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail import hooks

from home.models import StandardPage
from partners import contributions
from partners.contributions import CONTRIBUTIONS_HOOK, Contribution
from practices.models import CaseStudyIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexes(db):
    """The case libraries, which serve the partner and project pages, by language."""
    return {page.locale.language_code: page for page in CaseStudyIndexPage.objects.live().select_related("locale")}


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "lxml")


def section(html, heading):
    title = html.find("h2", string=heading)
    return None if title is None else title.find_next("ul")


def standard_pages(subject, locale, limit):
    """Example contribution: a few live pages of the language, whoever the subject."""
    return list(StandardPage.objects.live().filter(locale=locale).order_by("title")[: limit + 1])


def test_the_content_apps_register_what_they_credit_in_order():
    keys = [contribution.key for contribution in contributions.contributions()]
    assert keys == ["cases", "methods", "films", "events", "courses", "badges"]


def test_a_registered_contribution_is_listed_on_partner_and_project_pages(client, indexes):
    example = Contribution("example", "Example pages", standard_pages, order=15)
    with hooks.register_temporarily(CONTRIBUTIONS_HOOK, lambda: example):
        for url in (f"{indexes['en'].url}partners/syntra-west/", f"{indexes['en'].url}projects/SUCCES/"):
            html = html_of(client, url)
            headings = [h2.get_text(strip=True) for h2 in html.select("main h2")]
            assert headings.index("Case studies") < headings.index("Example pages")
            links = [a.get_text(strip=True) for a in section(html, "Example pages").select("a")]
            assert links == [page.title for page in standard_pages(None, indexes["en"].locale, 12)][:12]


def test_a_contribution_without_items_or_empty_text_is_left_out(client, indexes):
    nothing = Contribution("nothing", "Nothing here", lambda subject, locale, limit: [])
    said = Contribution("said", "Said so", lambda subject, locale, limit: [], empty_text={"partner": "None yet."})
    with (
        hooks.register_temporarily(CONTRIBUTIONS_HOOK, lambda: nothing),
        hooks.register_temporarily(CONTRIBUTIONS_HOOK, lambda: said),
    ):
        html = html_of(client, f"{indexes['en'].url}partners/syntra-west/")
    assert html.find("h2", string="Nothing here") is None
    assert html.find("h2", string="Said so").find_next("p").get_text(strip=True) == "None yet."


def test_beyond_the_limit_a_project_links_to_the_filtered_index(client, indexes, monkeypatch):
    monkeypatch.setattr(contributions, "LIST_LIMIT", 1)
    example = Contribution(
        "example",
        "Example pages",
        standard_pages,
        index_model="practices.CaseStudyIndexPage",
        project_filter="project",
        more_label="All example pages of this project",
    )
    with hooks.register_temporarily(CONTRIBUTIONS_HOOK, lambda: example):
        project = html_of(client, f"{indexes['en'].url}projects/SUCCES/")
        partner = html_of(client, f"{indexes['en'].url}partners/syntra-west/")
    assert len(section(project, "Example pages").select("li")) == 1
    more = section(project, "Example pages").find_next("p", class_="list-more").find("a")
    assert more.get_text() == "All example pages of this project"
    assert more["href"] == f"{indexes['en'].url}?project=SUCCES"
    # The indexes filter by project only: a partner's page says how many it shows.
    more = section(partner, "Example pages").find_next("p", class_="list-more")
    assert more.get_text(strip=True) == "Showing the first 1" and more.find("a") is None


@pytest.mark.parametrize(
    ("slug", "heading", "title"),
    [
        ("ocmw-kortrijk", "Events", "From social welfare to work in Kortrijk"),
        ("mentor-vzw", "Courses", "Discover your competences"),
        ("stichting-kenniscentrum-pro-work", "Badges", "Social skills"),
    ],
)
def test_a_partner_page_lists_the_events_it_hosts_courses_it_provides_and_badges_it_issues(
    client, indexes, slug, heading, title
):
    html = html_of(client, f"{indexes['en'].url}partners/{slug}/")
    assert title in [a.get_text(strip=True) for a in section(html, heading).select("a")]


def test_project_pages_list_no_events_courses_or_badges(client, indexes):
    # Those credit a partner, not a project.
    html = html_of(client, f"{indexes['en'].url}projects/SUCCES/")
    assert not {"Events", "Courses", "Badges"} & {h2.get_text(strip=True) for h2 in html.select("main h2")}
