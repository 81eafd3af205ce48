"""How the personal data of print requests is exported, erased and expired.

Registered with privacy.personal_data in PublicationsConfig.ready(). Erasure and
expiry anonymise rather than delete: name, email, organisation and address are
blanked; the number of copies, status, sector, country and language stay, so
that the distribution figures of the printed run do not change.

Retention: a request is anonymised once it has been closed (sent or cancelled)
or has waited for longer than the retention period
(PERSONAL_DATA_RETENTION_DAYS, counted from its last change). A waiting request
cannot be kept without a person to send copies to, so it is cancelled.
Requests still to be posted ("requested") are kept until an editor closes them,
unless the publication's page has been deleted: then they are cancelled and
anonymised like the others, counted from their own last change.
"""

from django.utils.translation import gettext_lazy as _

from privacy import personal_data

PERSONAL_FIELDS = {"name": "", "email": "", "organisation": "", "address": ""}


def _requests():
    from .models import PrintRequest

    return PrintRequest.objects.filter(anonymised_at__isnull=True)


def export(email):
    return [
        print_request.personal_record()
        for print_request in _requests().filter(email__iexact=email).select_related("stock").order_by("created_at")
    ]


def _anonymise(queryset, now=None):
    from django.utils import timezone

    from . import printing
    from .models import PrintRequest

    now = now or timezone.now()
    pks = []
    for print_request in queryset.select_related("stock"):
        if print_request.status in (PrintRequest.Status.WAITING, PrintRequest.Status.REQUESTED):
            # Nobody to post the copies to any more: give them back to the stock.
            print_request.status = PrintRequest.Status.CANCELLED
            printing.save_request(print_request, strict=False)
        pks.append(print_request.pk)
    PrintRequest.objects.filter(pk__in=pks).update(anonymised_at=now, **PERSONAL_FIELDS)
    return len(pks)


def erase(email):
    return _anonymise(_requests().filter(email__iexact=email))


def anonymise_expired(now):
    """Requests untouched for the retention period that are closed, waiting, or for a
    publication whose page no longer exists (in any language)."""
    from django.db.models import Q

    from .models import PrintRequest, PublicationPage

    limit = now - personal_data.retention_period()
    closed = [PrintRequest.Status.SENT, PrintRequest.Status.CANCELLED, PrintRequest.Status.WAITING]
    orphaned = ~Q(stock__publication_key__in=PublicationPage.objects.values("translation_key"))
    return _anonymise(_requests().filter(Q(status__in=closed) | orphaned, updated_at__lt=limit), now)


SOURCE = personal_data.Source(
    label="publications.print_request",
    name=_("requests for printed copies"),
    description="Requests for printed copies (name, email, organisation, sector, postal address, country, consent)",
    export=export,
    erase=erase,
    anonymise_expired=anonymise_expired,
)
