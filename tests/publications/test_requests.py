"""Requesting printed copies: the public form, its validation, its protections, the stock."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from publications.models import PrintRequest

from .conftest import VALID_REQUEST, set_left


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST to the request form, running the after-commit callbacks (the emails)."""

    def send(page, data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url + page.reverse_subpage("request"), data, **extra)

    return send


def test_happy_path_allocates_and_sends_a_confirmation_in_the_page_language(client, post, publications, stock):
    left = stock.left
    page = publications["fr"]
    response = post(page, VALID_REQUEST)
    assert response.status_code == 302
    assert response["Location"].endswith(f"{page.url}request/received/requested/")
    request = PrintRequest.objects.get(email="robin@example.org")
    assert request.status == PrintRequest.Status.REQUESTED
    assert request.copies == 2 and request.language == "fr" and request.country.code == "BE"
    assert request.consent_at is not None and request.consent_version
    stock.refresh_from_db()
    assert stock.left == left - 2
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["robin@example.org"]
    assert "Compétences douces" in message.subject
    assert "1 Example Road" in message.body
    received = client.get(response["Location"])
    assert received.status_code == 200
    assert "noindex" in received.content.decode()


def test_invalid_input_shows_inline_messages_and_keeps_what_was_typed(client, post, publications, stock):
    data = {**VALID_REQUEST, "email": "not-an-email", "copies": "9", "consent": ""}
    response = post(publications["nl"], data)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "lxml")
    form = soup.select_one("form.print-form")
    assert form.select_one("#id_name")["value"] == "Robin Example"
    assert form.select_one("#id_email")["value"] == "not-an-email"
    assert "1 Example Road" in form.select_one("#id_address").get_text()
    assert form.select_one("#id_country option[selected]")["value"] == "BE"
    errors = {p["id"] for p in form.select(".form-field__error")}
    assert {"id_email_error", "id_copies_error", "id_consent_error"} <= errors
    assert soup.select_one("#print-request-errors")
    assert form.select_one("#id_email")["aria-invalid"] == "true"
    assert not PrintRequest.objects.filter(email__iexact="not-an-email").exists()
    assert len(mail.outbox) == 0


@pytest.mark.parametrize(
    "changes",
    [
        {"copies": "abc"},
        {"copies": "-3"},
        {"copies": "0"},
        {"copies": "99999999999999999999"},
        {"country": "XX"},
        {"sector": "astronaut"},
        {"name": "x" * 5000},
        {"email": "a@" + "b" * 300 + ".org"},
        {"address": ""},
        {"name": "\x00"},
    ],
)
def test_bad_input_never_breaks_the_page(client, post, publications, changes):
    response = post(publications["en"], {**VALID_REQUEST, **changes})
    assert response.status_code == 400
    assert b"form-field__error" in response.content


def test_empty_or_strange_posts_are_400_not_500(client, post, publications):
    assert post(publications["en"], {}).status_code == 400
    assert post(publications["en"], {"copies": ["1", "2"], "email": ["a", "b"]}).status_code == 400


def test_per_request_limit_comes_from_the_settings(client, post, publications, settings):
    settings.PUBLICATIONS_MAX_COPIES_PER_REQUEST = 2
    response = post(publications["en"], {**VALID_REQUEST, "copies": "3"})
    assert response.status_code == 400
    assert "at most 2 copies" in response.content.decode()
    assert post(publications["en"], {**VALID_REQUEST, "copies": "2"}).status_code == 302


def request_url(page):
    return page.url + page.reverse_subpage("request")


def test_the_request_form_has_its_own_page(client, publications, stock):
    page = publications["nl"]
    response = client.get(request_url(page))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "lxml")
    assert soup.html["lang"] == "nl"
    assert page.title in soup.title.get_text()
    assert soup.select_one(f"nav.breadcrumbs a[href='{page.url}']")
    assert page.title in soup.h1.get_text()
    assert str(stock.left) in soup.select_one(".publication__stock").get_text()
    form = soup.select_one("form.print-form")
    assert form["action"] == request_url(page)
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    for field in ("name", "email", "organisation", "sector", "address", "country", "copies", "consent"):
        control = form.select_one(f"[name={field}]")
        assert form.select_one(f"label[for={control['id']}]"), field
    assert form.select_one("#id_consent")["aria-describedby"] == "id_consent_helptext"
    assert soup.select_one(f"main a.button[href='{page.url}']")
    # A form for one visitor: never kept by a shared cache.
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "noindex" in soup.select_one("meta[name=robots]")["content"]


