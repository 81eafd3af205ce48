"""Finding cases: filters with counts, combined, validated, sorted, paginated."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import CaseStudyPageFactory, FrameworkFactory, FrameworkItemFactory, ProjectFactory, translate
from tests.module_data import module_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("library")]

LANGUAGES = ("fr", "nl")
# The library of these tests: (title, country, project, outcomes, target groups), in English.
CASES = [
    ("Company visits", "BE", "iLAEBOR", ["employment", "self-employment"], ["low-educated"]),
    ("Coaching circles", "BE", "SUCCES", ["employment"], ["practitioners"]),
    ("Strengths interviews", "BE", "SUCCES", ["employment"], ["young-people"]),
    ("Neighbourhood centres", "NL", "iLAEBOR", ["employment"], ["migrants"]),
    ("Work preparation", "NL", "iLAEBOR", ["education"], ["low-educated"]),
    ("Creative workshops", "FR", "Crysalis", ["volunteering"], ["women"]),
    ("Mentoring by employers", "GB", "SUCCES", ["employment"], ["young-people"]),
    ("Volunteering first", "GB", "SUCCES", ["volunteering"], ["long-term-unemployed"]),
    ("Bouncing back", "GB", "SUCCES", ["employment"], ["criminal-record"]),
]


@module_data
def library():
    """The case library holds exactly CASES, in English, French and Dutch (the Dutch title of
    "Company visits" is "Bedrijfsbezoeken"); "Company visits" is linked to the competence
    TEST:1.1 ("Flexibility", "Flexibilité", "Flexibiliteit")."""
    from practices.models import CaseStudyPage

    CaseStudyPage.objects.all().delete()
    framework = FrameworkFactory(code="TEST", name="Test competences")
    flexibility = FrameworkItemFactory(framework=framework, code="1.1", name="Flexibility")
    projects = {acronym: ProjectFactory(acronym=acronym) for acronym in ("SUCCES", "iLAEBOR", "Crysalis")}
    for code, name in zip(LANGUAGES, ("Flexibilité", "Flexibiliteit"), strict=True):
        translate(framework, code)
        translate(flexibility, code, name=name)
        for project in projects.values():
            translate(project, code)
    for title, country, project, outcomes, targets in CASES:
        case = CaseStudyPageFactory(
            title=title,
            country=country,
            project=projects[project],
            outcome_types=outcomes,
            target_groups=targets,
            competences=[flexibility] if title == "Company visits" else [],
        )
        for code in LANGUAGES:
            dutch_title = {"title": "Bedrijfsbezoeken"} if (title, code) == ("Company visits", "nl") else {}
            translate(case, code, **dutch_title)


def get(client, index, query=""):
    response = client.get(f"{index.url}{query}")
    return response, BeautifulSoup(response.content, "lxml")


def titles(html):
    return [a.get_text(strip=True) for a in html.select(".case-card .card__title a")]


def options(html, name):
    """{value: (count, checked)} of one filter's checkboxes."""
    found = {}
    for box in html.select(f'.case-filters input[name="{name}"]'):
        count = html.find("label", attrs={"for": box["id"]}).select_one(".facet__count").get_text(strip=True)
        found[box["value"]] = (int(count.strip("()")), box.has_attr("checked"))
    return found


def test_options_are_the_values_in_use_with_counts(client, indexes):
    _response, html = get(client, indexes["en"])
    assert options(html, "country") == {"BE": (3, False), "FR": (1, False), "NL": (2, False), "GB": (3, False)}
    outcomes = options(html, "outcome")
    assert outcomes["employment"][0] == 6
    assert outcomes["self-employment"][0] == 1
    assert set(options(html, "project")) == {"SUCCES", "iLAEBOR", "Crysalis"}
    # Only target groups some case has; labels are translated in other languages.
    assert "practitioners" in options(html, "target")


def test_country_filter_and_counts_of_other_filters(client, indexes):
    response, html = get(client, indexes["fr"], "?country=NL")
    assert response.status_code == 200
    assert len(titles(html)) == 2
    assert options(html, "country")["NL"] == (2, True)
    # The other filters count within the Dutch cases.
    assert options(html, "project")["iLAEBOR"][0] == 2
    assert options(html, "project")["SUCCES"][0] == 0
    assert html.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")


def test_filters_combine(client, indexes):
    _response, html = get(client, indexes["en"], "?country=BE&outcome=employment&project=iLAEBOR")
    assert titles(html) == ["Company visits"]
    value = "TEST:1.1"
    _response, html = get(client, indexes["nl"], f"?competence={value}&target=low-educated")
    assert titles(html) == ["Bedrijfsbezoeken"]
    assert options(html, "competence")[value][1] is True


def test_options_of_one_filter_are_alternatives(client, indexes):
    _response, html = get(client, indexes["en"], "?country=NL&country=FR")
    assert len(titles(html)) == 3


def test_bad_values_give_a_clear_message_not_an_error(client, indexes):
    for query in (
        "?country=XX",
        "?target=<script>",
        "?competence=not-a-competence",
        "?project=NOPE",
        "?sort=cheapest",
        "?page=abc",
    ):
        response, html = get(client, indexes["en"], query)
        assert response.status_code < 500, query
        if "page=" not in query:
            alert = html.select_one('[role="alert"]')
            assert alert is not None, query
        assert len(titles(html)) == 9, query
    response, html = get(client, indexes["en"], "?country=XX&country=BE")
    # The valid value still applies.
    assert len(titles(html)) == 3
    assert "XX" in html.select_one('[role="alert"]').get_text()


def test_labels_are_translated(client, indexes):
    _response, html = get(client, indexes["fr"])
    countries = [
        html.find("label", attrs={"for": box["id"]}).get_text(" ", strip=True)
        for box in html.select('input[name="country"]')
    ]
    assert any(label.startswith("Royaume-Uni") for label in countries)
    competences = [
        html.find("label", attrs={"for": box["id"]}).get_text(" ", strip=True)
        for box in html.select('input[name="competence"]')
    ]
    assert any("Flexibilité" in label for label in competences)


def test_sorting(client, indexes):
    _response, html = get(client, indexes["en"], "?sort=title")
    names = titles(html)
    assert names == sorted(names, key=str.casefold)
    _response, html = get(client, indexes["en"], "?sort=country")
    metas = [p.get_text(strip=True) for p in html.select(".case-card__meta")]
    countries = [meta.split("·")[0].strip().rsplit(",", 1)[-1].strip() for meta in metas]
    assert countries == sorted(countries)


def test_pagination_keeps_filters(client, indexes, settings, monkeypatch):
    from practices import filters

    monkeypatch.setattr(filters.CaseListing, "per_page", 2)
    _response, html = get(client, indexes["en"], "?country=GB")
    assert len(titles(html)) == 2
    next_link = html.select_one('.pagination a[rel="next"]')["href"]
    assert "country=GB" in next_link and "page=2" in next_link
    _response, html = get(client, indexes["en"], "?country=GB&page=2")
    assert len(titles(html)) == 1
    _response, html = get(client, indexes["en"], "?country=GB&page=99")
    assert len(titles(html)) == 1


def test_no_match_says_so(client, indexes):
    _response, html = get(client, indexes["en"], "?country=FR&project=iLAEBOR")
    assert titles(html) == []
    assert html.select_one(".notice")


def test_form_works_without_javascript(client, indexes):
    _response, html = get(client, indexes["en"])
    form = html.select_one("form.case-filters")
    assert form["method"] == "get" and form["action"] == indexes["en"].url
    assert form.select_one('button[type="submit"]')
