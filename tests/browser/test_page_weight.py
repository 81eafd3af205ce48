"""The home page weighs at most 150 KB over the wire in every language.

Counted as the browser loads it, on a desktop-sized window: every response
(HTML, CSS, JavaScript, fonts, images) by its transferred size, compressed where
the server compresses; videos and images the browser defers because they are
below the fold (loading="lazy") are not fetched, so they do not count.
"""

import pytest

from tests.languages import WRITTEN

BUDGET = 150 * 1024

TRANSFERRED = """() => {
    const entries = [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")];
    return entries
        .filter(entry => entry.initiatorType !== "video" && !/\\.(mp4|webm)(\\?|$)/.test(entry.name))
        .map(entry => ({
            url: entry.name, type: entry.initiatorType, bytes: entry.transferSize || entry.encodedBodySize,
        }));
}"""


@pytest.mark.parametrize("language", WRITTEN)
def test_the_home_page_weighs_at_most_150_kb(live_site, browser, language):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(f"{live_site}/{language}/", wait_until="networkidle")
    entries = tab.evaluate(TRANSFERRED)
    context.close()
    total = sum(entry["bytes"] for entry in entries)
    assert entries[0]["type"] == "navigation" and entries[0]["bytes"] > 1000
    assert any(entry["url"].endswith(".css") for entry in entries), "the stylesheet is counted"
    detail = "\n".join(f"{entry['bytes']:>8} {entry['url']}" for entry in entries)
    assert total <= BUDGET, f"{total} bytes:\n{detail}"
