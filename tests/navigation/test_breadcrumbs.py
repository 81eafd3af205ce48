"""Every page but the home page shows where it sits: a trail that starts at the home page
of its language, goes through each page above it and through each step of a sub-route
(a form, a comparison, a partner), and ends on the page itself, marked as current."""

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import Locale, Page

from home.models import HomePage
from tests.page_types import LANGUAGES, page_urls

pytestmark = pytest.mark.django_db

# The home page is where every trail starts; a method's print view is a sheet of paper.
WITHOUT_TRAIL = {"home.HomePage", "404 page", "method print view"}


def trail(response):
    nav = BeautifulSoup(response.content.decode(), "lxml").select_one("nav.breadcrumbs")
    if nav is None:
        return None
    return [(item.get_text(strip=True), item.a["href"] if item.a else None) for item in nav.select("li")], nav


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_has_a_trail_from_the_home_page_of_its_language(client, language):
    home = HomePage.objects.get(locale__language_code=language)
    missing, wrong = [], []
    for label, url in page_urls(language):
        if label in WITHOUT_TRAIL:
            continue
        found = trail(client.get(url))
        if found is None:
            missing.append(f"{label} {url}")
            continue
        items, nav = found
        if items[0] != (home.title, home.url) or items[-1][1] is not None or len(items) < 2:
            wrong.append(f"{label} {url}: {items}")
        assert nav.select("[aria-current=page]") == [nav.select("li")[-1].span]
    assert not missing, "no breadcrumbs on:\n" + "\n".join(missing)
    assert not wrong, "breadcrumbs that do not start at the home page or end on the page:\n" + "\n".join(wrong)


def test_the_home_page_shows_no_trail(client):
    assert trail(client.get("/fr/")) is None


def render(page, arguments="", **context):
    request = RequestFactory().get(page.url if page else "/en/")
    template = Template("{% load site_tags %}{% breadcrumbs " + arguments + " %}")
    return BeautifulSoup(template.render(Context({"request": request, "page": page, **context})), "lxml")


def labels(html):
    return [item.get_text(strip=True) for item in html.select("li")]


def test_a_sub_route_of_any_depth_goes_on_from_its_page():
    page = Page.objects.filter(depth=4, locale=Locale.objects.get(language_code="en"), live=True).first().specific
    html = render(page, '"Partners" "/partners/" "Groups" "/partners/groups/" "Mentor vzw"')
    ancestors = [ancestor.title for ancestor in page.get_ancestors()[1:]]
    assert labels(html) == [*ancestors, page.title, "Partners", "Groups", "Mentor vzw"]
    links = [a["href"] for a in html.select("a")]
    assert links[-3:] == [page.url, "/partners/", "/partners/groups/"]
    assert html.select_one("[aria-current=page]").get_text() == "Mentor vzw"


def test_steps_may_come_as_a_list_of_label_and_address_pairs():
    page = Page.objects.filter(depth=3, locale=Locale.objects.get(language_code="en"), live=True).first().specific
    html = render(page, 'steps "Here"', steps=[("One", "/one/"), ("Two", "/two/")])
    assert labels(html)[-3:] == ["One", "Two", "Here"]


def test_a_view_that_is_not_a_page_starts_at_the_home_page_of_the_language():
    home = HomePage.objects.get(locale__language_code="en")
    html = render(None, '"Framework" "/en/framework/" "LifeComp"')
    assert labels(html) == [home.title, "Framework", "LifeComp"]
    assert html.select_one("a")["href"] == home.url
