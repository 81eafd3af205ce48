"""A Dutch-speaking visitor registers for the upcoming event (the example event that shows registration)."""

import re


def test_register_for_the_upcoming_event_in_dutch(live_site, page):
    page.goto(f"{live_site}/nl/evenementen/")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.locator(".event-section").first.get_by_role("link", name=re.compile("Voorbeeldevenement")).click()
    page.wait_for_url(re.compile(r"/nl/evenementen/voorbeeld-inschrijving/$"))
    # The event page shows the places left and leads to the form, on its own page.
    registration = page.locator("#register")
    assert "200" in registration.locator(".event__places").inner_text()
    registration.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/nl/evenementen/voorbeeld-inschrijving/register/$"))
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Voorbeeldevenement" in page.locator("h1").inner_text()

    form = page.locator("form.registration-form")
    # Submitting without the required fields keeps what was typed and explains the errors.
    form.locator("input[name=name]").fill("Noor Voorbeeld")
    form.locator("button[type=submit]").click()
    # The answer comes back on the same address: wait for the error summary it brings.
    page.locator("#registration-errors").wait_for()
    assert page.url.endswith("/nl/evenementen/voorbeeld-inschrijving/register/")
    assert form.locator("input[name=name]").input_value() == "Noor Voorbeeld"

    form.locator("input[name=email]").fill("noor@example.org")
    form.locator("input[name=organisation]").fill("Voorbeeldcollege")
    form.locator("select[name=sector]").select_option("education")
    form.locator("input[name=consent]").check()
    assert not form.locator("input[name=website_url]").is_visible()  # the honeypot stays hidden
    form.locator("button[type=submit]").click()

    confirmation = page.locator(".registration-done")
    confirmation.wait_for()
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Voorbeeldevenement" in confirmation.inner_text()
    assert confirmation.get_attribute("role") == "status"
