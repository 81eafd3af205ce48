"""Every kind of public page passes axe-core's WCAG 2.1 A and AA rules.

The pages are discovered from the test database (one live page of each page
model, the sub-routes, the framework, search and the 404 page: see
tests/page_types.py), which holds the same demo as the served site. axe-core
comes from the axe-playwright-python package, so nothing is downloaded when
the tests run; it is injected into each page with the Content Security Policy
bypassed, since the site allows no script but its own.

Each page type is audited in one language, the languages taking turns down the sorted list
of types, and every home page in its own language: the templates are the same in every
language, so this covers every type and every language at a third of the cost of auditing
every type in every language.
"""

import re
from pathlib import Path

import axe_playwright_python
import pytest

from tests.browser.conftest import CHROMIUM
from tests.browser.visits import visit_each
from tests.page_types import LANGUAGES, page_urls, share_of

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def axe_violations(tab):
    tab.add_script_tag(path=str(AXE_JS))
    result = tab.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


def audit(base_url, urls):
    """{page: [violations]} for every address, in a browser of its own."""
    found = {}
    for label, url, tab, response in visit_each(base_url, urls, bypass_csp=True):
        expected = 404 if label == "404 page" else 200
        violations = [] if response.status == expected else [f"HTTP {response.status}, expected {expected}"]
        violations += axe_violations(tab)
        if violations:
            found[f"{label} {url}"] = violations
    return found


def audited_in(language):
    """The addresses audited in `language`: its turn of the page types, and its home page."""
    return share_of(language, every_language={"home.HomePage"})


def test_the_languages_share_out_every_page_type(db):
    shares = {language: audited_in(language) for language in LANGUAGES}
    audited = {label for urls in shares.values() for label, _url in urls}
    assert audited == {label for code in LANGUAGES for label, _url in page_urls(code)}
    for language, urls in shares.items():
        assert ("home.HomePage", f"/{language}/") in urls


# The addresses come from the test database, read before the browser starts:
# the ORM must not run inside Playwright's event loop.
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_has_no_wcag_violations(live_site, language):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium).")
    urls = audited_in(language)
    found = audit(live_site, urls)
    assert not found, "\n".join(f"{page}:\n  " + "\n  ".join(items) for page, items in found.items())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_statement_is_linked_from_every_footer(live_site, page, language):
    page.goto(f"{live_site}/{language}/")
    link = page.locator("footer").get_by_role("link", name=re.compile(r"accessibilit|toegankelijkheid", re.IGNORECASE))
    assert link.count() == 1
    with page.expect_navigation():
        link.click()
    assert page.locator("h1").inner_text()
    assert page.evaluate("document.documentElement.lang") == language
    assert re.search(r"WCAG", page.locator("main").inner_text())
