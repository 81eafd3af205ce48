"""Admin logins are throttled: repeated failures lock one username from one address, and many
failures across usernames lock the address."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import override_settings

from tests.fresh_settings import read_settings

LOGIN_URL = "/admin/login/"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("throttling_on"),
]


@pytest.fixture
def throttling_on():
    # The test settings switch django-axes off; these tests run it as production does,
    # reading the visitor's address from X-Forwarded-For behind one proxy.
    with override_settings(
        AXES_ENABLED=True, AXES_CLIENT_IP_CALLABLE="privacy.protection.client_ip", PROTECTION_PROXY_COUNT=1
    ):
        yield


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(
        LOGIN_URL, {"username": username, "password": password}, HTTP_X_FORWARDED_FOR=address, REMOTE_ADDR="10.0.0.1"
    )


LIMITS = ["LOGIN_FAILURE_LIMIT", "LOGIN_ADDRESS_FAILURE_LIMIT", "AXES_COOLOFF_TIME"]
UNSET = {"AXES_FAILURE_LIMIT": None, "AXES_ADDRESS_FAILURE_LIMIT": None, "AXES_COOLOFF_MINUTES": None}


def test_the_limits_and_cool_off_are_read_from_the_environment():
    configured = read_settings(
        LIMITS, AXES_FAILURE_LIMIT="8", AXES_ADDRESS_FAILURE_LIMIT="40", AXES_COOLOFF_MINUTES="45"
    )
    assert configured == {"LOGIN_FAILURE_LIMIT": 8, "LOGIN_ADDRESS_FAILURE_LIMIT": 40, "AXES_COOLOFF_TIME": 45 * 60}


def test_without_the_variables_the_limits_are_five_and_twenty_for_thirty_minutes():
    defaults = read_settings(LIMITS, **UNSET)
    assert defaults == {"LOGIN_FAILURE_LIMIT": 5, "LOGIN_ADDRESS_FAILURE_LIMIT": 20, "AXES_COOLOFF_TIME": 30 * 60}


def test_the_address_limit_is_never_below_the_username_limit_nor_the_limits_below_one():
    assert read_settings(LIMITS, **{**UNSET, "AXES_FAILURE_LIMIT": "8", "AXES_ADDRESS_FAILURE_LIMIT": "3"}) == {
        "LOGIN_FAILURE_LIMIT": 8,
        "LOGIN_ADDRESS_FAILURE_LIMIT": 8,
        "AXES_COOLOFF_TIME": 30 * 60,
    }
    assert read_settings(LIMITS, **{**UNSET, "AXES_FAILURE_LIMIT": "0", "AXES_COOLOFF_MINUTES": "0"}) == {
        "LOGIN_FAILURE_LIMIT": 1,
        "LOGIN_ADDRESS_FAILURE_LIMIT": 20,
        "AXES_COOLOFF_TIME": 60,
    }


def test_failures_below_the_limit_show_the_login_form_with_its_error(client, admin_user):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        response = attempt(client, admin_user.username, "wrong")
        assert response.status_code == 200
        assert "username and password" in response.content.decode().lower()
    assert attempt(client, admin_user.username, "password").status_code == 302


def test_reaching_the_limit_locks_the_account_from_that_address_with_a_clear_page(client, admin_user):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        attempt(client, admin_user.username, "wrong")
    response = attempt(client, admin_user.username, "wrong")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many login attempts" in page
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    assert f"try again in {minutes} minutes" in page
    assert "<script>" not in page  # no inline script
    # Even the right password is refused while the lock lasts.
    locked = attempt(client, admin_user.username, "password")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username=admin_user.username, ip_address="203.0.113.7").exists()


def test_the_lock_is_per_username_and_address(client, admin_user, django_user_model):
    django_user_model.objects.create_user("colleague", password="colleague-pass", is_staff=True)
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        attempt(client, admin_user.username, "wrong")
    # The same person from another address, and a colleague from the same address, still sign in.
    assert attempt(client, admin_user.username, "password", address="198.51.100.4").status_code == 302
    client.logout()
    assert attempt(client, "colleague", "colleague-pass").status_code == 302


def test_a_successful_login_resets_the_count(client, admin_user):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        attempt(client, admin_user.username, "wrong")
    assert attempt(client, admin_user.username, "password").status_code == 302
    client.logout()
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        assert attempt(client, admin_user.username, "wrong").status_code == 200


def test_the_lockout_page_is_translated(client, admin_user):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        response = client.post(
            LOGIN_URL,
            {"username": admin_user.username, "password": "wrong"},
            HTTP_X_FORWARDED_FOR="203.0.113.9",
            HTTP_ACCEPT_LANGUAGE="fr",
        )
    assert response.status_code == 429
    assert '<html lang="fr"' in response.content.decode()


def fail_with_several_usernames(client, usernames, address="203.0.113.7"):
    for username in usernames:
        for _ in range(settings.LOGIN_FAILURE_LIMIT):
            attempt(client, username, "wrong", address=address)


def test_many_usernames_from_one_address_lock_the_address(client, admin_user):
    per_username = settings.LOGIN_FAILURE_LIMIT
    usernames = [f"guess{number}" for number in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT // per_username)]
    assert len(usernames) > 1
    fail_with_several_usernames(client, usernames)
    # Locked for any username from that address, even with the right password…
    response = attempt(client, admin_user.username, "password")
    assert response.status_code == 429
    assert "whatever the username" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert attempt(client, "another-guess", "wrong").status_code == 429
    # …but not from elsewhere.
    assert attempt(client, admin_user.username, "password", address="198.51.100.4").status_code == 302


def test_below_the_address_limit_other_people_at_that_address_sign_in(client, admin_user):
    usernames = [
        f"guess{number}" for number in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT // settings.LOGIN_FAILURE_LIMIT - 1)
    ]
    fail_with_several_usernames(client, usernames)
    assert attempt(client, admin_user.username, "password").status_code == 302


def test_a_successful_login_does_not_clear_the_address_count(client, admin_user):
    usernames = [
        f"guess{number}" for number in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT // settings.LOGIN_FAILURE_LIMIT)
    ]
    fail_with_several_usernames(client, usernames[:-1])
    # Someone at the same address signs in between: the guesses made so far still count.
    assert attempt(client, admin_user.username, "password").status_code == 302
    client.logout()
    fail_with_several_usernames(client, usernames[-1:])
    assert attempt(client, admin_user.username, "password").status_code == 429
