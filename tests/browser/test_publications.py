"""A Dutch reader downloads the Dutch edition and asks for printed copies."""

import re
from pathlib import Path


def test_dutch_reader_downloads_and_requests_copies(live_site, page):
    page.goto(f"{live_site}/nl/eindpublicatie/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Soft skills, eerste stappen" in page.locator("h1").inner_text()

    # The Dutch edition comes first, and its download is a real, counted PDF.
    own = page.locator(".edition-list .edition").first
    assert own.get_attribute("lang") == "nl"
    link = own.get_by_role("link")
    href = link.get_attribute("href")
    assert href.endswith("/nl/eindpublicatie/download/nl/")
    response = page.request.get(f"{live_site}{href}")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'attachment; filename="steps-publication-nl.pdf"'
    assert response.body().startswith(b"%PDF-")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "steps-publication-nl.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")

    # The copies left are on the publication page; the form is on its own page.
    copies = page.locator("#request-copies")
    assert re.search(r"\d+", copies.locator(".publication__stock").inner_text())
    copies.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/nl/eindpublicatie/request/$"))
    assert page.locator("html").get_attribute("lang") == "nl"

    # A request with a mistake: the form comes back with the message and what was typed.
    form = page.locator("form.print-form")
    form.locator("#id_name").fill("Robin Voorbeeld")
    form.locator("#id_email").fill("robin@")
    form.locator("#id_organisation").fill("Voorbeeld vzw")
    form.locator("#id_sector").select_option("training")
    form.locator("#id_address").fill("Voorbeeldstraat 1\n8500 Kortrijk")
    form.locator("#id_country").select_option("BE")
    form.locator("#id_copies").fill("2")
    form.locator("#id_consent").check()
    form.get_by_role("button").click()
    # The form posts to the request/ route and comes back on the same address, with the errors.
    page.locator("#id_email_error").wait_for()
    assert page.url.endswith("/nl/eindpublicatie/request/")
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_name").input_value() == "Robin Voorbeeld"
    assert page.locator("#id_address").input_value() == "Voorbeeldstraat 1\n8500 Kortrijk"

    # Fixed: the request is received and copies are reserved.
    page.locator("#id_email").fill("robin@example.org")
    if not page.locator("#id_consent").is_checked():
        page.locator("#id_consent").check()
    page.locator("form.print-form").get_by_role("button").click()
    page.wait_for_url(re.compile(r"/nl/eindpublicatie/request/received/requested/$"))
    assert page.locator("h1").count() == 1
