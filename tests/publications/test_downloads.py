"""Downloads are served to everyone allowed to read them, and counted as COUNTER Release 5 counts
them: one per reader, file and 30 seconds, no robots, nothing stored about the person."""

import logging
import time

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction

from publications.counting import count_download
from publications.models import DownloadCount
from tests.languages import WRITTEN

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
OTHER_BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
)


def _url(page, language):
    return page.url + page.reverse_subpage("download", args=[language])


def _download(client, page, language, address="198.51.100.1", user_agent=BROWSER, **headers):
    return client.get(_url(page, language), REMOTE_ADDR=address, HTTP_USER_AGENT=user_agent, **headers)


def _count(page, language):
    row = DownloadCount.objects.filter(publication_key=page.translation_key, language=language).first()
    return row.count if row else 0


@pytest.fixture
def clock(monkeypatch):
    """Moves the time the cache (and the rate limits) see; the database clock is left alone."""
    real_time = time.time
    offset = {"seconds": 0.0}
    monkeypatch.setattr(time, "time", lambda: real_time() + offset["seconds"])

    def advance(seconds):
        offset["seconds"] += seconds

    return advance


# Serving ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", WRITTEN)
def test_download_serves_the_pdf_with_a_clear_name(client, publications, language):
    page = publications["nl"]
    response = _download(client, page, language)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="steps-publication-{language}.pdf"'
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-")
    assert int(response["Content-Length"]) == len(body)


