"""No invented identifier leaves the site: no ISBN that fails its check or lies outside
the assigned ranges, no DOI under the test prefix 10.5555, and none at all for an
example publication, in the Book JSON-LD, the citation meta tags or the exports."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from stdnum import isbn as stdnum_isbn

from publications import doi, isbn
from publications.models import Edition, PublicationPage
from tests.page_types import LANGUAGES

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

REAL_DOI = "10.2760/302967"  # a DOI of the Publications Office's registrant (LifeComp)
REAL_ISBN = "978-92-76-19418-7"  # an ISBN in an assigned range, with a valid check digit


def publications():
    return list(PublicationPage.objects.live().select_related("locale"))


def exported_texts(client, page):
    """Everything a citation manager or a search engine reads from the page."""
    html = BeautifulSoup(client.get(page.url).content, "lxml")
    texts = [script.string for script in html.find_all("script", type="application/ld+json")]
    texts += [
        meta.get("content", "")
        for meta in html.find_all("meta")
        if meta.get("name", "").startswith(("citation_", "DC."))
    ]
    for route in ("cite_bib", "cite_ris", "cite_json"):
        texts.append(client.get(page.url + page.reverse_subpage(route).lstrip("/")).content.decode())
    return "\n".join(text or "" for text in texts)


def isbns_in(text):
    return re.findall(r"97[89][\d-]{10,14}", text)


def assert_no_invalid_identifier(text):
    assert "10.5555" not in text
    for found in isbns_in(text):
        assert stdnum_isbn.is_valid(found) and isbn.in_assigned_range(found), found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_export_of_the_demo_carries_an_invalid_isbn_or_a_test_doi(client, language):
    pages = [page for page in publications() if page.locale.language_code == language]
    assert pages
    for page in pages:
        text = exported_texts(client, page)
        assert_no_invalid_identifier(text)
        assert "isbn" not in text.lower() or not isbns_in(text)


def test_the_demo_publication_is_an_example_without_identifiers():
    for page in publications():
        assert page.is_example
        assert page.doi == "" and page.print_isbn == ""
        assert not [edition.isbn for edition in page.editions.all() if edition.isbn]


def test_an_example_publication_exports_no_identifier_even_a_real_one(client):
    page = next(page for page in publications() if page.locale.language_code == "en")
    PublicationPage.objects.filter(translation_key=page.translation_key).update(doi=REAL_DOI)
    Edition.objects.filter(page__translation_key=page.translation_key).update(isbn=REAL_ISBN)
    text = exported_texts(client, PublicationPage.objects.get(pk=page.pk))
    assert REAL_DOI not in text and not isbns_in(text)


def test_a_real_publication_exports_its_real_identifiers(client):
    page = next(page for page in publications() if page.locale.language_code == "en")
    PublicationPage.objects.filter(translation_key=page.translation_key).update(doi=REAL_DOI, is_example=False)
    Edition.objects.filter(page__translation_key=page.translation_key).update(isbn=REAL_ISBN)
    text = exported_texts(client, PublicationPage.objects.get(pk=page.pk))
    assert REAL_DOI in text
    assert isbns_in(text)
    assert_no_invalid_identifier(text)


@pytest.mark.parametrize("value", ["10.5555/steps.2015.final", "10.5555/12345678"])
def test_the_test_doi_prefix_is_refused(value):
    assert doi.is_test_doi(value)
    with pytest.raises(ValidationError):
        doi.validate_doi(value)


@pytest.mark.parametrize(
    "value",
    [
        "978-94-99990-01-7",  # wrong check digit
        "9799999999990",  # valid check digit, but 979-9 has no registration group assigned
    ],
)
def test_isbns_that_fail_their_check_or_lie_outside_assigned_ranges_are_refused(value):
    assert not isbn.is_valid(value)
    with pytest.raises(ValidationError):
        isbn.validate_isbn(value)


def test_a_real_isbn_passes():
    assert isbn.is_valid(REAL_ISBN)
    assert json.dumps(isbn.to_isbn13(REAL_ISBN))
