"""Personal data of print requests: consent text, export, erasure and expiry via the shared command."""

import json
from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from privacy import personal_data
from publications.models import PrintRequest


def test_source_is_registered():
    assert "publications.print_request" in {source.label for source in personal_data.sources()}


def test_consent_text_is_shown_beside_the_form(client, publications):
    page = publications["en"]
    html = client.get(page.url + page.reverse_subpage("request")).content.decode()
    assert personal_data.consent_text()[:60] in html


def test_export_one_persons_requests(stock):
    out = StringIO()
    call_command("personal_data", "export", "--email", "M.Dubois@example.org", stdout=out)
    data = json.loads(out.getvalue())
    records = data["publications.print_request"]
    assert len(records) == 1
    assert records[0]["name"] == "Marie Dubois"
    assert records[0]["address"].startswith("4 rue de la Gare")
    assert records[0]["copies"] == 5


def test_erase_anonymises_and_keeps_the_figures(stock):
    request = PrintRequest.objects.get(email="c.lambert@example.org")  # requested: 5 copies held
    left = stock.left
    out = StringIO()
    call_command("personal_data", "erase", "--email", "c.lambert@example.org", stdout=out)
    assert "publications.print_request: 1 record(s) erased" in out.getvalue()
    request.refresh_from_db()
    assert request.name == request.email == request.address == request.organisation == ""
    assert request.anonymised_at is not None
    assert request.copies == 5 and request.country.code == "FR"
    # Nobody to post to any more: the copies go back to the stock.
    assert request.status == PrintRequest.Status.CANCELLED
    stock.refresh_from_db()
    assert stock.left == left + 5
    assert personal_data.export("c.lambert@example.org")["publications.print_request"] == []


def test_anonymise_expired_closed_requests_only(stock, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    old = timezone.now() - timedelta(days=45)
    PrintRequest.objects.filter(email__in=["j.carter@example.org", "c.lambert@example.org"]).update(updated_at=old)
    call_command("personal_data", "anonymise-expired", stdout=StringIO())
    sent = PrintRequest.objects.get(copies=5, country="GB", status="sent", organisation="")
    assert sent.anonymised_at is not None and sent.name == ""
    # A request still to be posted is kept, however old.
    assert PrintRequest.objects.get(email="c.lambert@example.org").anonymised_at is None
    # Recent closed requests are kept too.
    assert PrintRequest.objects.get(email="l.peeters@example.org").anonymised_at is None


def test_requests_for_a_deleted_publication_expire_from_their_own_last_change(stock, publications, settings):
    from publications.models import PublicationPage

    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    old = timezone.now() - timedelta(days=45)
    waiting_to_be_posted = PrintRequest.objects.get(email="c.lambert@example.org")  # requested: 5 copies held
    PrintRequest.objects.filter(pk=waiting_to_be_posted.pk).update(updated_at=old)
    recent = PrintRequest.objects.filter(status=PrintRequest.Status.REQUESTED).exclude(pk=waiting_to_be_posted.pk)
    recent_pks = list(recent.values_list("pk", flat=True))
    left = stock.left

    for page in PublicationPage.objects.filter(translation_key=stock.publication_key):
        page.delete()
    call_command("personal_data", "anonymise-expired", stdout=StringIO())

    waiting_to_be_posted.refresh_from_db()
    assert waiting_to_be_posted.anonymised_at is not None
    assert (waiting_to_be_posted.name, waiting_to_be_posted.email, waiting_to_be_posted.address) == ("", "", "")
    # Nobody to post to any more: cancelled, its copies back in the stock, the figures kept.
    assert waiting_to_be_posted.status == PrintRequest.Status.CANCELLED and waiting_to_be_posted.copies == 5
    stock.refresh_from_db()
    assert stock.left == left + 5
    # Requests changed within the retention period are kept.
    assert not PrintRequest.objects.filter(pk__in=recent_pks, anonymised_at__isnull=False).exists()
