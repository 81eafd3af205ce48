"""On a phone 390 px wide (an iPhone 12 to 15 held upright), no page scrolls sideways.

Every kind of public page in French, whose words run longest of the site's
languages (tests/page_types.py lists them), is opened at 390 × 844 CSS pixels:
the document is never wider than the screen.
"""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.test_accessibility import live_comparison_url
from tests.page_types import page_urls

PHONE = {"width": 390, "height": 844}


def overflowing(base_url, urls):
    """{page: document width} for every address wider than the phone's screen."""
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_context(viewport=PHONE).new_page()
        for label, url in urls:
            if label == "case comparison":
                url = live_comparison_url(tab, base_url, url)
            tab.goto(base_url + url)
            width = tab.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                widest = tab.evaluate(
                    """limit => [...document.querySelectorAll('body *')]
                        .filter(element => element.getBoundingClientRect().right > limit + 0.5)
                        .slice(-3)
                        .map(element => element.tagName.toLowerCase() + '.' + element.className)""",
                    PHONE["width"],
                )
                found[f"{label} {url}"] = f"{width} px wide ({', '.join(widest)})"
        browser.close()
    return found


# The addresses come from the test database, read before the browser starts.
@pytest.mark.django_db
def test_no_french_page_scrolls_sideways_on_a_390_px_phone(live_site):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium).")
    urls = page_urls("fr")
    labels = {label for label, _url in urls}
    assert {"home.HomePage", "practices.CaseStudyPage", "results.ResultsPage"} <= labels
    found = overflowing(live_site, urls)
    assert not found, "\n".join(f"{page}: {width}" for page, width in found.items())
