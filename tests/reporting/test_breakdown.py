"""The funder report's figures follow the records: two partners, a period with registrations,
attendance, downloads and copies, and records outside the period or flagged as examples that
never count. The page, the XLSX (read back with openpyxl) and the CSV say the same. (That the
report's queries do not grow with the records: test_breakdown_queries.py.)"""

import csv
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from results.breakdown import COUNTRY, LANGUAGE, PARTNER, SECTOR, report
from tests.module_data import module_data

from .conftest import (
    AFTER_PERIOD,
    BEFORE_PERIOD,
    IN_PERIOD,
    PERIOD,
    copies_sent,
    downloads,
    make_event,
    make_method,
    make_partner,
    make_publication,
    register,
)

pytestmark = pytest.mark.django_db


@module_data
def records():
    """Alpha (BE) held a regional event and a workshop in the period, Beta (NL) the conference.
    Returns the primary keys of the two partners."""
    alpha, beta = make_partner("Alpha College", "BE"), make_partner("Beta Works", "NL")
    regional = make_event(alpha, kind="regional", country="BE", sectors=["employers", "education"], language="en")
    register(regional, 4, language="en", sector="education", attended=True)
    register(regional, 2, language="en", sector="education", attended=False)  # registered, not present
    register(regional, 3, language="fr", sector="employers", attended=True)
    # No venue country: the host partner's country counts. Attendance not recorded: confirmed places count.
    workshop = make_event(alpha, kind="workshop", sectors=["hr"], language="fr")
    register(workshop, 5, language="nl", sector="hr")
    register(workshop, 2, language="nl", sector="hr", status="waiting")
    conference = make_event(beta, kind="conference", country="NL", sectors=["education"], language="nl")
    register(conference, 4, language="en", sector="education", attended=True)
    register(conference, 2, language="nl", sector="hr", attended=True)
    register(conference, 1, language="nl", sector="hr", status="cancelled")
    # Outside the period, or examples: never counted.
    register(make_event(alpha, BEFORE_PERIOD, country="BE"), 10, attended=True)
    register(make_event(beta, AFTER_PERIOD, country="NL"), 10, attended=True)
    register(make_event(beta, country="NL", example=True), 20, attended=True)

    publication = make_publication()
    downloads(publication, IN_PERIOD, 7, "en")
    downloads(publication, PERIOD.end, 3, "fr")
    downloads(publication, BEFORE_PERIOD, 100, "en")
    example = make_publication(example=True)
    downloads(example, IN_PERIOD, 50, "en")
    copies_sent(publication, 2, country="BE", language="en")
    copies_sent(publication, 5, country="NL", status="requested")
    copies_sent(publication, 9, country="NL", day=BEFORE_PERIOD)

    make_method(alpha)
    make_method(beta, day=AFTER_PERIOD)
    make_method(beta, example=True)
    return (alpha.pk, beta.pk)


@pytest.fixture
def partners(records, db):
    """The two partners of the records (in place of tests/reporting/conftest.py's), read afresh
    for each test."""
    from partners.models import Partner

    return tuple(Partner.objects.get(pk=pk) for pk in records)


def by_code(the_report, indicator, dimension):
    found = next(each for each in the_report.indicators if each.key == indicator)
    return {line.code: line.count for line in the_report.lines(found, dimension) if line.count}


def total(the_report, indicator):
    return next(each for each in the_report.indicators if each.key == indicator).total


def keys(partners):
    return tuple(str(partner.translation_key) for partner in partners)


def test_events_and_participants_break_down_by_partner_country_sector_and_language(records, partners):
    alpha, beta = keys(partners)
    data = report(PERIOD)

    assert total(data, "events") == 3
    assert by_code(data, "events", PARTNER) == {alpha: 2, beta: 1}
    assert by_code(data, "events", COUNTRY) == {"BE": 2, "NL": 1}
    assert by_code(data, "events", SECTOR) == {"employers": 1, "education": 2, "hr": 1}
    assert by_code(data, "events", LANGUAGE) == {"en": 1, "fr": 1, "nl": 1}

    # Present once attendance is recorded (4 + 3, not the 2 absent), confirmed places otherwise (5, not
    # the 2 waiting), and at the conference the 6 present (not the cancelled registration).
    assert total(data, "participants") == 7 + 5 + 6
    assert by_code(data, "participants", PARTNER) == {alpha: 12, beta: 6}
    assert by_code(data, "participants", COUNTRY) == {"BE": 12, "NL": 6}
    assert by_code(data, "participants", SECTOR) == {"education": 8, "employers": 3, "hr": 7}
    assert by_code(data, "participants", LANGUAGE) == {"en": 8, "fr": 3, "nl": 7}

    assert total(data, "workshop-attendance") == 5
    assert by_code(data, "workshop-attendance", PARTNER) == {alpha: 5}
    assert total(data, "conference-attendance") == 6
    assert by_code(data, "conference-attendance", PARTNER) == {beta: 6}


def test_downloads_copies_and_methods_count_in_the_period_only_and_never_examples(records, partners):
    alpha, _beta = keys(partners)
    data = report(PERIOD)
    assert total(data, "downloads") == 10
    assert by_code(data, "downloads", LANGUAGE) == {"en": 7, "fr": 3}
    assert by_code(data, "downloads", PARTNER) == {"": 10}, "downloads have no partner: not recorded"
    assert total(data, "copies-sent") == 2
    assert by_code(data, "copies-sent", COUNTRY) == {"BE": 2}
    assert total(data, "methods") == 1
    assert by_code(data, "methods", PARTNER) == {alpha: 1}
    assert by_code(data, "methods", COUNTRY) == {"BE": 1}


