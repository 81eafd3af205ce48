"""With only the demo loaded, the results show no progress, and the example figures apart."""

import pytest
from bs4 import BeautifulSoup

from results.figures import export_rows, results
from tests.page_types import LANGUAGES

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_with_only_the_demo_no_target_shows_progress():
    data = results("en")
    assert data.outputs
    for output in data.outputs:
        for measure in output.measures:
            assert measure.actual == 0, f"{output.label}: {measure.label} counts {measure.actual}"
            assert measure.percent == 0
    assert "example" in str(data.note)


def test_the_example_figures_are_counted_apart_and_labelled():
    data = results("en")
    rows = {str(row.header): row.cells[0].actual for row in data.examples.rows}
    assert rows, "the demo's example figures are listed"
    assert all(cell.target is None for row in data.examples.rows for cell in row.cells)
    assert any("Participants in example events" in header and value > 0 for header, value in rows.items())
    assert rows.get("Example training methods", 0) >= 24
    exported = [row for row in export_rows(data) if row.section == str(data.examples.title)]
    assert exported and all(row.target is None and row.percent is None for row in exported)


def test_a_record_that_is_not_an_example_counts(django_capture_on_commit_callbacks):
    from events.models import EventPage

    held = EventPage.objects.filter(locale__language_code="en", slug="final-conference").get()
    EventPage.objects.filter(translation_key=held.translation_key).update(is_example=False)
    conference = next(o for o in results("en").outputs if o.key == "events-conference")
    assert conference.measures[0].actual == 1
    assert conference.measures[1].actual > 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_results_page_shows_zero_progress_says_why_and_shows_the_examples_apart(client, language):
    from results.models import ResultsPage

    page = ResultsPage.objects.live().get(locale__language_code=language)
    html = BeautifulSoup(client.get(page.url).content, "lxml")
    targets = html.find("table", id="results-targets")
    actuals = [int(cell["data-value"]) for row in targets.select("tbody tr") for cell in row.find_all("td")[1:2]]
    assert actuals and set(actuals) == {0}
    assert html.select_one("[data-results-note]").get_text(strip=True)
    examples = html.select_one("[data-example-figures] table#results-examples")
    assert examples is not None and examples.select("tbody tr")
