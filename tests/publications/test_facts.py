"""One fact, one place: the copies printed, the printed edition and the editions of a
publication are its source page's in every language; a translation cannot fork them."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail_localize.models import Translation

from publications.models import Edition, PrintStock, PublicationPage
from tests.languages import WRITTEN, WRITTEN_TRANSLATIONS

pytestmark = pytest.mark.django_db

OTHER_ISBN = "978-3-16-148410-0"


def fresh(page):
    return PublicationPage.objects.get(pk=page.pk)


def publish(page, **changes):
    page = fresh(page)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return fresh(page)


def total(page):
    return PrintStock.objects.get(publication_key=page.translation_key).total


def book(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "lxml")
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        for item in data if isinstance(data, list) else [data]:
            if item.get("@type") == "Book":
                return item
    raise AssertionError("no Book in the page")


# The stock ------------------------------------------------------------------------------------


def test_only_the_source_page_sets_the_copies_printed(publications):
    before = total(publications["en"])
    publish(publications["fr"], printed_copies=before + 500)
    publish(publications["nl"], printed_copies=before + 1)
    assert total(publications["en"]) == before  # published last, the translations still set nothing

    publish(publications["en"], printed_copies=before + 50)
    assert total(publications["en"]) == before + 50
    publish(publications["fr"], printed_copies=3)
    assert total(publications["en"]) == before + 50


def test_a_translation_with_a_stale_print_run_still_validates(publications, stock):
    # Its column is a copy that is never read: no error about a field its form does not have.
    french = fresh(publications["fr"])
    french.printed_copies = 0
    french.full_clean()
    english = fresh(publications["en"])
    english.printed_copies = 0
    with pytest.raises(ValidationError, match="already allocated"):
        english.full_clean()


def test_the_source_print_run_is_copied_to_the_translations_columns(publications):
    publish(publications["en"], printed_copies=total(publications["en"]) + 10, print_isbn=OTHER_ISBN)
    for language in WRITTEN_TRANSLATIONS:
        page = fresh(publications[language])
        assert page.printed_copies == total(publications["en"])
        assert page.print_isbn == OTHER_ISBN


# The printed edition and the editions ----------------------------------------------------------


def _document(data, name):
    document = get_document_model()(title=name)
    document.file = ContentFile(data, name=name)
    document.save()
    return document


def test_a_forked_translation_shows_and_serves_the_source_editions(client, publications):
    english, french = publications["en"], fresh(publications["fr"])
    expected = sorted((e.language, e.format, e.document_id, e.isbn) for e in english.editions.all())
    # The French copy's own editions replaced, as a stopped translation could.
    Edition.objects.filter(page=french).delete()
    Edition.objects.create(page=french, language="en", document=_document(b"%PDF-1.4 other", "other.pdf"), isbn="")
    Edition.objects.filter(page=french).update(isbn=OTHER_ISBN)
    PublicationPage.objects.filter(pk=french.pk).update(print_isbn=OTHER_ISBN, print_language="nl")

    for language in WRITTEN:
        page = fresh(publications[language])
        shown = sorted((e.language, e.format, e.document_id, e.isbn) for e in page.edition_list)
        assert shown == expected
        works = book(client, page)["workExample"]
        printed = [work for work in works if work["bookFormat"] == "https://schema.org/Paperback"]
        assert OTHER_ISBN.replace("-", "") not in {work.get("isbn") for work in works}
        assert printed[0]["inLanguage"] == fresh(english).print_language

    # The English file, downloaded through the French page, is the source's file.
    response = client.get(french.url + french.reverse_subpage("download", args=["en"]))
    assert response.status_code == 200
    served = b"".join(response.streaming_content) if response.streaming else response.content
    source_edition = fresh(english).edition_for("en")
    with source_edition.document.file.open("rb") as handle:
        assert served == handle.read()


# The editor --------------------------------------------------------------------------------------


def form_for(page, user):
    form_class = PublicationPage.get_edit_handler().get_form_class()
    return form_class(instance=page, for_user=user, parent_page=page.get_parent())


def test_a_stopped_translation_cannot_edit_the_print_run_or_the_editions(admin_client, admin_user, publications):
    english, french = publications["en"], publications["fr"]
    translation = Translation.objects.get(source__object_id=french.translation_key, target_locale=french.locale)
    stopped = admin_client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"next": f"/admin/pages/{french.pk}/edit/"}
    )
    assert stopped.status_code == 302

    source_form, translation_form = form_for(fresh(english), admin_user), form_for(fresh(french), admin_user)
    for name in ("printed_copies", "print_isbn", "print_language"):
        assert name in source_form.fields
        assert name not in translation_form.fields
    assert "editions" in source_form.formsets
    assert "editions" not in translation_form.formsets
    assert "abstract" in translation_form.fields  # the text stays the translation's

    editor = admin_client.get(f"/admin/pages/{french.pk}/edit/")
    assert editor.status_code == 200
    html = editor.content.decode()
    soup = BeautifulSoup(html, "lxml")
    assert soup.find("input", attrs={"name": "printed_copies"}) is None
    assert soup.find("input", attrs={"name": "editions-TOTAL_FORMS"}) is None
    assert f"/admin/pages/{english.pk}/edit/" in html
    # The copies printed are shown read-only, with the source page's value.
    read_only = [output.get_text(strip=True) for output in soup.select(".w-field__textoutput")]
    assert str(fresh(english).printed_copies) in read_only
    source_editor = BeautifulSoup(admin_client.get(f"/admin/pages/{english.pk}/edit/").content, "lxml")
    assert source_editor.find("input", attrs={"name": "editions-TOTAL_FORMS"}) is not None
