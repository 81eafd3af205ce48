"""File size and page count are read from an edition's file when it is saved."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from publications.models import Edition


def _document(data, name):
    document = get_document_model()(title=name)
    document.file = ContentFile(data, name=name)
    document.save()
    return document


def test_a_new_file_is_measured_again(publications):
    page = publications["en"]
    edition = page.editions.get(language="en")
    assert edition.page_count == 7
    from publications.demo import media

    pdf = media.publication_pdf(
        title="Short",
        language="en",
        edition="Test",
        authors="Tester",
        date="2026-01-01",
        contents_heading="Contents",
        page_word="page",
        colophon="",
        chapters=[("One", "", "Text.", [])],
    )
    edition.document = _document(pdf, "short.pdf")
    edition.save()
    edition.refresh_from_db()
    assert edition.page_count == 3
    assert edition.file_size == len(pdf)


def test_a_damaged_pdf_does_not_stop_saving(publications):
    edition = Edition(page=publications["en"], language="nl", document=_document(b"%PDF-1.4 broken", "broken.pdf"))
    edition.save()
    assert edition.page_count is None
    assert edition.file_size == len(b"%PDF-1.4 broken")


def test_admin_page_forms_render(admin_client, publications):
    page = publications["en"]
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert admin_client.get(f"/admin/pages/{publications['fr'].pk}/edit/").status_code == 200


def test_admin_add_form_renders(admin_client, publications):
    from publications.models import PublicationPage

    parent = publications["en"].get_parent()
    assert PublicationPage in parent.specific_class.allowed_subpage_models()
    assert admin_client.get(f"/admin/pages/add/publications/publicationpage/{parent.pk}/").status_code == 200
