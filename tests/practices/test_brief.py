"""Taking a case away: the printable brief and its PDF, in the page's language."""

import io

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.languages import WRITTEN

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", WRITTEN)
def test_pdf_brief(client, case_by_slug, language):
    page = case_by_slug("strengths-based-coaching", language)
    response = client.get(f"{page.url}brief/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and f'-{language}.pdf"' in disposition
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert page.title in text
    assert reader.metadata.title == page.title
    # Content in the page's language, numbers the same everywhere.
    assert page.key_figures[0].value["measure"].split()[0] in text
    assert "60" in text


def test_printable_brief(client, case_by_slug):
    page = case_by_slug("company-visits", "nl")
    response = client.get(f"{page.url}brief/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("h1").get_text(strip=True) == page.title
    assert html.find("link", attrs={"media": "print", "href": lambda href: href and "brief-print" in href})
    assert html.select_one(f'a[href="{page.url}brief/pdf/"]')
    # The print button needs JavaScript, so it starts hidden.
    assert html.select_one("button[data-print]").has_attr("hidden")


def test_case_page_links_to_the_brief(client, case_by_slug):
    page = case_by_slug("company-visits", "fr")
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    hrefs = [a["href"] for a in html.select(".case-actions a")]
    assert hrefs == [f"{page.url}brief/", f"{page.url}brief/pdf/"]
