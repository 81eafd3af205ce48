"""The alerts' pages pass axe-core's WCAG 2.1 A and AA rules in every language, and the
form works without JavaScript: sent empty, it comes back with a summary linking each error."""

import pytest

from tests.browser.test_accessibility import audit, axe_violations
from tests.page_types import LANGUAGES

pytestmark = pytest.mark.browser


def test_the_subscribe_and_sent_pages_have_no_wcag_violations_in_any_language(live_site):
    # Every language in one browser: a browser started per language costs more than its pages.
    urls = [
        (label, f"/{language}/alerts/{path}")
        for language in LANGUAGES
        for label, path in (("alerts subscribe", ""), ("alerts sent", "sent/"))
    ]
    found = audit(live_site, urls)
    assert not found, "\n".join(f"{page}:\n  " + "\n  ".join(items) for page, items in found.items())


def test_the_form_sent_empty_shows_its_errors_accessibly_without_javascript(live_site, browser):
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    tab = context.new_page()
    tab.goto(f"{live_site}/fr/alerts/")
    with tab.expect_navigation():
        tab.click("form.alerts-form button[type=submit]")
    summary = tab.locator("#alerts-errors")
    assert summary.is_visible()
    assert summary.locator("a[href='#id_kinds']").count() == 1
    assert tab.locator("fieldset#id_kinds legend").is_visible()
    context.close()
    tab = browser.new_context(bypass_csp=True).new_page()
    tab.goto(f"{live_site}/fr/alerts/")
    tab.click("form.alerts-form button[type=submit]")
    tab.wait_for_selector("#alerts-errors")
    assert axe_violations(tab) == []
