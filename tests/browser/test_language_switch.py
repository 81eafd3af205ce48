"""A visitor reading a French page switches to its Dutch twin."""

import re


def test_french_page_switches_to_its_dutch_twin(live_site, page):
    page.goto(f"{live_site}/fr/a-propos/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Le cluster"

    page.get_by_role("navigation", name="Langue").get_by_role("link", name="Nederlands").click()

    page.wait_for_url(re.compile(r"/nl/over-de-cluster/$"))
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").inner_text() == "Over de cluster"
    assert "Waarom soft skills" in page.locator("main").inner_text()


def test_keyboard_user_can_skip_to_the_content(live_site, page):
    page.goto(f"{live_site}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
