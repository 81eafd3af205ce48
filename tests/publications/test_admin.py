"""Editors: the print requests in the admin, their statuses and the CSV export."""

import csv
import io

import pytest

from publications.models import PrintRequest

from .conftest import set_left


def test_requests_listing_with_filters(admin_client, stock):
    response = admin_client.get("/admin/print_requests/?status=sent")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jo Carter" in html
    assert "Claire Lambert" not in html  # requested, filtered out


def test_csv_export(admin_client, stock):
    response = admin_client.get("/admin/print_requests/?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "print-requests.csv" in response["Content-Disposition"]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert "Email" in header and "Status" in header and "Publication" in header
    assert len(body) == PrintRequest.objects.count()
    emails = {row[header.index("Email")] for row in body}
    assert "j.carter@example.org" in emails


def _edit(admin_client, request, **changes):
    data = {
        "status": request.status,
        "copies": request.copies,
        "stock": request.stock_id,
        "name": request.name,
        "email": request.email,
        "organisation": request.organisation,
        "sector": request.sector,
        "address": request.address,
        "country": request.country.code,
        "language": request.language,
    } | changes
    return admin_client.post(f"/admin/print_requests/edit/{request.pk}/", data)


def test_cancelling_gives_copies_back_and_sending_keeps_them(admin_client, stock):
    request = PrintRequest.objects.get(email="c.lambert@example.org")  # requested, 5 copies
    left = stock.left
    assert _edit(admin_client, request, status="sent").status_code == 302
    stock.refresh_from_db()
    assert stock.left == left
    assert _edit(admin_client, request, status="cancelled").status_code == 302
    stock.refresh_from_db()
    assert stock.left == left + 5


def test_editors_cannot_over_allocate(admin_client, stock):
    waiting = PrintRequest.objects.create(
        stock=stock,
        status="waiting",
        copies=4,
        name="W",
        email="w@example.org",
        sector="other",
        address="x",
        country="FR",
    )
    set_left(stock, 3)
    response = _edit(admin_client, waiting, status="requested")
    assert response.status_code == 200  # the form again, with its error
    assert "Only 3 copies are left" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == "waiting"
    set_left(stock, 4)
    assert _edit(admin_client, waiting, status="requested").status_code == 302
    stock.refresh_from_db()
    assert stock.left == 0


def test_deleting_a_request_gives_its_copies_back(stock):
    request = PrintRequest.objects.get(email="t.devos@example.org")  # requested, 2 copies
    left = stock.left
    request.delete()
    stock.refresh_from_db()
    assert stock.left == left + 2


@pytest.mark.parametrize("printed", [20])
def test_printed_copies_cannot_drop_below_the_allocation(publications, printed):
    from django.core.exceptions import ValidationError

    page = publications["en"]
    page.printed_copies = printed  # 35 are allocated in the demo
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "printed_copies" in error.value.message_dict


def test_raising_the_print_run_on_the_page_raises_the_stock(publications, stock):
    page = publications["en"]
    page.printed_copies = 300
    page.save()
    stock.refresh_from_db()
    assert stock.total == 300


def test_a_draft_print_run_changes_the_stock_only_when_published(publications, stock):
    from publications.models import PublicationPage

    page = PublicationPage.objects.get(pk=publications["en"].pk)
    page.printed_copies = 400
    revision = page.save_revision()
    stock.refresh_from_db()
    assert stock.total == 250
    revision.publish()
    stock.refresh_from_db()
    assert stock.total == 400
