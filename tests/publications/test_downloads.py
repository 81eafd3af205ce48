"""Counted downloads: one more per download, per edition and day, and nothing about the person."""

import pytest
from django.utils import timezone

from publications.models import DownloadCount
from publications.views import count_download


def _download(client, page, language, **headers):
    return client.get(page.url + page.reverse_subpage("download", args=[language]), **headers)


def _count(page, language):
    row = DownloadCount.objects.filter(publication_key=page.translation_key, language=language).first()
    return row.count if row else 0


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_download_serves_the_pdf_with_a_clear_name(client, publications, language):
    page = publications["nl"]
    response = _download(client, page, language)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="steps-publication-{language}.pdf"'
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-")
    assert int(response["Content-Length"]) == len(body)


def test_each_download_counts_once_for_its_language_whatever_the_page_language(client, publications):
    before_fr, before_nl = _count(publications["en"], "fr"), _count(publications["en"], "nl")
    _download(client, publications["en"], "fr")
    _download(client, publications["nl"], "fr")
    _download(client, publications["fr"], "fr")
    _download(client, publications["nl"], "nl")
    assert _count(publications["en"], "fr") == before_fr + 3
    assert _count(publications["en"], "nl") == before_nl + 1
    today = DownloadCount.objects.get(publication_key=publications["en"].translation_key, language="fr")
    assert today.day == timezone.localdate()


def test_counts_store_no_personal_data(client, publications):
    _download(client, publications["en"], "en", HTTP_USER_AGENT="Secret browser", REMOTE_ADDR="203.0.113.9")
    fields = {field.name for field in DownloadCount._meta.get_fields()}
    assert fields == {"id", "publication_key", "language", "format", "day", "count"}
    row = DownloadCount.objects.get(publication_key=publications["en"].translation_key, language="en")
    assert "203.0.113.9" not in str(row.__dict__) and "Secret" not in str(row.__dict__)


def test_increment_is_atomic_on_an_existing_row(publications):
    key = publications["en"].translation_key
    for _ in range(5):
        count_download(key, "nl", "pdf")
    assert DownloadCount.objects.filter(publication_key=key, language="nl").count() == 1
    assert _count(publications["en"], "nl") == 5


@pytest.mark.parametrize("language", ["de", "xx", "EN", "en-gb", "..", "0"])
def test_unknown_language_is_404_and_counts_nothing(client, publications, language):
    response = client.get(publications["en"].url + f"download/{language}/")
    assert response.status_code == 404
    assert not DownloadCount.objects.filter(language=language).exists()


def test_a_language_without_edition_is_404(client, publications):
    page = publications["en"]
    page.editions.filter(language="fr").delete()
    # The page object caches its editions; fetch it anew.
    from publications.models import PublicationPage

    page = PublicationPage.objects.get(pk=page.pk)
    assert _download(client, page, "fr").status_code == 404


def test_head_and_post_do_not_count(client, publications):
    page = publications["en"]
    url = page.url + page.reverse_subpage("download", args=["en"])
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405
    assert _count(page, "en") == 0


def test_editors_see_the_counts_in_the_page_editor(admin_client, publications):
    page = publications["en"]
    for _ in range(3):
        count_download(page.translation_key, "nl", "pdf")
    table, total = page.download_statistics()
    assert ("nl", "Nederlands", 3, 3) in table
    assert total == 3
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Downloads per language" in html
    assert "printed, 185 allocated" in html or "allocated" in html
