"""The badge catalogue, a badge page and the verification page in every language."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from badges import baking
from badges.models import AchievementPage, Award, BadgesIndexPage
from tests.factories import (
    AchievementPageFactory,
    FrameworkFactory,
    FrameworkItemFactory,
    PartnerFactory,
    ToolPageFactory,
    badge_issuer,
    translate,
)
from tests.languages import WRITTEN, WRITTEN_TRANSLATIONS
from tests.module_data import module_data

pytestmark = pytest.mark.django_db


def in_every_language(instance):
    return {"en": instance} | {code: translate(instance, code) for code in WRITTEN_TRANSLATIONS}


@module_data
def badge_pages():
    """The competence TEAM:S2 ("Teamwork") and a badge for it, "Team player", in every written
    language: their primary keys, keyed by language code."""
    framework = FrameworkFactory(code="TEAM", name="Team skills")
    in_every_language(framework)
    item = FrameworkItemFactory(framework=framework, code="S2", name="Teamwork")
    teamwork = in_every_language(item)
    partner = PartnerFactory(name="Harbour College")
    in_every_language(partner)
    badge = in_every_language(AchievementPageFactory(title="Team player", partner=partner, competences=[item]))
    return {
        "teamwork": {code: each.pk for code, each in teamwork.items()},
        "badge": {code: page.pk for code, page in badge.items()},
    }


@pytest.fixture
def teamwork(badge_pages, db):
    """The competence TEAM:S2 ("Teamwork") in every written language."""
    from competences.models import FrameworkItem

    return {code: FrameworkItem.objects.get(pk=pk) for code, pk in badge_pages["teamwork"].items()}


@pytest.fixture
def badge(badge_pages, db, settings, tmp_path):
    """A badge for teamwork in every written language, its partner an issuer with a signing key
    (made for each test: the key is a file, in the test's own folder)."""
    pages = {code: AchievementPage.objects.get(pk=pk) for code, pk in badge_pages["badge"].items()}
    badge_issuer(pages["en"].partner, settings, tmp_path)
    return pages


@pytest.mark.parametrize("lang", WRITTEN)
def test_the_catalogue_lists_the_badges_of_its_language(client, badge, lang):
    index = BadgesIndexPage.objects.live().get(locale__language_code=lang)
    response = client.get(index.url)
    assert response.status_code == 200
    html = response.content.decode()
    badges = AchievementPage.objects.live().filter(locale__language_code=lang)
    assert badge[lang] in badges
    for page in badges:
        assert escape(page.title) in html


def test_the_catalogue_filters_by_framework_and_ignores_unknown_values(client, badge):
    other = FrameworkItemFactory(framework=FrameworkFactory(code="OTHER"), name="Social skills")
    AchievementPageFactory(title="Social skills", competences=[other])
    index = BadgesIndexPage.objects.live().get(locale__language_code="en")
    html = client.get(index.url + "?framework=ENTR21-nothing&framework=TEAM").content.decode()
    assert "Team player" in html and "Social skills</a>" not in html
    assert client.get(index.url + "?competence=%00&page=999").status_code == 200


@pytest.mark.parametrize("lang", WRITTEN)
def test_the_verify_page_checks_a_pasted_credential_and_an_uploaded_image(client, badge, lang):
    from badges import issuing

    index = BadgesIndexPage.objects.live().get(locale__language_code=lang)
    url = index.url + "verify/"
    assert client.get(url).status_code == 200
    award = issuing.award_badge(badge["en"], "Kim", "kim@example.org", "Led the team.", notify=False)
    revoked = issuing.award_badge(badge["en"], "Lee", "lee@example.org", "Led the team.", notify=False)
    issuing.revoke(revoked, "Awarded by mistake.")
    response = client.post(url, {"credential": award.credential})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert award.achievement.title in response.content.decode()
    with revoked.baked_png.open("rb") as stream:
        response = client.post(url, {"image": stream})
    assert revoked.revocation_reason in response.content.decode()
    response = client.post(url, {"credential": "", "email": "not an address"})
    assert response.status_code == 200


def test_a_competence_page_lists_its_badges_and_a_method_page_links_them(client, badge):
    html = client.get(reverse("competences:item", args=["TEAM", "S2"]).replace("/en/", "/fr/")).content.decode()
    assert badge["fr"].title in html


def example_award(badge):
    from badges import issuing

    return issuing.award_badge(badge["en"], "Sam Example", "sam@example.org", "Example.", is_example=True, notify=False)


def test_the_example_badge_page_links_its_baked_images(client, badge):
    award = example_award(badge)
    html = client.get(award.achievement.url).content.decode()
    assert award.baked_png.url in html
    with award.baked_png.open("rb") as stream:
        assert baking.extract(stream.read()) == award.credential


def test_a_method_page_links_the_badges_of_its_competences(client, badge, teamwork):
    method = translate(ToolPageFactory(competences=[teamwork["en"]]), "nl")
    html = client.get(method.url).content.decode()
    assert "related-badges-heading" in html
    assert badge["nl"].url in html


def test_the_example_badge_page_links_a_baked_svg_too_and_only_example_awards_have_one(client, badge):
    from django.urls import reverse

    from badges import issuing

    award = example_award(badge)
    url = reverse("badges:example_svg", args=[award.public_id])
    assert url in client.get(award.achievement.url).content.decode()
    response = client.get(url)
    assert response["Content-Type"] == "image/svg+xml" and baking.extract(response.content) == award.credential
    real = issuing.award_badge(award.achievement, "Real", "real@example.org", "Seen.", notify=False)
    assert client.get(reverse("badges:example_svg", args=[real.public_id])).status_code == 404


@pytest.mark.demo
def test_the_demo_has_an_example_award_with_its_public_page_on(client):
    from urllib.parse import urlsplit

    from badges.claiming import public_url

    award = Award.objects.get(is_example=True, is_public=True)
    html = client.get(urlsplit(public_url(award)).path).content.decode()
    assert award.recipient_name in html and award.achievement.title in html
