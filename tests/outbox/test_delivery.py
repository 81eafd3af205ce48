"""A visitor's registration or copy request never fails because the mail server does:
the record and its e-mail are saved together, and the e-mail arrives once the server is back."""

import pytest

from events.models import Registration
from publications.models import PrintRequest
from tests.factories import EventPageFactory, PublicationPageFactory, translate

from .conftest import entries, run_worker, smtp_server

pytestmark = pytest.mark.django_db

APOSTROPHE_TITLE = "L'écoute active, pas à pas"


def _french_conference():
    """An event open for registration, translated into French under a title with an apostrophe."""
    return translate(EventPageFactory(open_for_registration=True), "fr", title=APOSTROPHE_TITLE)


def _register(client, page, email):
    data = {
        "name": "Ada Example",
        "email": email,
        "organisation": "Example College",
        "sector": "education",
        "access_needs": "",
        "consent": "on",
        "website_url": "",
    }
    return client.post(page.url + page.reverse_subpage("register"), data, follow=True)


def test_registration_with_the_mail_server_down_is_confirmed_and_its_email_arrives_once_when_it_is_back(
    outbox_settings, client, settings
):
    page = _french_conference()
    address = "ada@example.org"

    response = _register(client, page, address)

    assert response.status_code == 200
    assert b"registration-done" in response.content
    registration = Registration.objects.get(email=address)
    assert registration.status == Registration.Status.CONFIRMED
    (waiting,) = entries()
    assert (waiting.state, waiting.recipients, waiting.attempts) == ("waiting", address, 0)

    run_worker(max_tasks=1)  # the server is still down

    (retrying,) = entries()
    assert retrying.state == "retrying" and retrying.attempts == 1
    assert "ConnectionRefusedError" in retrying.last_error
    assert Registration.objects.filter(email=address).count() == 1

    with smtp_server(settings) as inbox:
        run_worker()
        run_worker()  # a second run finds nothing left to send

    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["To"] == address
    subject = message["Subject"]
    assert APOSTROPHE_TITLE in subject
    assert "&#x27;" not in subject and "&#39;" not in subject and "\n" not in subject
    assert [part.get_filename() for part in message.iter_attachments()] == [f"{page.slug}.ics"]
    body = message.get_body(("plain",)).get_content()
    assert APOSTROPHE_TITLE in body
    assert entries() == []  # sent mail leaves the outbox


def test_a_second_registration_with_the_same_address_is_refused_and_writes_no_second_email(outbox_settings, client):
    page = _french_conference()
    address = "twice@example.org"
    assert _register(client, page, address).status_code == 200
    assert _register(client, page, address.upper()).status_code == 400
    assert Registration.objects.filter(email=address).count() == 1
    assert [entry.recipients for entry in entries()] == [address]


def test_copy_request_with_the_mail_server_down_is_kept_and_a_worker_retry_never_allocates_twice(
    outbox_settings, client, settings
):
    page = translate(PublicationPageFactory(printed_copies=100), "fr", title=APOSTROPHE_TITLE)
    stock = page.stock
    left = stock.left
    address = "robin@example.org"
    data = {
        "name": "Robin Example",
        "email": address,
        "organisation": "Example Training",
        "sector": "training",
        "address": "1 Example Road\n1000 Brussels",
        "country": "BE",
        "copies": "2",
        "consent": "on",
        "website_url": "",
    }

    response = client.post(page.url + page.reverse_subpage("request"), data)

    assert response.status_code == 302
    assert response["Location"].endswith("/received/requested/")
    assert client.get(response["Location"]).status_code == 200
    stock.refresh_from_db()
    assert stock.left == left - 2

    run_worker(max_tasks=1)  # refused by the closed port
    run_worker(max_tasks=1)  # and again
    (retrying,) = entries()
    assert retrying.attempts == 2 and retrying.state == "retrying"

    with smtp_server(settings) as inbox:
        run_worker()

    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["To"] == address
    assert APOSTROPHE_TITLE in message["Subject"] and "&#x27;" not in message["Subject"]
    assert "1 Example Road" in message.get_body(("plain",)).get_content()
    assert PrintRequest.objects.filter(email=address).count() == 1
    assert PrintRequest.objects.get(email=address).status == PrintRequest.Status.REQUESTED
    stock.refresh_from_db()
    assert stock.left == left - 2  # three sending attempts, one allocation
    assert entries() == []
