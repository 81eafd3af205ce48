"""The funder report, and a partner's dashboard, read a fixed number of queries however many
records they count.

Apart from tests/reporting/test_breakdown.py, whose records are built once for the whole module:
these tests count from records of their own."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from .conftest import IN_PERIOD, PERIOD, downloads, make_event, make_method, make_publication, register

pytestmark = pytest.mark.django_db


def test_the_report_reads_a_fixed_number_of_queries_whatever_the_records(
    client, partners, people, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(people["coordinator"])
    query = {"start": PERIOD.start, "end": PERIOD.end}
    alpha, beta = partners
    register(make_event(alpha, country="BE"), 2, attended=True)
    make_method(beta)
    client.get(reverse("reporting_report"), query)  # the session and the admin's menus, read once
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("reporting_report"), query).status_code == 200

    for number in range(6):
        event = make_event(partners[number % 2], country="NL", kind=["regional", "workshop", "conference"][number % 3])
        register(event, 3, language=["en", "fr", "nl"][number % 3], attended=True)
        make_method(partners[number % 2])
        downloads(make_publication(), IN_PERIOD, number + 1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("reporting_report"), query)
    html = BeautifulSoup(response.content, "lxml")
    assert html.select_one('section[data-indicator="events"] tr[data-code="total"] td')["data-value"] == "7"


def test_a_partners_dashboard_reads_a_fixed_number_of_queries_whatever_its_records(
    client, partners, people, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    alpha = partners[0]
    client.force_login(people["partner-a"])
    url = reverse("reporting_partner", args=[alpha.translation_key])
    query = {"start": PERIOD.start, "end": PERIOD.end}
    register(make_event(alpha, country="BE"), 2, attended=True)
    make_method(alpha)
    client.get(url, query)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url, query).status_code == 200
    for _ in range(5):
        register(make_event(alpha, country="BE"), 3, attended=True)
        make_method(alpha)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url, query)
    html = BeautifulSoup(response.content, "lxml")
    assert html.select_one('section[data-indicator="methods"] tr[data-code="total"] td')["data-value"] == "6"
