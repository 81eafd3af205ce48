"""The footer carries the funding notice in the visitor's language and lists the partners."""

import pytest
from bs4 import BeautifulSoup

from core.models import SiteFooter

pytestmark = pytest.mark.django_db


def footer(client, page):
    return BeautifulSoup(client.get(page.url).content.decode(), "lxml").find("footer")


@pytest.mark.parametrize(
    ("lang", "slogan"),
    [("en", "Investing in your future"), ("fr", "Investir dans votre avenir"), ("nl", "Investeren in uw toekomst")],
)
def test_funding_notice_is_in_the_page_language(client, homes, lang, slogan):
    html = footer(client, homes[lang])
    assert slogan in html.get_text()
    assert html.find("img", alt=True)["src"].endswith("eu-emblem.svg")


def test_footer_falls_back_to_english_when_a_language_has_none(client, homes):
    SiteFooter.objects.filter(locale__language_code="nl").delete()
    assert "Investing in your future" in footer(client, homes["nl"]).get_text()


def test_footer_lists_the_nine_partners_with_their_country_in_the_page_language(client, homes):
    items = footer(client, homes["fr"]).find("section", class_="site-footer__partners").find_all("li")
    assert len(items) == 9
    assert any("Belgique" in item.get_text() for item in items)
    assert any("Pays-Bas" in item.get_text() for item in items)
