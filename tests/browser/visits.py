"""Opening every address of a list in one browser tab, for the audits that check each page."""

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS


def live_comparison_url(tab, base_url, url):
    """Case keys differ between databases: take them from the served library's own checkboxes."""
    from urllib.parse import urlencode

    index_url = url.split("compare/")[0]
    tab.goto(base_url + index_url)
    keys = tab.eval_on_selector_all("input[name=case]", "inputs => inputs.map(input => input.value)")[:3]
    assert len(keys) >= 2, "the case library offers cases to compare"
    return index_url + "compare/?" + urlencode([("case", key) for key in keys])


def visit_each(base_url, urls, **context_options):
    """Yield (label, url, tab, response) for each (label, url), in one browser of its own."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_context(**context_options).new_page()
        try:
            for label, url in urls:
                if label == "case comparison":
                    url = live_comparison_url(tab, base_url, url)
                yield label, url, tab, tab.goto(base_url + url)
        finally:
            browser.close()
