"""Inputs that once gave a server error, each answered now with a page or a 4xx."""

import pytest

from core.filters import positive_integer
from films.ranges import Unsatisfiable, parse_range
from publications import isbn

from .checks import client

HUGE = "9" * 5000  # more digits than int() converts (4,300)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", 12),
        (" 12 ", 12),
        ("007", 7),
        ("2147483647", 2**31 - 1),
        ("2147483648", None),
        ("0", None),
        ("000", None),
        ("-1", None),
        ("+1", None),
        ("1.5", None),
        ("1e5", None),
        ("", None),
        ("²", None),  # "²".isdigit() is true, int("²") raises
        ("1²", None),
        ("١٢", None),  # int() reads Arabic-Indic digits: not a number the site writes
        ("𝟗", None),
        ("1 2", None),
        ("1\x00", None),
        (HUGE, None),
        ("0" * 5000 + "7", 7),
    ],
)
def test_positive_integer_reads_only_plain_bounded_numbers(raw, expected):
    assert positive_integer(raw) == expected


def test_positive_integer_respects_its_maximum():
    assert positive_integer("30", maximum=30) == 30
    assert positive_integer("31", maximum=30) is None


@pytest.fixture
def toolkit(db):
    from toolkit.models import ToolkitIndexPage

    return ToolkitIndexPage.objects.live().get(locale__language_code="en")


@pytest.fixture
def method(db):
    from toolkit.models import ToolPage

    return ToolPage.objects.live().filter(locale__language_code="en").order_by("path").first()


@pytest.mark.parametrize("value", ["²", "³", HUGE, "١٢", "\x00"])
def test_a_plan_with_an_odd_method_number_leaves_it_out(toolkit, method, value):
    response = client().get(f"{toolkit.url}plan/", {"m": [value, str(method.pk)]})
    assert response.status_code == 200
    assert "is not a method number" in response.content.decode()
    assert response.context["plan_ids"] == [method.pk]


@pytest.mark.parametrize("value", ["²", HUGE])
def test_the_toolkit_and_a_method_ignore_an_odd_plan_number(toolkit, method, value):
    http = client()
    for url in (toolkit.url, method.url, f"{method.url}print/"):
        assert http.get(url, {"m": value}).status_code == 200, url


def test_the_plan_quotes_a_long_rejected_value_shortened(toolkit):
    response = client().get(f"{toolkit.url}plan/", {"m": "x" * 20_000})
    assert response.status_code == 200
    [message] = response.context["plan_messages"]
    assert "x" * 39 + "…" in message
    assert "x" * 100 not in message


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (f"bytes={HUGE}-", Unsatisfiable),
        (f"bytes={HUGE}-{HUGE}", Unsatisfiable),
        (f"bytes=0-{HUGE}", (0, 1023)),
        (f"bytes=-{HUGE}", (0, 1023)),
        (f"bytes=10-{'0' * 5000}9", None),  # last before first: ignored
        ("bytes=²-", None),
        ("bytes=٣-٤", None),  # not ASCII digits: ignored
        ("bytes=0-٤", None),
    ],
)
def test_ranges_with_huge_or_foreign_numbers(header, expected):
    if expected is Unsatisfiable:
        with pytest.raises(Unsatisfiable):
            parse_range(header, 1024)
    else:
        assert parse_range(header, 1024) == expected


@pytest.fixture
def film_video_url(db):
    from films.models import FilmPage

    film = next(film for film in FilmPage.objects.live().filter(locale__language_code="en") if film.video_url)
    return film.video_url


def test_a_film_answers_a_range_of_thousands_of_digits(film_video_url):
    http = client()
    assert http.get(film_video_url, headers={"range": f"bytes={HUGE}-"}).status_code == 416
    whole = http.get(film_video_url, headers={"range": f"bytes=-{HUGE}"})
    assert whole.status_code == 206
    assert whole["Content-Range"].startswith("bytes 0-")
    assert http.get(film_video_url, headers={"range": f"bytes=0-{HUGE}"}).status_code == 206
    assert http.get(film_video_url, headers={"range": "bytes=٣-٤"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("document_id", [HUGE, "١" * 5000, "9" * 20])
def test_a_document_address_with_a_huge_id_is_not_found(document_id):
    assert client().get(f"/documents/{document_id}/brochure.pdf").status_code == 404


def test_an_isbn_with_superscript_digits_is_invalid_not_an_error():
    assert not isbn.is_valid("978²234567890")
    assert not isbn.is_valid("²306406152")
    assert isbn.is_valid("978-0-306-40615-7")


@pytest.mark.parametrize("forwarded", ["garbage", "::zz", "203.0.113.7:443", "\x00", "1" * 5000])
def test_a_forwarded_address_that_is_no_address_is_not_used(settings, forwarded):
    from django.test import RequestFactory

    from privacy.protection import client_ip

    settings.PROTECTION_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"198.51.100.1, {forwarded}")
    assert client_ip(request) == "10.0.0.2"


@pytest.mark.django_db
def test_a_publication_download_answers_a_range_of_thousands_of_digits():
    from publications.models import PublicationPage

    publication = PublicationPage.objects.live().get(locale__language_code="en")
    url = publication.url + publication.reverse_subpage("download", args=["en"]).lstrip("/")
    http = client()
    for header in (f"bytes={HUGE}-", f"bytes={'0' * 5000}-", "bytes=٠-"):
        assert http.get(url, headers={"range": header}).status_code == 200, header
