"""Routing below a home page (core/routing.py) leads every address where Wagtail would.

The pages along the address, their ancestors and their view restrictions come in
one query; breadcrumbs and privacy follow from them.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, PageViewRestriction, Site

from films.models import FilmPage

pytestmark = pytest.mark.django_db


def live_page(model, language):
    return model.objects.live().filter(locale__language_code=language).order_by("path").first()


def soup(response):
    return BeautifulSoup(response.content.decode(), "lxml")


@pytest.mark.usefixtures("production_caching")
def test_a_saved_site_is_read_afresh(client):
    site = Site.objects.get(is_default_site=True)
    film = live_page(FilmPage, "en")
    assert client.get(film.url).status_code == 200
    site.root_page = Page.objects.get(depth=1)  # the tree's root: no page below it has this address
    site.save()
    assert client.get(film.url).status_code == 404


def test_breadcrumbs_list_the_ancestors_routing_found(client):
    film = live_page(FilmPage, "nl")
    links = [a["href"] for a in soup(client.get(film.url)).select("nav.breadcrumbs a")]
    assert links == [ancestor.url for ancestor in film.get_ancestors()[1:]]


def test_a_page_under_a_private_section_is_private_however_deep(client):
    film = live_page(FilmPage, "fr")
    index = film.get_parent()
    PageViewRestriction.objects.create(page=index.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert client.get(film.url).status_code == 302
    assert client.get(index.url).status_code == 302
