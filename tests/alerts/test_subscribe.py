"""The subscribe form and the links: every language, duplicates, hostile input, abuse."""

import pytest
from django.core import mail, signing

from alerts import tokens
from alerts.models import Subscription

from .conftest import link_in, path_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "E-mail alerts"), ("fr", "Alertes par e-mail"), ("nl", "E-mailmeldingen")]
)
def test_the_form_is_served_in_every_language_and_never_cached(client, language, heading):
    response = client.get(f"/{language}/alerts/")
    assert response.status_code == 200
    assert heading in response.content.decode()
    assert f'lang="{language}"' in response.content.decode()
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    for kind in ("methods", "cases", "films", "events", "badges"):
        assert f'value="{kind}"' in response.content.decode()


def test_a_subscription_takes_the_language_of_the_page_and_its_mail_too(client, subscribe_data):
    client.post("/nl/alerts/", subscribe_data)
    subscription = Subscription.objects.get()
    assert subscription.language == "nl"
    (message,) = mail.outbox
    assert "/nl/alerts/confirm/" in link_in(message, "/alerts/confirm/")
    assert subscription.consent_version and subscription.consent_at


def test_the_same_address_twice_makes_one_subscription_and_one_email(client, subscribe_data):
    client.post("/en/alerts/", subscribe_data)
    second = client.post("/en/alerts/", subscribe_data | {"email": "  Reader@Example.ORG ", "kinds": ["events"]})
    assert second.status_code == 302  # the same answer: the form tells nobody who is subscribed
    assert Subscription.objects.count() == 1
    assert Subscription.objects.get().kinds == ["events"]  # still pending: the latest choice
    assert len(mail.outbox) == 1  # no second e-mail within ALERTS_RESEND_MINUTES


def test_a_confirmed_subscription_changes_only_when_its_owner_confirms(client, subscribe_data, settings):
    settings.ALERTS_RESEND_MINUTES = 0
    client.post("/en/alerts/", subscribe_data)
    client.post(path_of(link_in(mail.outbox[0], "/alerts/confirm/")))
    client.post("/en/alerts/", subscribe_data | {"kinds": ["badges"]})
    assert Subscription.objects.get().kinds == ["methods", "films"]
    assert len(mail.outbox) == 2
    client.post(path_of(link_in(mail.outbox[1], "/alerts/confirm/")))
    subscription = Subscription.objects.get()
    assert subscription.kinds == ["badges"] and subscription.is_confirmed


def test_the_same_address_may_follow_each_language(client, subscribe_data):
    client.post("/en/alerts/", subscribe_data)
    client.post("/fr/alerts/", subscribe_data)
    assert sorted(Subscription.objects.values_list("language", flat=True)) == ["en", "fr"]


@pytest.mark.parametrize(
    "changes",
    [
        {"email": "reader@example.org\r\nBcc: victim@example.org"},
        {"email": "not an address"},
        {"email": "a" * 250 + "@example.org"},
        {"email": "<script>alert(1)</script>@example.org"},
        {"kinds": ["methods", "passwords"]},
        {"kinds": []},
        {"consent": ""},
    ],
)
def test_hostile_or_incomplete_input_is_refused_with_the_form_and_stores_nothing(client, subscribe_data, changes):
    response = client.post("/en/alerts/", subscribe_data | changes)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert "<script>alert" not in response.content.decode()
    assert not Subscription.objects.exists() and not mail.outbox


def test_a_bot_that_fills_the_honeypot_is_answered_as_a_person_and_nothing_is_stored(client, subscribe_data):
    response = client.post("/en/alerts/", subscribe_data | {"website_url": "http://spam.example"})
    assert response.status_code == 302
    assert not Subscription.objects.exists() and not mail.outbox


def test_the_form_is_rate_limited_like_the_other_forms(client, subscribe_data, settings):
    settings.RATELIMIT_ENABLE = True
    settings.PROTECTION_RATES = {"alerts.subscribe": "2/h"}
    from django.core.cache import cache

    cache.clear()
    answers = [
        client.post("/en/alerts/", subscribe_data | {"email": f"r{n}@example.org"}).status_code for n in range(3)
    ]
    assert answers == [302, 302, 429]
    assert Subscription.objects.count() == 2


def test_the_form_works_when_the_rate_limit_cache_is_down(client, subscribe_data, settings, monkeypatch):
    settings.RATELIMIT_ENABLE = True
    import django_ratelimit.core

    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(django_ratelimit.core, "is_ratelimited", unreachable)
    assert client.post("/en/alerts/", subscribe_data).status_code == 302
    assert Subscription.objects.count() == 1


# Made when the test runs, not when it is collected: signed values carry the time, and every
# xdist worker must collect the same tests.
FORGED_TOKENS = {
    "nonsense": lambda: "nonsense",
    "another-salt": lambda: signing.dumps({"k": "guessed", "t": ["methods"]}, salt="another.salt"),
    "damaged-signature": lambda: signing.dumps({"k": "guessed", "t": ["methods"]}, salt=tokens.CONFIRM_SALT) + "x",
    "not-a-dict": lambda: signing.dumps(["not", "a", "dict"], salt=tokens.CONFIRM_SALT),
}


@pytest.mark.parametrize("forgery", FORGED_TOKENS)
def test_a_forged_or_damaged_confirmation_link_confirms_nothing(client, subscribe_data, forgery):
    token = FORGED_TOKENS[forgery]()
    client.post("/en/alerts/", subscribe_data)
    assert client.post(f"/en/alerts/confirm/{token}/").status_code == 404
    assert not Subscription.objects.filter(status="confirmed").exists()


def test_an_unsubscribe_link_cannot_confirm_and_a_confirmation_link_cannot_unsubscribe(client, subscribe_data):
    client.post("/en/alerts/", subscribe_data)
    subscription = Subscription.objects.get()
    assert client.post(f"/en/alerts/confirm/{tokens.unsubscribe(subscription)}/").status_code == 404
    assert client.post(f"/en/alerts/unsubscribe/{tokens.confirmation(subscription, ['methods'])}/").status_code == 404
    assert Subscription.objects.get().status == "pending"


def test_an_old_confirmation_link_no_longer_works(client, subscribe_data, settings):
    client.post("/en/alerts/", subscribe_data)
    settings.ALERTS_CONFIRM_DAYS = -1
    assert client.post(path_of(link_in(mail.outbox[0], "/alerts/confirm/"))).status_code == 404


def test_unsubscribing_shows_a_button_and_a_used_link_says_it_is_done(client, subscribe_data):
    client.post("/en/alerts/", subscribe_data)
    path = f"/en/alerts/unsubscribe/{tokens.unsubscribe(Subscription.objects.get())}/"
    page = client.get(path)
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    assert Subscription.objects.exists()
    assert client.post(path).status_code == 200
    assert not Subscription.objects.exists()
    assert client.post(path).status_code == 200  # twice is not an error
    assert client.get(path).status_code == 200


def test_the_links_in_the_emails_never_follow_the_requests_host(client, subscribe_data, settings):
    settings.ALLOWED_HOSTS = ["*"]
    client.post("/en/alerts/", subscribe_data, HTTP_HOST="evil.example")
    assert link_in(mail.outbox[0], "/alerts/confirm/").startswith("http://testserver/en/alerts/confirm/")


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_every_footer_links_to_the_alerts_in_its_language(client, language):
    response = client.get(f"/{language}/")
    assert f'href="/{language}/alerts/"' in response.content.decode()
