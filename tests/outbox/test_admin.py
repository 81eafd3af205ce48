"""Coordinators see unsent and failed mail under Reports and send a failed one again; nobody else may."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import EmailMessage

from editorial.roles import COORDINATORS, TRANSLATORS, editor_group_name
from outbox import queue, tasks

from .conftest import entries, run_worker, smtp_server

pytestmark = pytest.mark.django_db

URL = "/admin/reports/outbox/"


def make_user(username, *group_names):
    user = get_user_model().objects.create_user(username=username, password="pw", email=f"{username}@example.org")
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def failed(outbox_settings):
    """One confirmation that failed for good: the mail server refused it twice."""
    outbox_settings.OUTBOX_MAX_ATTEMPTS = 2
    tasks.enqueue(EmailMessage(subject="[STEPS] Inscription confirmée : L'écoute", body="…", to=["ada@example.org"]))
    run_worker()
    (row,) = queue.unsent()
    return row


def retry_url(row):
    return f"{URL}{row.pk}/retry/"


def rows_of(response):
    html = BeautifulSoup(response.content, "lxml")
    return [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in html.select("table tbody tr")]


def test_coordinators_see_the_failed_mail_with_its_status_attempts_error_recipient_and_subject(client, failed):
    client.force_login(make_user("clara", COORDINATORS))

    response = client.get(URL)

    assert response.status_code == 200
    (row,) = rows_of(response)
    assert row[:5] == [
        "Failed",
        "ada@example.org",
        "[STEPS] Inscription confirmée : L'écoute",
        "2",
        row[4],
    ]
    assert "ConnectionRefusedError" in row[4]
    assert "Send again" in row[-1]
    assert URL.encode() in client.get("/admin/").content  # in the Reports menu


def test_superusers_see_it_too(client, admin_user, failed):
    client.force_login(admin_user)
    assert client.get(URL).status_code == 200


@pytest.mark.parametrize("group", [editor_group_name("en"), editor_group_name("fr"), TRANSLATORS])
def test_other_roles_may_neither_see_nor_retry_it(client, failed, group):
    client.force_login(make_user("someone", group))

    assert client.get(URL).status_code in (302, 403)
    assert client.post(retry_url(failed)).status_code in (302, 403)
    assert URL.encode() not in client.get("/admin/").content
    (entry,) = entries()
    assert entry.state == "failed" and entry.attempts == 2


def test_anonymous_visitors_are_sent_to_the_login_page(client, failed):
    response = client.post(retry_url(failed))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert "/admin/login/" in client.get(URL)["Location"]
    assert entries()[0].state == "failed"


def test_send_again_gives_a_fresh_set_of_attempts_and_the_mail_then_arrives_once(client, failed, settings):
    client.force_login(make_user("clara", COORDINATORS))
    assert client.get(retry_url(failed)).status_code == 405  # changes only by POST

    response = client.post(retry_url(failed), follow=True)

    assert response.status_code == 200
    (entry,) = entries()
    assert (entry.state, entry.attempts) == ("waiting", 0)
    assert client.post(retry_url(failed)).status_code == 302  # a second click changes nothing
    assert entries()[0].attempts == 0
    with smtp_server(settings) as inbox:
        assert run_worker() == 1
    assert [message["To"] for message in inbox.messages] == ["ada@example.org"]
    assert rows_of(client.get(URL)) == []


def test_mail_still_waiting_cannot_be_sent_again_by_hand(client, outbox_settings):
    tasks.enqueue(EmailMessage(subject="Waiting", body="…", to=["bo@example.org"]))
    (row,) = queue.unsent()
    client.force_login(make_user("clara", COORDINATORS))

    response = client.post(retry_url(row), follow=True)

    assert "cannot be sent again" in response.content.decode()
    assert entries()[0].state == "waiting"
    assert client.post(f"{URL}00000000-0000-0000-0000-000000000000/retry/").status_code == 302


def test_a_send_interrupted_by_a_stopped_worker_can_be_sent_again(client, outbox_settings):
    from datetime import timedelta

    from django.utils import timezone

    tasks.enqueue(EmailMessage(subject="Interrupted", body="…", to=["ines@example.org"]))
    (row,) = queue.unsent()
    row.claim("a worker that was stopped")
    queue.rows().filter(pk=row.pk).update(started_at=timezone.now() - timedelta(hours=2))
    client.force_login(make_user("clara", COORDINATORS))

    assert rows_of(client.get(URL))[0][0] == "Interrupted"
    client.post(retry_url(row))

    assert entries()[0].state == "waiting"
