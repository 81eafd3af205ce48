"""Delivery: the recipient's e-mail through the outbox, the signed claim link that expires, the
claim page in their language (baked images, the raw credential, LinkedIn, the opt-in public
page), never kept by the page cache."""

import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings

from badges import baking, claiming, issuing
from badges.models import AchievementPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def achievement():
    return AchievementPage.objects.live().filter(locale__language_code="en", partner__isnull=False).first()


@pytest.fixture
def award(achievement):
    return issuing.award_badge(
        achievement, "Camille Exemple", "camille@example.org", "Observed in a workshop.", language="fr"
    )


def messages_to(mailoutbox, address):
    """The e-mails sent to `address` (the test settings send the outbox's tasks at once)."""
    return [message for message in mailoutbox if address in message.to]


def path_of(url):
    return urlsplit(url).path


def test_an_award_puts_the_claim_email_in_the_outbox_in_the_recipients_language(award, mailoutbox):
    [message] = messages_to(mailoutbox, "camille@example.org")
    french = award.achievement
    assert french.locale.language_code == "fr", "the credential is in the recipient's language"
    assert french.title in message.subject and "Votre badge" in message.subject
    url = claiming.claim_url(award)
    assert url in message.body and "/fr/" in url
    assert "camille@example.org" not in url, "the link names the award only through a signed token"


def test_an_award_without_notice_sends_nothing(achievement, mailoutbox):
    issuing.award_badge(achievement, "Quiet", "quiet@example.org", "Seen.", notify=False)
    assert messages_to(mailoutbox, "quiet@example.org") == []


def test_the_claim_page_is_in_the_recipients_language_and_never_cached(client, award, production_caching):
    url = path_of(claiming.claim_url(award))
    first = client.get(url)
    assert first.status_code == 200
    html = first.content.decode()
    assert '<html lang="fr"' in html and award.achievement.title in html
    assert first["Cache-Control"] == "private, no-store"
    assert first["Referrer-Policy"] == "same-origin", "the link is never sent on to another site"
    assert "noindex" in first["X-Robots-Tag"]
    assert client.get(url).get("X-Page-Cache") != "hit"
    award.refresh_from_db()
    assert award.claimed_at is not None


def test_the_claim_page_offers_both_baked_images_and_the_raw_credential(client, award):
    html = client.get(path_of(claiming.claim_url(award))).content.decode()
    assert award.credential in html
    token = claiming.make_token(award)
    base = path_of(claiming.claim_url(award))
    png = client.get(f"{base}png/")
    assert png["Content-Type"] == "image/png" and png["Cache-Control"] == "private, no-store"
    assert "attachment" in png["Content-Disposition"] and ".png" in png["Content-Disposition"]
    assert baking.extract(png.content) == award.credential
    svg = client.get(f"{base}svg/")
    assert svg["Content-Type"] == "image/svg+xml" and b"openbadges:credential" in svg.content
    assert baking.extract(svg.content) == award.credential
    raw = client.get(f"{base}credential/")
    assert raw.content.decode() == award.credential
    assert client.get(f"{base}nothing/").status_code == 404
    assert token in base


def test_the_linkedin_link_fills_in_the_certification(client, award):
    url = claiming.linkedin_url(award, "https://example.org/cert")
    query = parse_qs(urlsplit(url).query)
    assert url.startswith("https://www.linkedin.com/profile/add?")
    assert query["startTask"] == ["CERTIFICATION_NAME"]
    assert query["name"] == [award.achievement.title]
    assert query["organizationName"] == [award.issuer.name]
    assert query["issueYear"] == [str(award.valid_from.year)]
    assert query["certUrl"] == ["https://example.org/cert"]
    html = client.get(path_of(claiming.claim_url(award))).content.decode()
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in html


def test_the_public_page_is_off_by_default_and_the_recipient_turns_it_on_and_off(client, award, production_caching):
    claim = path_of(claiming.claim_url(award))
    public = path_of(claiming.public_url(award))
    assert not award.is_public
    assert client.get(public).status_code == 404
    response = client.post(claim, {"public": "on"})
    assert response.status_code == 302 and response["Cache-Control"] == "private, no-store"
    page = client.get(public)
    assert page.status_code == 200 and "Camille Exemple" in page.content.decode()
    assert client.get(public).get("X-Page-Cache") == "hit", "a public page is an ordinary cached page"
    client.post(claim, {})
    assert client.get(public).status_code == 404, "turning it off renews the cached page at once"


def test_a_revoked_badge_says_so_on_its_claim_page_and_cannot_be_made_public(client, award):
    issuing.revoke(award, "Awarded twice.")
    claim = path_of(claiming.claim_url(award))
    html = client.get(claim).content.decode()
    assert "Awarded twice." in html and 'name="public"' not in html
    client.post(claim, {"public": "on"})
    award.refresh_from_db()
    assert not award.is_public


def test_an_expired_claim_link_is_refused_with_a_helpful_page(client, award):
    long_ago = time.time() - (claiming.claim_days() + 1) * 86400
    # The whole link made long ago: a fresh token swapped for an old one would miss whenever
    # a second ticks between making the two.
    with mock.patch("time.time", return_value=long_ago):
        url = path_of(claiming.claim_url(award))
    response = client.get(url)
    assert response.status_code == 410
    assert response["Cache-Control"] == "private, no-store"
    assert "nouveau lien" in response.content.decode(), "the page says how to get a new link, in French"
    assert client.get(url + "png/").status_code == 410, "no download either"


@override_settings(BADGES_CLAIM_DAYS=1000)
def test_the_expiry_is_a_setting(client, award):
    long_ago = time.time() - 100 * 86400
    # The whole link made long ago: a fresh token swapped for an old one would miss whenever
    # a second ticks between making the two.
    with mock.patch("time.time", return_value=long_ago):
        url = path_of(claiming.claim_url(award))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("change", ["tamper", "cut", "garbage", "other-salt"])
def test_a_tampered_claim_link_is_refused_without_error(client, award, change):
    from django.core import signing

    good = claiming.make_token(award)
    bad = {
        "tamper": good[:-3] + ("AAA" if good[-3:] != "AAA" else "BBB"),
        "cut": good[: len(good) // 2],
        "garbage": "x",
        "other-salt": __import__("base64")
        .urlsafe_b64encode(signing.TimestampSigner(salt="other").sign(award.public_id.hex).encode())
        .decode()
        .rstrip("="),
    }[change]
    url = path_of(claiming.claim_url(award)).replace(good, bad)
    response = client.get(url)
    assert response.status_code == 404
    assert "ne fonctionne pas" in response.content.decode()


def test_an_erased_award_has_no_claim_page(client, award):
    url = path_of(claiming.claim_url(award))
    award.delete()
    assert client.get(url).status_code == 404


def test_a_claim_link_can_be_sent_again_from_the_admin(client, award, django_user_model, mailoutbox):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    user = django_user_model.objects.create_user("coord-send", password="x")
    user.groups.add(Group.objects.get(name="Coordinators"))
    client.force_login(user)
    before = len(messages_to(mailoutbox, "camille@example.org"))
    response = client.post(reverse("badges_admin:send_again", args=[award.pk]))
    assert response.status_code == 302
    assert len(messages_to(mailoutbox, "camille@example.org")) == before + 1
