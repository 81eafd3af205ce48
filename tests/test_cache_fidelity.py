"""A page served from the cache is exactly the page: every page type and every download.

Each kind of address is checked in one language, the languages taking turns
(tests/page_types.share_of): the cache stores and serves every language the same way,
and tests/test_page_cache.py shows that one language's page never answers another's.

With the production page cache on, each address is asked for with HEAD first (which
must never be stored), then GET twice: the second GET, a hit where the response is
cacheable, must answer with the status, headers and body of the first; one that
is not cacheable (a form with a CSRF token, an error, a file) must not be marked as stored. Only `Date`
and the cache's own `X-Page-Cache` marker may differ.
"""

import pytest

from tests.hostile.routes import download_urls
from tests.page_types import LANGUAGES, page_urls, share_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_caching")]

IGNORED = {"date", "x-page-cache"}


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def headers(response):
    return {name.lower(): value for name, value in response.items() if name.lower() not in IGNORED}


def addresses(language):
    return page_urls(language) + download_urls(language)


def test_the_languages_share_out_every_page_and_download():
    checked = {label for language in LANGUAGES for label, _url in share_of(language, addresses)}
    assert checked == {label for language in LANGUAGES for label, _url in addresses(language)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_hit_equals_the_miss_for_every_page_and_download(client, subtests, language):
    urls = list({url: (label, url) for label, url in share_of(language, addresses)}.values())
    assert len(urls) > 12, "the demo offers every kind of page and download"
    hits = 0
    for label, url in urls:
        with subtests.test(msg=label, url=url):
            head = client.head(url)
            assert head.get("X-Page-Cache") != "hit", "a HEAD request was answered from nothing stored by GET"
            first = client.get(url)
            assert first.get("X-Page-Cache") != "hit", "HEAD stored a response"
            assert first.status_code == head.status_code
            first_body = body(first)
            if first.status_code == 200 and not first.streaming:
                assert first_body, "HEAD then GET gives the whole body"
            second = client.get(url)
            if second.get("X-Page-Cache") == "hit":
                hits += 1
                assert second.status_code == first.status_code
                assert headers(second) == headers(first)
                assert body(second) == first_body
            else:  # never stored: a form with its own CSRF token, an error, a file
                assert first.get("X-Page-Cache") is None
    assert hits > len(urls) / 2, "most pages and downloads are served from the cache"


def test_a_film_asked_with_head_still_plays_in_full(client):
    from films.models import FilmPage

    film = next(page for page in FilmPage.objects.live().filter(locale__language_code="en") if page.video_url)
    client.head(film.video_url)
    response = client.get(film.video_url)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert len(body(response)) > 1000
        ranged = client.get(film.video_url, HTTP_RANGE="bytes=0-99")
        assert ranged.status_code == 206 and len(body(ranged)) == 100
