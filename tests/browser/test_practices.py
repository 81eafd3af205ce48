"""A policy maker finds Belgian cases in French, compares three and takes a brief away."""

import io
import re

from pypdf import PdfReader


def test_filter_compare_and_take_away_a_brief(live_site, page):
    page.goto(f"{live_site}/fr/etudes-de-cas/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(".case-card").count() == 9

    # Filter by country with the plain GET form.
    page.get_by_role("checkbox", name=re.compile(r"^Belgique")).check()
    page.locator("form.case-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"country=BE"))
    cards = page.locator(".case-card")
    assert cards.count() == 3
    titles = [title.inner_text() for title in page.locator(".case-card .card__title").all()]

    # Tick the three cases and compare them.
    for box in page.locator('.case-card input[name="case"]').all():
        box.check()
    page.locator("form.case-compare button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/etudes-de-cas/compare/\?case=.+&case=.+&case=.+"))
    table = page.locator("table.compare-table")
    headers = [header.inner_text() for header in table.locator('thead th[scope="col"] a').all()]
    # Each column also says that its case is an example.
    assert table.locator('thead th[scope="col"] [data-example-notice]').count() == 3
    assert headers == titles
    assert table.locator('tbody th[scope="row"]').count() >= 12

    # Open the first case and its brief; save it as PDF as the browser's print command does.
    with page.expect_navigation():
        table.locator('thead th[scope="col"] a').first.click()
    assert page.locator("h1").inner_text() == titles[0]
    page.locator(".case-actions a").first.click()
    page.wait_for_url(re.compile(r"/brief/$"))
    assert page.locator("h1").inner_text() == titles[0]
    assert page.locator("button[data-print]").is_visible()  # shown by the script
    printed = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert len(printed.pages) == 1  # one A4 page
    text = " ".join(printed.pages[0].extract_text().split())
    assert titles[0].split()[0] in text
    assert "Interreg" in text  # the footer's funding acknowledgement and disclaimer, in French