def test_every_breakdown_adds_up_to_the_total_when_each_record_has_one_value(records):
    data = report(PERIOD)
    for indicator in data.indicators:
        for dimension in (PARTNER, COUNTRY, LANGUAGE):
            lines = data.lines(indicator, dimension)
            assert sum(line.count for line in lines) == indicator.total, (indicator.key, dimension)


def test_a_partners_report_holds_only_what_that_partner_is_credited_with(records, partners):
    alpha, beta = keys(partners)
    data = report(PERIOD, partner=beta)
    assert total(data, "events") == 1
    assert total(data, "participants") == 6
    assert by_code(data, "participants", PARTNER) == {beta: 6}
    assert [line.code for line in data.lines(data.indicators[0], PARTNER)] == [beta]
    assert total(data, "downloads") == 0 and total(data, "methods") == 0


def test_the_same_records_counted_over_another_period_give_other_figures(records):
    from results.breakdown import Period

    before = report(Period(BEFORE_PERIOD, BEFORE_PERIOD))
    assert total(before, "events") == 1 and total(before, "participants") == 10
    assert total(before, "downloads") == 100
    assert by_code(before, "copies-sent", COUNTRY) == {"NL": 9}


# The page and the files ----------------------------------------------------------------------------


def sheet_lines(sheet):
    """{dimension heading: {label: count}} and the total, from an indicator's sheet."""
    tables, current, total_value = {}, None, None
    for label, value in sheet.iter_rows(min_row=4, max_col=2, values_only=True):
        if label is None:
            current = None
        elif label == "Total" and total_value is None:
            total_value = value
        elif current is None:
            current = tables.setdefault(label, {})
        else:
            current[label] = value
    return tables, total_value


def test_the_xlsx_has_a_description_then_a_sheet_per_indicator_agreeing_with_the_records(client, records, people):
    client.force_login(people["coordinator"])
    response = client.get(reverse("reporting_xlsx"), {"start": PERIOD.start, "end": PERIOD.end})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    about = book.worksheets[0]
    text = " ".join(str(cell) for row in about.iter_rows(values_only=True) for cell in row if cell)
    assert "2025-03-01 – 2025-06-30" in text
    assert "example" in text.lower() and "Excluded" in text

    data = report(PERIOD)
    assert [sheet.title for sheet in book.worksheets[1:]] == [str(each.label) for each in data.indicators]
    for indicator, sheet in zip(data.indicators, book.worksheets[1:], strict=True):
        tables, total_value = sheet_lines(sheet)
        assert total_value == indicator.total
        for dimension, label in (("partner", "Partner"), ("country", "Country"), ("language", "Language")):
            expected = {line.label: line.count for line in data.lines(indicator, dimension)}
            assert tables[label] == expected, (indicator.key, dimension)

    participants = sheet_lines(book["Participants"])[0]
    assert participants["Partner"]["Alpha College"] == 12 and participants["Partner"]["Beta Works"] == 6
    assert participants["Audience sector"]["Education (local college, high school)"] == 8
    assert sheet_lines(book["Downloads"])[0]["Language"]["English"] == 7


def test_the_csv_is_long_one_number_a_line(client, records, people):
    client.force_login(people["coordinator"])
    response = client.get(reverse("reporting_csv"), {"start": PERIOD.start, "end": PERIOD.end})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == ["indicator", "dimension", "value", "count"]
    found = {(row["indicator"], row["dimension"], row["value"]): int(row["count"]) for row in rows}
    assert found[("participants", "total", "")] == 18
    assert found[("participants", "partner", "Alpha College")] == 12
    assert found[("participants", "country", "Netherlands")] == 6
    assert found[("downloads", "language", "Français")] == 3, "languages are named in their own language"
    assert found[("events", "sector", "HR managers")] == 1


def test_the_page_shows_a_table_per_indicator_by_the_chosen_dimension(client, records, people):
    client.force_login(people["coordinator"])
    response = client.get(
        reverse("reporting_report"), {"start": PERIOD.start, "end": PERIOD.end, "dimension": "country"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = BeautifulSoup(response.content, "lxml")
    participants = html.select_one('section[data-indicator="participants"]')
    cells = {row["data-code"]: int(row.td["data-value"]) for row in participants.select("tr[data-code]")}
    assert cells["BE"] == 12 and cells["NL"] == 6 and cells["total"] == 18
    sections = [section["data-indicator"] for section in html.select("section[data-indicator]")]
    assert sections == [each.key for each in report(PERIOD).indicators]


def test_a_period_that_ends_before_it_starts_is_refused_and_the_default_shown(client, people):
    client.force_login(people["coordinator"])
    response = client.get(reverse("reporting_report"), {"start": "2025-06-30", "end": "2025-03-01"})
    assert response.status_code == 200
    assert "The period ends after it starts." in response.content.decode()


@pytest.mark.parametrize(
    "query", [{"start": "0001-01-01", "end": "9999-12-31"}, {"start": "2025-13-01", "end": "x"}, {"dimension": "?"}]
)
def test_dates_out_of_range_or_nonsense_give_the_default_report(client, people, query):
    client.force_login(people["coordinator"])
    response = client.get(reverse("reporting_report"), query)
    assert response.status_code == 200
    assert client.get(reverse("reporting_xlsx"), query).status_code == 200
