"""A recipient opens their claim link in French, keeps the baked badge image and gives the badge a
public page; an employer then uploads that image on the French verification page and sees it is
genuine. axe-core finds no WCAG 2.1 A/AA violation on the catalogue, the claim page and the
verification page (before and after a check)."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.test_accessibility import axe_violations


def read_the_award():
    """What the test needs from the database, read before the browser starts (the ORM must
    not run inside Playwright's event loop). The served site is a copy of the same demo."""
    from badges import claiming
    from badges.models import Award, BadgesIndexPage

    award = (
        Award.objects.filter(is_example=True, is_public=False, status__revoked_at__isnull=True).order_by("pk").first()
    )
    assert award is not None, "the demo has an example award whose public page is off"
    catalogue = BadgesIndexPage.objects.live().get(locale__language_code="fr")
    return {
        "claim": urlsplit(claiming.claim_url(award, "fr")).path,
        "catalogue": catalogue.url,
        "verify": catalogue.url + "verify/",
        "title": claiming.achievement_in(award, "fr").title,
        # The credential is written in the recipient's language.
        "credential_title": award.achievement.title,
        "name": award.recipient_name,
        "email": award.recipient_email,
        "credential": award.credential,
    }


@pytest.mark.django_db
def test_claim_a_badge_and_verify_it_in_french(live_site, tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium).")
    from badges import baking

    facts = read_the_award()
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_context(bypass_csp=True, accept_downloads=True).new_page()

        tab.goto(live_site + facts["catalogue"])
        found["catalogue"] = axe_violations(tab)

        # The claim page, in French, for the recipient only.
        response = tab.goto(live_site + facts["claim"])
        assert response.status == 200 and "no-store" in response.headers["cache-control"]
        assert tab.locator("html").get_attribute("lang") == "fr"
        assert facts["title"] in tab.locator("h1").inner_text()
        found["claim"] = axe_violations(tab)
        linkedin = tab.get_by_role("link", name="Ajouter à LinkedIn").get_attribute("href")
        assert linkedin.startswith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&")

        # The baked PNG carries the credential.
        with tab.expect_download() as download:
            tab.get_by_role("link", name=re.compile(r"Image du badge \(PNG\)")).click()
        image = tmp_path / "badge.png"
        download.value.save_as(image)
        assert baking.extract(image.read_bytes()) == facts["credential"]

        # The public page is off until the recipient turns it on.
        public = tab.get_by_label("Montrer ce badge sur une page publique, avec mon nom")
        assert not public.is_checked()
        public.check()
        tab.get_by_role("button", name="Enregistrer").click()
        tab.get_by_text("Votre choix est enregistré.").wait_for()
        assert public.is_checked()
        tab.locator('a[href*="/fr/badges/awards/"]').click()
        tab.wait_for_url(re.compile(r"/fr/badges/awards/"))
        assert facts["name"] in tab.locator(".lead").inner_text()

        # An employer checks the image on the verification page, with the address they were given.
        tab.goto(live_site + facts["verify"])
        assert tab.locator("html").get_attribute("lang") == "fr"
        found["verify"] = axe_violations(tab)
        tab.get_by_label("Ou une image de badge").set_input_files(str(image))
        tab.get_by_label("Adresse e-mail de la personne (facultatif)").fill(facts["email"])
        tab.get_by_role("button", name="Vérifier").click()
        heading = tab.locator("#result-heading")
        heading.wait_for()
        assert heading.inner_text() == "Ce badge est authentique et valide."
        results = tab.locator("section[aria-labelledby=result-heading] tbody td").all_inner_texts()
        assert len(results) == 6 and all(text == "Réussi" for text in results)
        assert facts["credential_title"] in tab.locator("section[aria-labelledby=result-heading]").inner_text()
        found["verify result"] = axe_violations(tab)
        browser.close()
    problems = {page: items for page, items in found.items() if items}
    assert not problems, "\n".join(f"{page}:\n  " + "\n  ".join(items) for page, items in problems.items())
