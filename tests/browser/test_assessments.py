"""A person far from work answers a questionnaire on a phone, in French and in Dutch, with
JavaScript and without it: one statement per screen, then a profile, then a plan that
suggests methods for the competence they rated lowest and prints on one A4 page. axe
finds nothing to fix on any kind of screen (the start, statements, the profile, the plan).
The walk is made in French with JavaScript and in Dutch without it: each language and each
way of serving a screen once (the screens' templates are the same in every language)."""

import re
from pathlib import Path

import axe_playwright_python
import pytest

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
PHONE = {"width": 390, "height": 844}
QUESTIONNAIRES = {
    "fr": "/fr/connaitre-mes-competences/mes-competences-pour-le-travail/",
    "nl": "/nl/ken-je-vaardigheden/mijn-zachte-vaardigheden-voor-werk/",
}
LOWEST = "CT"  # the SPOCC category the person rates lowest: statements 9 and 10
# The statement screens are one template: axe audits the first (with its note), a plain one and the last.
AUDITED_QUESTIONS = {1, 2, 10}


def axe_violations(tab):
    result = tab.evaluate(
        f"async options => {{ {AXE_SOURCE}\n return await axe.run(document, options); }}", AXE_OPTIONS
    )
    return [
        f"{violation['id']}: {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


def pdf_pages(tab):
    return len(re.findall(rb"/Type\s*/Page[^s]", tab.pdf(format="A4", print_background=False)))


@pytest.mark.parametrize(("lang", "javascript"), [("fr", True), ("nl", False)], ids=["fr-with-js", "nl-without-js"])
def test_a_person_answers_sees_a_profile_and_prints_a_one_page_plan(browser, live_site, lang, javascript):
    context = browser.new_context(java_script_enabled=javascript, viewport=PHONE, bypass_csp=True)
    tab = context.new_page()
    # axe needs scripts: without them, each screen is audited as served, in a tab that runs scripts.
    auditor = browser.new_context(viewport=PHONE, bypass_csp=True).new_page()
    auditor.goto(live_site + "/robots.txt")
    problems = {}

    def check(step):
        if javascript:
            found = axe_violations(tab)
        else:
            auditor.set_content(tab.content())
            found = axe_violations(auditor)
        if found:
            problems[step] = found

    tab.goto(live_site + QUESTIONNAIRES[lang])
    assert tab.locator("html").get_attribute("lang") == lang
    check("start")
    with tab.expect_navigation():  # every step is a full page load, with scripts or without
        tab.locator("form.assessment-start button").click()
    for number in range(1, 11):
        assert tab.locator("progress").get_attribute("value") == str(number - 1)
        assert tab.locator("legend h1").count() == 1  # one statement per screen
        if number in AUDITED_QUESTIONS:
            check(f"question {number}")
        choices = tab.locator("label.assessment-choice")
        assert choices.count() == 4
        box = choices.first.bounding_box()
        assert box["height"] >= 44 and box["width"] <= PHONE["width"]  # large targets that fit a phone
        choices.nth(0 if number >= 9 else 2 + number % 2).click()
        if number == 1:
            tab.locator("textarea").fill(
                "J'ai aidé au club de foot." if lang == "fr" else "Ik hielp bij de voetbalclub."
            )
        with tab.expect_navigation():
            tab.locator('button[name="go"][value="next"]').click()

    # The profile: a chart with a table beside it, the lowest competence at the first answer.
    assert tab.locator('svg[role="img"]').count() == 1
    rows = tab.locator("table.assessment-table tbody tr")
    assert rows.count() == 5
    check("result")
    tab.locator("form.assessment-plan-form button[type=submit]").click()
    tab.wait_for_url(re.compile(r"/plan/\?"))
    check("plan")

    competences = tab.locator(".plan-competence")
    assert competences.count() == 1 and competences.first.get_attribute("data-competence") == f"SPOCC {LOWEST}"
    suggested = {title.strip() for title in tab.locator(".plan-methods a").all_inner_texts()}
    assert tab.locator("button[data-print]").is_visible() is javascript  # the Print button needs the script
    assert pdf_pages(tab) == 1, "the plan prints on one A4 page"

    # Every method suggested is one the framework page of that competence lists as linked to it.
    tab.goto(f"{live_site}/{lang}/framework/SPOCC/{LOWEST}/")
    linked = {title.strip() for title in tab.locator(".framework-linked a").all_inner_texts()}
    assert suggested and suggested <= linked
    context.close()
    auditor.context.close()
    assert not problems, problems
