"""The publication page in every language: text, editions, structured data, citations."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from tests.factories import FrameworkItemFactory, PublicationPageFactory, translate
from tests.languages import WRITTEN
from tests.module_data import module_data

from .conftest import REGISTERED_DOI, REGISTERED_ISBNS

TITLES = {
    "en": "Soft skills, first steps",
    "fr": "Compétences douces, premiers pas",
    "nl": "Soft skills, eerste stappen",
}
CHAPTER = {"en": "Methods that work", "fr": "Des méthodes qui fonctionnent", "nl": "Methodes die werken"}
SLUGS = {"en": "first-steps", "fr": "premiers-pas", "nl": "eerste-stappen"}


def pdf(pages):
    """A PDF of `pages` blank pages, as a file the editions can hold."""
    import io

    from django.core.files.base import ContentFile
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return ContentFile(buffer.getvalue(), name="edition.pdf")


def contents(language):
    sections = [{"type": "item", "value": {"title": "Ten methods", "page": 5}}]
    chapter = {"title": CHAPTER[language], "summary": "", "page": 5, "sections": sections}
    return [{"type": "chapter", "value": chapter}]


@module_data
def publication_pks():
    """The primary keys of a publication of 2015-09-10 by Medway Council, in English, French
    and Dutch, keyed by language code, with a 7-page PDF edition in each language, 250
    printed copies and a competence. Built once for the module."""
    from wagtail_factories import DocumentFactory

    from publications.models import Contributor, Edition

    english = PublicationPageFactory(
        title=TITLES["en"],
        slug=SLUGS["en"],
        publication_date="2015-09-10",
        file_name_base="steps-publication",
        printed_copies=250,
        competences=[FrameworkItemFactory(name="Working with others")],
        contents=contents("en"),
        contributors=[Contributor(kind="organisation", role="author", family_name="Medway Council")],
        editions=[
            Edition(language=code, document=DocumentFactory(title=f"Edition {code}", file=pdf(7))) for code in WRITTEN
        ],
    )
    pages = {"en": english}
    for code in WRITTEN:
        if code != "en":
            pages[code] = translate(english, code, title=TITLES[code], slug=SLUGS[code], contents=contents(code))
    return {code: page.pk for code, page in pages.items()}


@pytest.fixture
def publications(db, publication_pks):
    """The publication's pages, keyed by language code (overriding the conftest's demo
    publication for this module): fresh instances, so no test sees what another changed in
    memory."""
    from publications.models import PublicationPage

    return {code: PublicationPage.objects.get(pk=pk) for code, pk in publication_pks.items()}


def _get(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "lxml")


def _json_ld(soup, kind):
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        for item in data if isinstance(data, list) else [data]:
            if item.get("@type") == kind:
                return item
    raise AssertionError(f"no {kind} in the page")


@pytest.mark.parametrize("language", WRITTEN)
def test_renders_in_each_language_with_its_own_text(client, publications, language):
    page = publications[language]
    soup = _get(client, page)
    assert soup.html["lang"] == language
    assert len(soup.find_all("h1")) == 1
    assert TITLES[language] in soup.h1.get_text()
    toc = soup.select_one(".publication__contents ol.toc")
    assert CHAPTER[language] in toc.get_text()
    # Sections are a list nested inside their chapter's item.
    assert toc.select("li.toc__chapter > ol.toc__sections > li")
    for other, chapter in CHAPTER.items():
        if other != language:
            assert chapter not in toc.get_text()


@pytest.mark.parametrize("language", WRITTEN)
def test_own_language_edition_comes_first(client, publications, language):
    soup = _get(client, publications[language])
    editions = soup.select(".edition-list .edition")
    assert [edition["lang"] for edition in editions][0] == language
    assert sorted(edition["lang"] for edition in editions) == sorted(WRITTEN)
    first_link = editions[0].a["href"]
    assert first_link.endswith(f"/download/{language}/")
    # The page count is spelt in the page's language.
    assert re.search({"en": r"\d+ pages", "fr": r"\d+ pages", "nl": r"\d+ pagina's"}[language], editions[0].get_text())


def test_editions_are_the_same_files_on_every_translation(publications):
    by_language = {
        code: sorted((e.language, e.document_id, e.isbn, e.page_count) for e in page.editions.all())
        for code, page in publications.items()
    }
    assert by_language["en"] == by_language["fr"] == by_language["nl"]
    assert all(count == 7 for _lang, _doc, _isbn, count in by_language["en"])


def test_structured_data_book_with_editions_and_current_inventory(client, registered):
    from publications.models import PrintStock

    page = registered["fr"]
    book = _json_ld(_get(client, page), "Book")
    assert book["inLanguage"] == "fr"
    assert book["name"].startswith(TITLES["fr"])
    ebooks = [w for w in book["workExample"] if w["bookFormat"] == "https://schema.org/EBook"]
    assert {w["inLanguage"] for w in ebooks} == set(WRITTEN)
    for work in ebooks:
        assert work["url"].endswith(f"/download/{work['inLanguage']}/")
        assert re.fullmatch(r"97[89]\d{10}", work["isbn"])
    printed = next(w for w in book["workExample"] if w["bookFormat"] == "https://schema.org/Paperback")
    stock = page.stock
    assert printed["offers"]["price"] == "0"
    assert printed["offers"]["inventoryLevel"] == {"@type": "QuantitativeValue", "value": stock.left}
    assert printed["offers"]["availability"] == "https://schema.org/InStock"

    # Always the current figure: the next render shows the new stock.
    PrintStock.objects.filter(pk=stock.pk).update(total=stock.allocated)
    printed = next(
        w for w in _json_ld(_get(client, page), "Book")["workExample"] if w["bookFormat"].endswith("Paperback")
    )
    assert printed["offers"]["inventoryLevel"]["value"] == 0
    assert printed["offers"]["availability"] == "https://schema.org/OutOfStock"


def test_citation_meta_tags(client, registered):
    page = registered["nl"]
    soup = _get(client, page)

    def meta(name):
        return [tag["content"] for tag in soup.find_all("meta", attrs={"name": name})]

    assert meta("citation_title") == [page.title]
    assert "Medway Council" in meta("citation_author")
    assert meta("citation_publication_date") == ["2015/09/10"]
    assert meta("citation_isbn") == [REGISTERED_ISBNS["nl"]]
    assert meta("citation_doi") == [REGISTERED_DOI]
    assert meta("citation_language") == ["nl"]
    assert meta("citation_pdf_url")[0].startswith("http")
    assert meta("citation_pdf_url")[0].endswith(f"{page.url}download/nl/")
    assert meta("DC.title") == [page.title]
    assert "Medway Council" in meta("DC.creator")
    assert meta("DC.date") == ["2015-09-10"]
    assert f"https://doi.org/{REGISTERED_DOI}" in meta("DC.identifier")
    assert meta("DC.language") == ["nl"]


def test_bibtex_is_well_formed(client, registered):
    page = registered["en"]
    response = client.get(page.url + page.reverse_subpage("cite_bib"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert response["Content-Disposition"] == 'attachment; filename="steps-publication-en.bib"'
    text = response.content.decode()
    assert re.match(r"@book\{[a-z0-9]+,\n", text)
    assert text.rstrip().endswith("}")
    assert text.count("{") == text.count("}")
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", text, flags=re.M))
    assert {"title", "author", "year", "publisher", "isbn", "doi", "url"} <= fields.keys()
    assert fields["year"] == "2015"
    assert fields["isbn"] == REGISTERED_ISBNS["en"]


def test_bibtex_escapes_special_characters_and_names_people(publications):
    from publications import citations
    from publications.models import Contributor

    page = publications["en"]
    page.title = "Skills & jobs: 100% {practical}"
    page.__dict__["contributor_list"] = [
        Contributor(kind="person", role="author", given_names="Anne-Marie", family_name="Van den Berg"),
        Contributor(kind="organisation", role="editor", family_name="STEPS cluster"),
    ]
    text = citations.bibtex(page, "https://example.org/")
    assert r"Skills \& jobs: 100\% \{practical\}" in text
    assert "author = {Van den Berg, Anne-Marie}" in text
    assert "editor = {{STEPS cluster}}" in text
    assert text.count("{") - text.count(r"\{") == text.count("}") - text.count(r"\}")
    item = citations.csl_item(page, "https://example.org/")
    assert item["author"] == [{"family": "Van den Berg", "given": "Anne-Marie"}]
    assert item["editor"] == [{"literal": "STEPS cluster"}]


def test_ris_is_well_formed(client, registered):
    page = registered["fr"]
    response = client.get(page.url + page.reverse_subpage("cite_ris"))
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert response["Content-Disposition"] == 'attachment; filename="steps-publication-fr.ris"'
    lines = response.content.decode().split("\r\n")
    assert lines[0] == "TY  - BOOK"
    assert lines[-2] == "ER  -" and lines[-1] == ""
    for line in lines[:-1]:
        assert re.fullmatch(r"[A-Z][A-Z0-9]  - ?.*", line), line
    tags = [line[:2] for line in lines[:-1]]
    assert {"TI", "AU", "PY", "SN", "DO", "UR", "LA"} <= set(tags)
    assert "LA  - fr" in lines


def test_csl_json_is_well_formed(client, registered):
    page = registered["nl"]
    response = client.get(page.url + page.reverse_subpage("cite_json"))
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    assert response["Content-Disposition"] == 'attachment; filename="steps-publication-nl.json"'
    items = json.loads(response.content)
    assert isinstance(items, list) and len(items) == 1
    item = items[0]
    assert {"type", "title", "issued", "author"} <= item.keys()
    assert item["type"] == "book"
    assert item["title"] == page.title
    assert item["issued"] == {"date-parts": [[2015, 9, 10]]}
    assert item["author"] and all("literal" in a or "family" in a for a in item["author"])
    assert item["ISBN"] == REGISTERED_ISBNS["nl"]
    assert item["language"] == "nl"


def test_page_shows_copies_left(client, publications, stock):
    soup = _get(client, publications["en"])
    assert f"{stock.left} printed copies left out of 250" in soup.select_one("#request-copies").get_text()


def test_publication_is_listed_on_its_competence_page(publications):
    from competences.queries import linked_pages

    item = publications["en"].competences.first()
    assert item is not None
    pages = linked_pages(item, publications["fr"].locale)
    assert publications["fr"].pk in {page.pk for page in pages}
