"""Taking a case away: one brief, in the page's language, that prints on one A4 page
(or is saved as PDF by the browser) with the footer's funding text and disclaimer."""

import pytest
from bs4 import BeautifulSoup

from core.models import SiteFooter
from tests.factories import CaseStudyPageFactory, translate
from tests.languages import WRITTEN, WRITTEN_TRANSLATIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(db):
    """A case in every written language, keyed by language code."""
    english = CaseStudyPageFactory(title="Company visits")
    return {"en": english} | {code: translate(english, code) for code in WRITTEN_TRANSLATIONS}


def test_printable_brief(client, case):
    page = case["nl"]
    response = client.get(f"{page.url}brief/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "lxml")
    assert html.find("h1").get_text(strip=True) == page.title
    assert html.find("link", attrs={"media": "print", "href": lambda href: href and "brief-print" in href})
    # The print button needs JavaScript, so it starts hidden; the text says what to do without it.
    assert html.select_one("button[data-print]").has_attr("hidden")


@pytest.mark.parametrize("language", WRITTEN)
def test_the_brief_carries_the_disclaimer_editors_wrote_for_its_language(client, case, language):
    footer = SiteFooter.objects.get(locale__language_code=language)
    footer.disclaimer = f"Disclaimer edited for {language}."
    footer.save()
    page = case[language]
    html = BeautifulSoup(client.get(f"{page.url}brief/").content, "lxml")
    funding = html.select_one(".brief__footer .brief__funding").get_text(" ", strip=True)
    assert f"Disclaimer edited for {language}." in funding
    assert footer.acknowledgement in funding


def test_the_old_pdf_address_leads_to_the_brief(client, case):
    page = case["fr"]
    response = client.get(f"{page.url}brief/pdf/")
    assert response.status_code == 301
    assert response["Location"] == f"{page.url}brief/"


def test_case_page_links_to_the_brief(client, case):
    page = case["fr"]
    html = BeautifulSoup(client.get(page.url).content, "lxml")
    hrefs = [a["href"] for a in html.select(".case-actions a")]
    assert hrefs == [f"{page.url}brief/"]
