"""A French reader looks at the cluster's results: charts for the eye, tables for everyone."""

import re


def test_results_page_in_french_shows_charts_and_tables(live_site, page):
    console_errors = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.goto(f"{live_site}/fr/resultats/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Résultats"

    targets = page.locator("table#results-targets")
    assert targets.is_visible()
    assert targets.locator("caption").inner_text().strip()
    assert targets.locator("tbody").count() == 6
    # Every bar of the first chart is drawn, hidden from assistive technology, which reads the table.
    chart = page.locator(".results-chart").first
    assert chart.get_attribute("aria-hidden") == "true"
    assert chart.locator("svg.results-bar").count() == 10
    assert chart.locator("svg.results-bar").first.bounding_box()["width"] > 50
    assert page.get_by_role("table").count() == page.locator("table").count() >= 6

    # A download is counted and shows at the next visit: the demo's publication is an example,
    # so it shows among the example figures, and the publication's own downloads stay as they were.
    counted = page.locator("table#results-publication tr[data-language=fr] td").nth(1)
    counted_before = int(counted.get_attribute("data-value"))
    downloads = page.locator(
        "table#results-examples tr", has_text="Téléchargements des publications d'exemple"
    ).locator("td")
    before = int(downloads.get_attribute("data-value")) if downloads.count() else 0
    # Headless Chromium calls itself HeadlessChrome, a robot under COUNTER rules: ask as a reader's browser.
    reader = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}
    response = page.request.get(f"{live_site}/fr/publication-finale/download/fr/", headers=reader)
    assert response.status == 200
    page.reload()
    assert int(downloads.get_attribute("data-value")) == before + 1
    assert int(counted.get_attribute("data-value")) == counted_before
    assert not [error for error in console_errors if re.search("Content Security Policy", error)]
