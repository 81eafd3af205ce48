"""Fixtures for the results tests: the results page in each language, and people by role."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.roles import COORDINATORS, editor_group_name


@pytest.fixture
def results_pages(db):
    """The live results page of each language, keyed by language code."""
    from results.models import ResultsPage

    return {page.locale.language_code: page for page in ResultsPage.objects.live().select_related("locale")}


def make_user(username, *group_names):
    user = get_user_model().objects.create_user(username=username, password="pw", email=f"{username}@example.org")
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def coordinator(db):
    return make_user("results-coordinator", COORDINATORS)


@pytest.fixture
def english_editor(db):
    return make_user("results-editor", editor_group_name("en"))


def soup(response):
    return BeautifulSoup(response.content.decode(), "lxml")


def page_figures(html):
    """Every number in the page's tables as {(section, item, measure): (actual, target)}.

    The targets table gives its own section; the other tables are named by their
    heading. Only data attributes and cell positions are read, never translated words.
    """
    found = {}
    targets = html.find("table", id="results-targets")
    for body in targets.find_all("tbody"):
        output = body.find("th", scope="rowgroup").get_text(strip=True)
        for row in body.find_all("tr")[1:]:
            target, actual, _percent = row.find_all("td")
            key = ("targets", output, row.find("th", scope="row").get_text(strip=True))
            found[key] = (int(actual["data-value"]), int(target["data-value"]))
    for table in html.select("table.results-table:not(#results-targets)"):
        section = table.find_parent("section").find("h2").get_text(strip=True)
        columns = [th.get_text(strip=True) for th in table.find("thead").find_all("th")[1:]]
        for row in table.select("tbody tr, tfoot tr"):
            item = row.find("th", scope="row").get_text(strip=True)
            for column, cell in zip(columns, row.find_all("td"), strict=True):
                target = cell.get("data-target")
                found[(section, item, column)] = (int(cell["data-value"]), int(target) if target else None)
    return found


@pytest.fixture
def demo_as_records(db):
    """The demo content taken as the cluster's records: every example flag cleared.

    These tests check how the figures follow the data; that example content and its
    figures never count is specified in tests/examples/test_results.py.
    """
    from core.examples import example_models

    for model in example_models():
        model.objects.filter(is_example=True).update(is_example=False)