def test_the_publication_page_links_to_the_form_and_holds_no_token(client, publications, stock):
    page = publications["fr"]
    response = client.get(page.url)
    assert b"csrfmiddlewaretoken" not in response.content
    assert "csrftoken" not in response.cookies
    soup = BeautifulSoup(response.content, "lxml")
    assert soup.select_one("form.print-form") is None
    section = soup.select_one("#request-copies")
    assert section.select_one("a.publication__request")["href"] == request_url(page)
    assert str(stock.left) in section.select_one(".publication__stock").get_text()


def test_no_request_page_without_printed_copies(client, publications):
    from publications.models import PrintStock

    stock = PrintStock.objects.filter(publication_key=publications["en"].translation_key)
    PrintRequest.objects.filter(stock__in=stock).delete()
    stock.delete()
    assert client.get(request_url(publications["en"])).status_code == 404
    assert b"publication__request" not in client.get(publications["en"].url).content


def test_unknown_outcome_is_404(client, post, publications):
    page = publications["en"]
    assert client.get(page.url + "request/received/sent/").status_code == 404


def test_honeypot_pretends_success_and_stores_nothing(client, post, publications, stock):
    allocated = stock.allocated
    count = PrintRequest.objects.count()
    response = post(publications["en"], {**VALID_REQUEST, "website_url": "http://spam.example"})
    assert response.status_code == 302
    assert response["Location"].endswith("/received/requested/")
    assert PrintRequest.objects.count() == count
    stock.refresh_from_db()
    assert stock.allocated == allocated
    assert len(mail.outbox) == 0


def test_honeypot_is_hidden_from_people(client, post, publications):
    soup = BeautifulSoup(client.get(request_url(publications["en"])).content, "lxml")
    honeypot = soup.select_one("#id_website_url")
    assert honeypot.find_parent(attrs={"hidden": True}) is not None


def test_rate_limit_when_enabled(client, post, publications, settings):
    settings.RATELIMIT_ENABLE = True
    settings.PROTECTION_RATES = {"publications.request": "2/h"}
    page = publications["en"]
    statuses = [post(page, {**VALID_REQUEST, "email": f"r{n}@example.org"}).status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    response = post(page, {**VALID_REQUEST, "email": "r9@example.org"})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    # What was typed is kept.
    assert 'value="r9@example.org"' in response.content.decode()
    assert not PrintRequest.objects.filter(email="r9@example.org").exists()


def test_rate_limit_switched_off(client, post, publications, settings):
    settings.RATELIMIT_ENABLE = False
    settings.PROTECTION_RATES = {"publications.request": "2/h"}
    page = publications["en"]
    statuses = {
        post(page, {**VALID_REQUEST, "email": f"r{n}@example.org", "copies": "1"}).status_code for n in range(5)
    }
    assert statuses == {302}


def test_waiting_list_when_stock_is_out(client, post, publications, stock):
    set_left(stock, 0)
    response = post(publications["nl"], VALID_REQUEST)
    assert response["Location"].endswith("/request/received/waiting/")
    request = PrintRequest.objects.get(email="robin@example.org")
    assert request.status == PrintRequest.Status.WAITING
    stock.refresh_from_db()
    assert stock.left == 0
    assert "wachtlijst" in mail.outbox[0].subject.lower() or "waiting" in mail.outbox[0].subject.lower()
    page = client.get(response["Location"]).content.decode()
    assert "waiting list" in page or "wachtlijst" in page


def test_no_partial_allocation_a_request_for_more_than_is_left_waits(client, post, publications, stock):
    set_left(stock, 3)
    response = post(publications["en"], {**VALID_REQUEST, "copies": "5"})
    assert response["Location"].endswith("/received/waiting/")
    stock.refresh_from_db()
    assert stock.left == 3
    assert "3 copies are still available" in mail.outbox[0].body
    received = client.get(response["Location"]).content.decode()
    assert "3 copies are still available" in received
    # A request for what is left goes through.
    response = post(publications["en"], {**VALID_REQUEST, "email": "other@example.org", "copies": "3"})
    assert response["Location"].endswith("/received/requested/")
    stock.refresh_from_db()
    assert stock.left == 0


def test_the_publication_page_is_served_from_the_page_cache_and_requests_refresh_it(
    client, post, publications, stock, production_caching
):
    page = publications["en"]
    left = stock.left
    first = client.get(page.url)
    second = client.get(page.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert b"csrfmiddlewaretoken" not in second.content
    assert f"{left} printed copies left" in second.content.decode()
    # The form page belongs to one visitor: the page cache never keeps it.
    assert "X-Page-Cache" not in client.get(request_url(page))
    assert "X-Page-Cache" not in client.get(request_url(page))

    assert post(page, VALID_REQUEST).status_code == 302
    refreshed = client.get(page.url)
    assert refreshed["X-Page-Cache"] == "miss"
    assert f"{left - 2} printed copies left" in refreshed.content.decode()
