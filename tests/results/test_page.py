"""The public results page: each target beside its live figure, as a chart and as an accessible table."""

import time

import pytest
from django.core.cache.backends import locmem
from django.utils import translation

from publications.models import PublicationPage
from results.figures import export_rows, results
from results.models import FIGURES_FRESH_SECONDS
from tests.languages import WRITTEN

from .conftest import page_figures, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_as_records")]


def figures_of(data):
    """The same {(section, item, measure): (actual, target)} as page_figures(), from the figures module."""
    found = {}
    for output in data.outputs:
        for m in output.measures:
            found[("targets", str(output.label), str(m.label))] = (m.actual, m.target)
    for table in data.tables:
        for row in table.all_rows:
            for m in row.cells:
                found[(str(table.title), str(row.header), str(m.label))] = (m.actual, m.target)
    return found


def test_there_is_one_results_page_per_language_under_its_home_page(results_pages, homes):
    assert set(results_pages) == set(WRITTEN)
    for code, page in results_pages.items():
        assert page.get_parent().specific == homes[code]
        assert page.url.startswith(f"/{code}/")
    assert len({page.translation_key for page in results_pages.values()}) == 1


@pytest.mark.parametrize("lang", WRITTEN)
def test_the_page_shows_every_figure_of_the_results_in_its_language(client, results_pages, lang):
    response = client.get(results_pages[lang].url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == lang
    with translation.override(lang):
        expected = figures_of(results(lang))
        heading = str(translation.gettext("Results against targets"))
    assert page_figures(html) == expected
    assert html.find("h2", id="results-targets-heading").get_text(strip=True) == heading
    # The seven planned outputs of the cluster, each with its measures.
    assert len(html.find("table", id="results-targets").find_all("tbody")) == 6
    assert len(html.select("#results-targets tbody th[scope=row]")) == 10


@pytest.mark.parametrize("lang", WRITTEN)
def test_every_chart_is_hidden_from_assistive_technology_and_followed_by_its_table(client, results_pages, lang):
    html = soup(client.get(results_pages[lang].url))
    sections = html.select("main section.results-section")
    assert len(sections) == 6
    for section in sections:
        chart = section.find("div", class_="results-chart")
        table = section.find("table")
        assert chart["aria-hidden"] == "true"
        assert chart.find_all("svg") and all(rect.get("width") for rect in chart.find_all("rect"))
        assert table.find("caption").get_text(strip=True)
        assert all(th.get("scope") in ("col", "row", "rowgroup") for th in table.find_all("th"))
        assert section["aria-labelledby"] == section.find("h2")["id"]


def test_bars_are_drawn_with_attributes_not_inline_styles_or_scripts(client, results_pages):
    html = soup(client.get(results_pages["en"].url))
    main = html.find("main")
    assert not main.find_all(style=True)
    assert not [
        script
        for script in html.find_all("script")
        if not script.get("src") and script.get("type") != "application/ld+json"
    ]
    widths = [float(rect["width"]) for rect in main.select("rect.results-bar__fill")]
    assert widths and all(0 <= width <= 100 for width in widths)


def test_the_page_names_no_person(client, results_pages):
    from events.models import Registration
    from publications.models import PrintRequest

    text = client.get(results_pages["en"].url).content.decode()
    assert "@example.org" not in text
    names = {name for name in Registration.objects.values_list("name", flat=True) if name}
    names |= {name for name in PrintRequest.objects.values_list("name", flat=True) if name}
    assert names and not any(name in text for name in names)


@pytest.mark.usefixtures("production_caching")
def test_a_download_shows_within_a_minute_even_with_the_page_cache(client, results_pages, monkeypatch):
    # Downloads do not bump the site-wide page cache, so the results page is kept a minute at most.
    url = results_pages["fr"].url
    first = client.get(url)
    assert "s-maxage=60" in first["Cache-Control"]
    publication = PublicationPage.objects.live().get(locale__language_code="fr")
    # A reader's browser: robots are not counted (COUNTER rules).
    reader = {
        "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Firefox/128.0",
        "REMOTE_ADDR": "198.51.100.31",
    }
    assert client.get(publication.download_path("fr"), **reader).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"

    a_minute_later = time.time() + FIGURES_FRESH_SECONDS + 1
    monkeypatch.setattr(locmem.time, "time", lambda: a_minute_later)
    later = client.get(url)
    assert later["X-Page-Cache"] == "miss"
    with translation.override("fr"):
        key = (
            str(results("fr").table("publication").title),
            "Français",
            str(translation.gettext("Downloads (COUNTER rules)")),
        )
    assert page_figures(soup(later))[key][0] == page_figures(soup(first))[key][0] + 1


def test_the_page_and_the_export_rows_agree(client, results_pages):
    html = soup(client.get(results_pages["en"].url))
    shown = page_figures(html)
    rows = export_rows(results("en"))
    assert len(rows) == len(shown)
    for row in rows:
        section = "targets" if row.language == "" and row.section == "Results against targets" else row.section
        assert shown[(section, row.item, row.measure)] == (row.actual, row.target)
