"""The badge catalogue, a badge page and the verification page in every language."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from badges import baking
from badges.models import AchievementPage, Award, BadgesIndexPage
from competences.models import FrameworkItem
from tests.languages import WRITTEN

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", WRITTEN)
def test_the_catalogue_lists_the_badges_of_its_language(client, lang):
    index = BadgesIndexPage.objects.live().get(locale__language_code=lang)
    response = client.get(index.url)
    assert response.status_code == 200
    html = response.content.decode()
    for badge in AchievementPage.objects.live().filter(locale__language_code=lang):
        assert escape(badge.title) in html


def test_the_catalogue_filters_by_framework_and_ignores_unknown_values(client):
    index = BadgesIndexPage.objects.live().get(locale__language_code="en")
    html = client.get(index.url + "?framework=ENTR21-nothing&framework=LifeComp").content.decode()
    assert "Communication skills" in html and "Social skills</a>" not in html
    assert client.get(index.url + "?competence=%00&page=999").status_code == 200


@pytest.mark.parametrize("lang", WRITTEN)
def test_the_verify_page_checks_a_pasted_credential_and_an_uploaded_image(client, lang):
    index = BadgesIndexPage.objects.live().get(locale__language_code=lang)
    url = index.url + "verify/"
    assert client.get(url).status_code == 200
    award = Award.objects.filter(status__revoked_at__isnull=True, is_example=True).first()
    response = client.post(url, {"credential": award.credential})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert award.achievement.title in response.content.decode()
    revoked = Award.objects.filter(status__revoked_at__isnull=False).first()
    with revoked.baked_png.open("rb") as stream:
        response = client.post(url, {"image": stream})
    assert revoked.revocation_reason in response.content.decode()
    response = client.post(url, {"credential": "", "email": "not an address"})
    assert response.status_code == 200


def test_a_competence_page_lists_its_badges_and_a_method_page_links_them(client):
    item = FrameworkItem.objects.get(locale__language_code="fr", framework__code="LifeComp", code="S2")
    html = client.get(reverse("competences:item", args=["LifeComp", "S2"]).replace("/en/", "/fr/")).content.decode()
    badge = (
        AchievementPage.objects.live()
        .filter(locale=item.locale, competences__translation_key=item.translation_key)
        .first()
    )
    assert badge is not None and badge.title in html


def test_the_example_badge_page_links_its_baked_images(client):
    award = Award.objects.filter(is_example=True).select_related("achievement").first()
    html = client.get(award.achievement.url).content.decode()
    assert award.baked_png.url in html
    with award.baked_png.open("rb") as stream:
        assert baking.extract(stream.read()) == award.credential


def test_a_method_page_links_the_badges_of_its_competences(client):
    from toolkit.models import ToolPage

    badges = AchievementPage.objects.live().filter(locale__language_code="nl")
    keys = set(badges.values_list("competences__translation_key", flat=True))
    method = next(
        page
        for page in ToolPage.objects.live().filter(locale__language_code="nl")
        if keys & set(page.competences.values_list("translation_key", flat=True))
    )
    html = client.get(method.url).content.decode()
    assert "related-badges-heading" in html


def test_the_example_badge_page_links_a_baked_svg_too_and_only_example_awards_have_one(client):
    from django.urls import reverse

    from badges import issuing

    award = Award.objects.filter(is_example=True).select_related("achievement").first()
    url = reverse("badges:example_svg", args=[award.public_id])
    assert url in client.get(award.achievement.url).content.decode()
    response = client.get(url)
    assert response["Content-Type"] == "image/svg+xml" and baking.extract(response.content) == award.credential
    real = issuing.award_badge(award.achievement, "Real", "real@example.org", "Seen.", notify=False)
    assert client.get(reverse("badges:example_svg", args=[real.public_id])).status_code == 404


def test_the_demo_has_an_example_award_with_its_public_page_on(client):
    from urllib.parse import urlsplit

    from badges.claiming import public_url

    award = Award.objects.get(is_example=True, is_public=True)
    html = client.get(urlsplit(public_url(award)).path).content.decode()
    assert award.recipient_name in html and award.achievement.title in html
