"""Byte-range delivery of video files (RFC 9110 ranges), unit and through a film page."""

import io

import pytest
from django.test import RequestFactory

from films.ranges import Unsatisfiable, parse_range, ranged_file_response

DATA = bytes(range(256)) * 4  # 1024 bytes
SIZE = len(DATA)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, SIZE - 1)),
        ("bytes=-100", (SIZE - 100, SIZE - 1)),
        ("bytes=-5000", (0, SIZE - 1)),
        ("bytes=1000-5000", (1000, SIZE - 1)),
        ("bytes=0-0", (0, 0)),
        ("bytes=0-1,5-6", None),  # several ranges: the whole file
        ("bytes=9-3", None),  # invalid: ignored
        ("items=0-5", None),
        ("bytes=abc", None),
        ("bytes=-", None),
    ],
)
def test_parse_range(header, expected):
    assert parse_range(header, SIZE) == expected


@pytest.mark.parametrize("header", ["bytes=1024-", "bytes=5000-6000", "bytes=-0"])
def test_unsatisfiable(header):
    with pytest.raises(Unsatisfiable):
        parse_range(header, SIZE)


def _respond(method="get", **headers):
    request = getattr(RequestFactory(), method)("/video/", headers=headers)
    return ranged_file_response(request, lambda: io.BytesIO(DATA), SIZE, "video/webm", etag='"abc"')


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_whole_file():
    response = _respond()
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(SIZE)
    assert _body(response) == DATA


def test_first_bytes():
    response = _respond(range="bytes=0-99")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 0-99/{SIZE}"
    assert response["Content-Length"] == "100"
    assert _body(response) == DATA[:100]


def test_suffix_range():
    response = _respond(range="bytes=-100")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {SIZE - 100}-{SIZE - 1}/{SIZE}"
    assert _body(response) == DATA[-100:]


def test_open_range():
    response = _respond(range="bytes=1000-")
    assert response.status_code == 206
    assert _body(response) == DATA[1000:]


def test_multiple_ranges_get_the_whole_file():
    response = _respond(range="bytes=0-1,10-20")
    assert response.status_code == 200
    assert _body(response) == DATA


def test_unsatisfiable_range_is_416():
    response = _respond(range="bytes=2000-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{SIZE}"


def test_head_sends_headers_only():
    response = _respond("head", range="bytes=0-9")
    assert response.status_code == 206
    assert response["Content-Length"] == "10"
    assert response.content == b""


def test_stale_if_range_gets_the_whole_file():
    assert _respond(range="bytes=0-9", if_range='"other"').status_code == 200
    assert _respond(range="bytes=0-9", if_range='"abc"').status_code == 206


def test_if_none_match():
    assert _respond(if_none_match='"abc"').status_code == 304


@pytest.mark.django_db
class TestFilmVideoRoute:
    @pytest.fixture
    def film(self):
        from films.models import FilmPage

        return FilmPage.objects.live().filter(locale__language_code="fr", video__isnull=False).first()

    def test_ranges_through_the_page(self, client, film):
        url = film.url + "video/"
        size = film.video.file.size
        full = client.get(url)
        assert full.status_code == 200
        assert full["Content-Type"] == "video/webm"
        data = b"".join(full.streaming_content)
        assert len(data) == size
        assert data[:4] == b"\x1a\x45\xdf\xa3"  # the EBML (WebM) signature

        first = client.get(url, headers={"range": "bytes=0-99"})
        assert first.status_code == 206
        assert first["Content-Range"] == f"bytes 0-99/{size}"
        assert b"".join(first.streaming_content) == data[:100]

        last = client.get(url, headers={"range": "bytes=-100"})
        assert last.status_code == 206
        assert b"".join(last.streaming_content) == data[-100:]

        assert client.get(url, headers={"range": f"bytes={size}-"}).status_code == 416

    def test_film_without_file_has_no_video_route(self, client, film):
        film.video = None
        film.external_url = "https://vimeo.com/76979871"
        film.save()
        assert client.get(film.url + "video/").status_code == 404


@pytest.mark.django_db
def test_files_on_object_storage_are_fetched_from_there(client, monkeypatch):
    from django.core.files.storage import FileSystemStorage

    from films.models import FilmPage

    film = FilmPage.objects.live().filter(locale__language_code="en", video__isnull=False).first()

    def no_local_path(self, name):
        raise NotImplementedError("This backend doesn't support absolute paths.")

    monkeypatch.setattr(FileSystemStorage, "path", no_local_path)
    monkeypatch.setattr(FileSystemStorage, "url", lambda self, name: f"https://cdn.example.org/{name}")
    response = client.get(film.url + "video/")
    assert response.status_code == 302
    assert response["Location"] == f"https://cdn.example.org/{film.video.file.name}"
