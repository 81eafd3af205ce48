"""What a visitor sees listed: live, public pages of their language, never an alias.

One rule (core/visibility.py) serves the menu, the footer, listings, search,
feeds, the sitemap and the open data; these tests hold the menu and the footer
to it, and the rule itself to each of its parts.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page, PageViewRestriction

from core.visibility import EVERY_LANGUAGE, visible
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def home(language):
    return HomePage.objects.get(locale__language_code=language)


def french_alias_of_an_english_page(show_in_menus):
    """An English page copied into the French tree as an alias: it serves English text under /fr/."""
    english = StandardPage.objects.child_of(home("en")).live().filter(show_in_menus=show_in_menus).first()
    alias = english.create_alias(
        parent=home("fr"), update_locale=Locale.objects.get(language_code="fr"), update_slug=f"{english.slug}-alias"
    )
    return english, alias


def menu_links(client, url):
    html = BeautifulSoup(client.get(url).content.decode(), "lxml")
    return [a["href"] for a in html.select(".site-nav a")]


def footer_links(client, url):
    html = BeautifulSoup(client.get(url).content.decode(), "lxml")
    return [a["href"] for a in html.select(".site-footer a")]


def test_the_main_menu_leaves_out_alias_pages(client):
    _english, alias = french_alias_of_an_english_page(show_in_menus=True)
    assert alias.show_in_menus and alias.live
    links = menu_links(client, "/fr/")
    assert links, "the French menu lists the French pages"
    assert alias.url not in links


def test_the_footer_leaves_out_alias_pages(client):
    _english, alias = french_alias_of_an_english_page(show_in_menus=False)
    links = footer_links(client, "/fr/")
    assert alias.url not in links
    assert any(link.startswith("/fr/") for link in links)


def test_visible_pages_are_live():
    page = StandardPage.objects.child_of(home("fr")).live().first()
    assert visible(StandardPage.objects.all(), page.locale).filter(pk=page.pk).exists()
    page.unpublish()
    assert not visible(StandardPage.objects.all(), page.locale).filter(pk=page.pk).exists()


def test_visible_pages_are_public_including_below_a_restricted_page():
    page = Page.objects.get(pk=home("fr").get_children().live().filter(numchild__gt=0).first().pk)
    child = page.get_children().live().first()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    shown = visible(Page.objects.all(), page.locale)
    assert not shown.filter(pk__in=[page.pk, child.pk]).exists()
    assert shown.filter(pk=home("fr").pk).exists()


def test_visible_pages_are_in_the_language_asked_or_the_active_one(settings):
    from django.utils import translation

    everywhere = visible(Page.objects.filter(depth=2), EVERY_LANGUAGE)
    assert set(everywhere.values_list("locale__language_code", flat=True)) == {"en", "fr", "nl"}
    nl = Locale.objects.get(language_code="nl")
    assert set(visible(Page.objects.filter(depth=2), nl)) == {home("nl").page_ptr}
    assert set(visible(Page.objects.filter(depth=2), nl.pk)) == {home("nl").page_ptr}
    with translation.override("fr"):
        assert set(visible(Page.objects.filter(depth=2))) == {home("fr").page_ptr}


def test_visible_pages_are_never_aliases():
    english, alias = french_alias_of_an_english_page(show_in_menus=True)
    assert not visible(Page.objects.filter(pk=alias.pk), alias.locale).exists()
    assert visible(Page.objects.filter(pk=english.pk), english.locale).exists()
