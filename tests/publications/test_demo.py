"""The demo publication: real PDFs, three languages, a realistic stock, and idempotent loading."""

import pytest
from pypdf import PdfReader
from wagtail.documents import get_document_model

from publications.models import PrintRequest, PrintStock, PublicationPage

pytestmark = pytest.mark.demo


def test_demo_pdfs_are_real_and_in_their_language(publications):
    words = {"en": "Contents", "fr": "Sommaire", "nl": "Inhoud"}
    for edition in publications["en"].editions.select_related("document"):
        with edition.document.file.open("rb") as handle:
            reader = PdfReader(handle)
            assert len(reader.pages) == edition.page_count == 7
            assert words[edition.language] in reader.pages[1].extract_text()
        assert edition.file_size == edition.document.file.size


def test_demo_stock_is_realistic_and_consistent(stock):
    assert stock.total == 250
    held = sum(r.copies for r in PrintRequest.objects.filter(stock=stock) if r.holds_copies)
    assert 0 < stock.allocated == held < 250
    assert {r.status for r in PrintRequest.objects.filter(stock=stock)} >= {"sent", "requested", "cancelled"}
    assert all(r.email.endswith("@example.org") for r in PrintRequest.objects.filter(stock=stock))


def test_loading_twice_duplicates_nothing(publications):
    from demo.context import DemoContext
    from publications.demo import build_publication

    Document = get_document_model()
    counts = (
        PublicationPage.objects.count(),
        Document.objects.filter(title__startswith="STEPS final publication").count(),
        PrintRequest.objects.count(),
        PrintStock.objects.count(),
    )
    files = {e.document.file.name for e in publications["en"].editions.select_related("document")}
    ctx = DemoContext()
    ctx.pages["home"] = publications["en"].get_parent()
    build_publication(ctx)
    assert counts == (
        PublicationPage.objects.count(),
        Document.objects.filter(title__startswith="STEPS final publication").count(),
        PrintRequest.objects.count(),
        PrintStock.objects.count(),
    )
    page = PublicationPage.objects.get(pk=publications["en"].pk)
    assert {e.document.file.name for e in page.editions.select_related("document")} == files