@pytest.mark.parametrize("language", ["de", "xx", "EN", "en-gb", "..", "0"])
def test_unknown_language_is_404_and_counts_nothing(client, publications, language):
    response = client.get(publications["en"].url + f"download/{language}/", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 404
    assert not DownloadCount.objects.filter(language=language).exists()


def test_a_language_without_edition_is_404(client, publications):
    page = publications["en"]
    page.editions.filter(language="fr").delete()
    # The page object caches its editions; fetch it anew.
    from publications.models import PublicationPage

    page = PublicationPage.objects.get(pk=page.pk)
    assert _download(client, page, "fr").status_code == 404


# Counting ---------------------------------------------------------------------------------


def test_each_reader_counts_once_for_the_language_of_the_file_whatever_the_page_language(client, publications):
    before_fr, before_nl = _count(publications["en"], "fr"), _count(publications["en"], "nl")
    _download(client, publications["en"], "fr", address="198.51.100.1")
    _download(client, publications["nl"], "fr", address="198.51.100.2")
    _download(client, publications["fr"], "fr", address="198.51.100.3")
    _download(client, publications["nl"], "nl", address="198.51.100.1")
    assert _count(publications["en"], "fr") == before_fr + 3
    assert _count(publications["en"], "nl") == before_nl + 1
    today = DownloadCount.objects.get(publication_key=publications["en"].translation_key, language="fr")
    assert today.day == timezone.localdate()


def test_a_double_click_within_30_seconds_counts_once_even_from_another_translation(client, publications, clock):
    for page in (publications["en"], publications["en"], publications["fr"]):
        assert _download(client, page, "nl").status_code == 200
        clock(5)
    assert _count(publications["en"], "nl") == 1


def test_the_same_reader_counts_again_after_30_seconds(client, publications, clock):
    _download(client, publications["en"], "en")
    clock(31)
    _download(client, publications["en"], "en")
    assert _count(publications["en"], "en") == 2


def test_clicks_less_than_30_seconds_apart_are_one_download_however_long_they_go_on(client, publications, clock):
    # COUNTER keeps the last of clicks within 30 seconds of each other: the window restarts at each click.
    for _ in range(4):
        _download(client, publications["en"], "en")
        clock(20)
    assert _count(publications["en"], "en") == 1
    clock(11)
    _download(client, publications["en"], "en")
    assert _count(publications["en"], "en") == 2


def test_another_address_another_browser_or_another_file_is_another_download(client, publications):
    page = publications["en"]
    _download(client, page, "en")
    _download(client, page, "en", address="198.51.100.99")
    _download(client, page, "en", user_agent=OTHER_BROWSER)
    _download(client, page, "fr")
    assert _count(page, "en") == 3
    assert _count(page, "fr") == 1


@pytest.mark.parametrize(
    "user_agent",
    [
        "Googlebot/2.1",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "",
    ],
)
def test_robots_get_the_file_but_are_not_counted(client, publications, user_agent):
    response = _download(client, publications["en"], "en", user_agent=user_agent)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert _count(publications["en"], "en") == 0


@pytest.mark.parametrize("user_agent", [BROWSER, OTHER_BROWSER])
def test_a_browser_is_counted(client, publications, user_agent):
    _download(client, publications["en"], "en", user_agent=user_agent)
    assert _count(publications["en"], "en") == 1


def test_head_post_and_range_continuations_do_not_count(client, publications):
    page = publications["en"]
    url = _url(page, "en")
    assert client.head(url, HTTP_USER_AGENT=BROWSER).status_code == 200
    assert client.post(url, HTTP_USER_AGENT=BROWSER).status_code == 405
    for continuation in ("bytes=1000-", "bytes=500-999", "bytes=-500", "bytes=oops"):
        assert _download(client, page, "en", HTTP_RANGE=continuation).status_code == 200
    assert _count(page, "en") == 0
    # A range from the first byte starts a download: it counts.
    _download(client, page, "en", HTTP_RANGE="bytes=0-")
    assert _count(page, "en") == 1


def test_when_the_cache_is_down_the_download_is_served_and_counted(client, publications, settings, monkeypatch, caplog):
    from redis.exceptions import ConnectionError as RedisConnectionError

    def down(*args, **kwargs):
        raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    settings.RATELIMIT_ENABLE = True  # the rate limit, kept in the same cache, lets the download through too
    url = _url(publications["en"], "en")
    monkeypatch.setattr(cache, "add", down)
    monkeypatch.setattr(cache, "touch", down)
    with caplog.at_level(logging.WARNING):
        for _ in range(2):
            assert client.get(url, REMOTE_ADDR="198.51.100.1", HTTP_USER_AGENT=BROWSER).status_code == 200
    # Without the cache a double click cannot be told apart: both count, and the log says why.
    assert _count(publications["en"], "en") == 2
    assert "the cache did not answer" in caplog.text


def test_a_cache_that_answers_every_call_as_a_miss_lets_downloads_count(client, publications, monkeypatch):
    # What a cache backend that degrades rather than fails answers while its server is away.
    monkeypatch.setattr(cache, "add", lambda *args, **kwargs: False)
    monkeypatch.setattr(cache, "touch", lambda *args, **kwargs: False)
    for _ in range(2):
        assert _download(client, publications["en"], "en").status_code == 200
    assert _count(publications["en"], "en") == 2


def test_nothing_about_the_reader_is_stored(client, publications, monkeypatch):
    stored = []
    real_add = cache.add

    def spy(key, value, *args, **kwargs):
        stored.append((key, value, kwargs.get("timeout", args[0] if args else None)))
        return real_add(key, value, *args, **kwargs)

    monkeypatch.setattr(cache, "add", spy)
    _download(client, publications["en"], "en", address="203.0.113.9", user_agent="Secret browser/1.0")
    fields = {field.name for field in DownloadCount._meta.get_fields()}
    assert fields == {"id", "publication_key", "language", "format", "day", "count"}
    row = DownloadCount.objects.get(publication_key=publications["en"].translation_key, language="en")
    assert "203.0.113.9" not in str(row.__dict__) and "Secret" not in str(row.__dict__)
    # The cache holds a keyed hash for 30 seconds, nothing readable.
    (key, value, timeout) = stored[-1]
    assert timeout == 30
    assert "203.0.113.9" not in key and "Secret" not in key and str(publications["en"].translation_key) not in key
    assert "203.0.113.9" not in str(value) and "Secret" not in str(value)


def test_increment_is_atomic_on_an_existing_row(publications):
    key = publications["en"].translation_key
    for _ in range(5):
        count_download(key, "nl", "pdf")
    assert DownloadCount.objects.filter(publication_key=key, language="nl").count() == 1
    assert _count(publications["en"], "nl") == 5


# Rate limit ---------------------------------------------------------------------------------


def test_the_download_route_is_rate_limited_per_address(client, publications, settings, clock):
    settings.RATELIMIT_ENABLE = True
    settings.PROTECTION_RATES = {"publications.download": "3/m"}
    page = publications["en"]
    for language in WRITTEN:
        assert _download(client, page, language).status_code == 200
    refused = _download(client, page, "en", user_agent=OTHER_BROWSER)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "no-store" in refused["Cache-Control"]
    assert _count(page, "en") == 1  # the refused request is not a download
    # Another address is not held back, and the limit passes.
    assert _download(client, page, "en", address="198.51.100.77").status_code == 200
    clock(61)
    assert _download(client, page, "en").status_code == 200


# Privacy ------------------------------------------------------------------------------------


@pytest.fixture
def private_edition(publications):
    """The English edition's document moved to a collection restricted to signed-in users."""
    root = Collection.get_first_root_node()
    private = root.add_child(name="Private editions")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    edition = publications["en"].editions.get(language="en")
    edition.document.collection = private
    edition.document.save()
    return restriction


def test_a_private_collection_sends_visitors_to_sign_in_and_counts_nothing(client, publications, private_edition):
    response = _download(client, publications["fr"], "en")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert _count(publications["en"], "en") == 0
    # Other languages' editions, in public collections, are still served.
    assert _download(client, publications["fr"], "fr").status_code == 200


def test_a_private_collection_serves_signed_in_readers(client, publications, private_edition, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    response = _download(client, publications["en"], "en")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert _count(publications["en"], "en") == 1


def test_a_password_collection_asks_for_the_password(client, publications, private_edition):
    private_edition.restriction_type = CollectionViewRestriction.PASSWORD
    private_edition.password = "letmein"
    private_edition.save()
    response = _download(client, publications["en"], "en")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"password" in response.content.lower()
    assert "no-cache" in response["Cache-Control"]
    assert _count(publications["en"], "en") == 0


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
