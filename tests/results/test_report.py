"""Coordinators find the results under Reports, and export exactly the figures the public page shows."""

import csv
import io

import pytest

from results.figures import export_rows, results

from .conftest import page_figures, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_as_records")]

URL = "/admin/reports/results/"


def csv_rows(response):
    content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    return list(csv.reader(io.StringIO(content)))


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert client.get(URL + "?export=csv").status_code == 302


def test_editors_may_not_see_the_report(client, english_editor):
    client.force_login(english_editor)
    assert client.get(URL).status_code in (302, 403)
    assert client.get(URL + "?export=csv").status_code in (302, 403)
    assert URL.encode() not in client.get("/admin/").content


def test_coordinators_see_the_report_in_the_reports_menu(client, coordinator):
    client.force_login(coordinator)
    response = client.get(URL)
    assert response.status_code == 200
    html = soup(response)
    assert len(html.select("table.listing tbody tr")) == len(export_rows(results()))
    assert URL.encode() in client.get("/admin/").content


def test_superusers_see_the_report(client, admin_user):
    client.force_login(admin_user)
    assert client.get(URL).status_code == 200


def test_the_csv_export_holds_the_figures_of_the_english_page(client, coordinator, results_pages):
    client.force_login(coordinator)
    response = client.get(URL + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header, *lines = csv_rows(response)
    assert header == ["Section", "Item", "Measure", "Language", "Result", "Target", "Share of the target (%)", "Unit"]

    shown = page_figures(soup(client.get(results_pages["en"].url)))
    assert len(lines) == len(shown)
    first_section = lines[0][0]
    for section, item, measure, _language, actual, target, percent, _unit in lines:
        key = ("targets" if section == first_section else section, item, measure)
        assert shown[key] == (int(actual), int(target) if target else None)
        if target:
            assert int(percent) == round(100 * int(actual) / int(target))
        else:
            assert percent == ""


def test_the_csv_follows_a_change_in_the_data(client, coordinator):
    from publications.models import PublicationPage

    client.force_login(coordinator)

    def downloads_in(language):
        rows = csv_rows(client.get(URL + "?export=csv"))
        return sum(int(row[4]) for row in rows[1:] if row[2] == "Downloads (COUNTER rules)" and row[3] == language)

    before = downloads_in("fr")
    publication = PublicationPage.objects.live().get(locale__language_code="en")
    # A reader's browser: robots are not counted (COUNTER rules).
    reader = {
        "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Firefox/128.0",
        "REMOTE_ADDR": "198.51.100.32",
    }
    client.get(publication.download_path("fr"), **reader)
    assert downloads_in("fr") == before + 1
