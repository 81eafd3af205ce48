"""Project and partner pages show a bounded number of items per list, with a way to the full listing."""

import pytest
from bs4 import BeautifulSoup

from partners import contributions

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "lxml")


def test_project_cases_beyond_the_limit_link_to_the_filtered_case_index(client, indexes, monkeypatch):
    # iLAEBOR has three French case studies: a limit of two cuts the list.
    monkeypatch.setattr(contributions, "LIST_LIMIT", 2)
    html = html_of(client, f"{indexes['fr'].url}projects/iLAEBOR/")
    assert len(html.select(".case-card")) == 2
    more = html.select_one(".list-more a[href*='project=']")
    assert more is not None
    listing = html_of(client, more["href"])
    assert len(listing.select(".case-card")) == 3
    selected = listing.select_one("select[name=project] option[selected]") or listing.select_one(
        "input[name=project][checked]"
    )
    assert selected is not None and selected.get("value") == "iLAEBOR"


def test_project_cases_within_the_limit_have_no_more_link(client, indexes, monkeypatch):
    monkeypatch.setattr(contributions, "LIST_LIMIT", 3)
    html = html_of(client, f"{indexes['fr'].url}projects/iLAEBOR/")
    assert len(html.select(".case-card")) == 3
    assert not html.select(".list-more a[href*='etudes-de-cas']")


def test_first_items_tells_whether_there_were_more():
    assert contributions.first_items([1, 2, 3], limit=2) == ([1, 2], True)
    assert contributions.first_items([1, 2], limit=2) == ([1, 2], False)


def test_project_methods_beyond_the_limit_link_to_the_toolkit_filtered_by_project(client, indexes, monkeypatch):
    monkeypatch.setattr(contributions, "LIST_LIMIT", 2)
    html = html_of(client, f"{indexes['en'].url}projects/iLAEBOR/")
    methods = html.find("h2", string="Methods").find_next("ul")
    assert len(methods.select("li")) == 2
    more = methods.find_next("p", class_="list-more").find("a")
    assert more is not None and "project=iLAEBOR" in more["href"]
    toolkit = html_of(client, more["href"])
    assert toolkit.select_one("input[name=project][value=iLAEBOR][checked]") is not None


def test_partner_lists_beyond_the_limit_say_how_many_are_shown(client, indexes, monkeypatch):
    monkeypatch.setattr(contributions, "LIST_LIMIT", 1)
    partners = html_of(client, f"{indexes['en'].url}partners/")
    partner_url = next(a["href"] for a in partners.select("a[href*='/partners/']") if a["href"].count("/") > 4)
    html = html_of(client, partner_url)
    assert all(len(ul.select("li")) <= 1 for ul in html.select("main ul.case-list"))
