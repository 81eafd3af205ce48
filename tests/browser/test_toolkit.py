"""A French practitioner finds methods by competence and builds a workshop plan.

Selectors avoid interface labels, which change once the translation catalogues are built.
"""

import re


def test_filter_open_method_and_build_a_plan(live_site, page):
    page.goto(f"{live_site}/fr/boite-a-outils/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Boîte à outils"

    # Filter by a competence, named in French, with the plain GET form.
    empathy = page.locator('input[name="competence"][value="LifeComp:S1"]')
    assert "Empathie" in page.locator(f'label[for="{empathy.get_attribute("id")}"]').inner_text()
    empathy.check()
    page.locator("form.toolkit-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"competence=LifeComp%3AS1"))
    cards = page.locator(".toolkit-card")
    assert 0 < cards.count() < 24
    assert "Empathie" in cards.first.inner_text()

    # Open a method and add it to the plan.
    cards.first.locator("h3 a").click()
    page.wait_for_url(re.compile(r"/fr/boite-a-outils/[a-z0-9-]+/$"))
    first_title = page.locator("h1").inner_text()
    assert "Empathie" in page.locator("main").inner_text()
    page.locator(".toolkit-actions a.button").first.click()
    page.wait_for_url(re.compile(r"/fr/boite-a-outils/plan/\?m=\d+$"))
    assert page.locator(".toolkit-plan-list li").count() == 1

    # Back to the toolkit (the plan travels in the address) and add a second method.
    page.locator('a.button[href*="/fr/boite-a-outils/?m="]').click()
    page.locator('.toolkit-card__actions a[href*="plan/?m="][href*="&m="]').first.click()
    page.wait_for_url(re.compile(r"/plan/\?m=\d+&m=\d+$"))

    items = page.locator(".toolkit-plan-list li")
    assert items.count() == 2
    assert first_title in items.first.inner_text()
    minutes = [int(items.nth(i).get_attribute("data-minutes")) for i in range(2)]
    total = page.locator(".toolkit-total")
    assert int(total.get_attribute("data-minutes")) == sum(minutes)
    hours, rest = divmod(sum(minutes), 60)
    expected = f"{hours} h {rest} min" if hours and rest else (f"{hours} h" if hours else f"{rest} min")
    assert total.inner_text() == expected
