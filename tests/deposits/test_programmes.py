"""The results in the fields of the Erasmus+ Project Results Platform and of keep.eu."""

import csv
import io

import pytest
from django.urls import reverse

from deposits import programmes
from practices.models import CaseStudyPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def real_results(db):
    """The demo's content is flagged as examples, which are never exported: these tests treat it as real."""
    from films.models import FilmPage
    from publications.models import PublicationPage
    from toolkit.models import ToolPage

    for model in (PublicationPage, FilmPage, ToolPage, CaseStudyPage):
        model.objects.update(is_example=False)


def exported(client, platform, scope="all"):
    response = client.get(reverse("deposits_export", args=[platform]), {"scope": scope})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("platform", ["erasmus-plus", "keep-eu"])
def test_each_platform_gets_its_own_columns(coordinator_client, platform):
    rows = exported(coordinator_client, platform)
    assert list(rows[0]) == [heading for _name, heading in programmes.PLATFORMS[platform]]


def test_the_cluster_lists_its_publication_films_toolkit_methods_and_cases(coordinator_client):
    rows = exported(coordinator_client, "keep-eu", "cluster")
    assert {row["Project acronym"] for row in rows} == {"STEPS"}
    types = {row["Output type"] for row in rows}
    assert {"Publication", "Film", "Toolkit", "Training method"} <= types
    assert rows[0]["Lead partner"] and rows[0]["Output link"].startswith("http://testserver/en/")


def test_each_project_lists_the_methods_and_cases_drawn_from_it(coordinator_client):
    project = programmes.projects().exclude(reference="").first() or programmes.projects().first()
    rows = exported(coordinator_client, "erasmus-plus", project.acronym)
    assert {row["Project Acronym"] for row in rows} == {project.acronym}
    assert rows[0]["Project Identifier"] == project.reference


def test_example_content_is_not_exported(coordinator_client):
    from toolkit.models import ToolPage

    case = CaseStudyPage.objects.filter(locale__language_code="en", live=True).first()
    method = ToolPage.objects.filter(locale__language_code="en", live=True).first()
    CaseStudyPage.objects.filter(translation_key=case.translation_key).update(is_example=True)
    ToolPage.objects.filter(translation_key=method.translation_key).update(is_example=True)
    for platform, column in (("keep-eu", "Output title"), ("erasmus-plus", "Result Title")):
        titles = {row[column] for row in exported(coordinator_client, platform)}
        assert case.title not in titles and method.title not in titles


def test_a_formula_in_a_title_is_written_as_text(coordinator_client):
    case = CaseStudyPage.objects.filter(locale__language_code="en", live=True).first()
    CaseStudyPage.objects.filter(pk=case.pk).update(title='=HYPERLINK("http://evil.example","Click")')
    titles = {row["Output title"] for row in exported(coordinator_client, "keep-eu", "cluster")}
    assert '\'=HYPERLINK("http://evil.example","Click")' in titles


def test_an_unknown_platform_or_scope_is_not_found(coordinator_client):
    assert coordinator_client.get(reverse("deposits_export", args=["elsewhere"])).status_code == 404
    assert coordinator_client.get(reverse("deposits_export", args=["keep-eu"]), {"scope": "<x>"}).status_code == 404
