"""Every page leads, from its footer, to the accessibility statement in the page's language."""

import pytest
from bs4 import BeautifulSoup

from tests.languages import WRITTEN

pytestmark = pytest.mark.django_db


STATEMENT_TITLES = {
    "en": "Accessibility statement",
    "fr": "Déclaration d'accessibilité",
    "nl": "Toegankelijkheidsverklaring",
}


@pytest.mark.parametrize("language", WRITTEN)
def test_the_footer_links_to_the_accessibility_statement(client, homes, language):
    footer = BeautifulSoup(client.get(homes[language].url).content, "lxml").find("footer")
    links = {link.get_text(strip=True): link["href"] for link in footer.select("nav a")}
    url = links[STATEMENT_TITLES[language]]
    assert url.startswith(f"/{language}/")
    statement = BeautifulSoup(client.get(url).content, "lxml")
    assert statement.find("html")["lang"] == language
    assert "WCAG" in statement.find("main").get_text()


def test_the_footer_links_are_the_standard_pages_kept_out_of_the_menu(client, homes):
    html = BeautifulSoup(client.get(homes["en"].url).content, "lxml")
    footer_links = {link["href"] for link in html.find("footer").select("nav a")}
    menu_links = {link["href"] for link in html.select(".site-nav a")}
    assert {"/en/accessibility/", "/en/privacy/", "/en/legal-notice/"} <= footer_links
    assert not footer_links & menu_links
