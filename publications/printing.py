"""Requests for printed copies, without ever promising more copies than were printed.

Every change to the allocation runs in one transaction that first locks the
publication's `PrintStock` row:

- PostgreSQL: the UPDATE below and SELECT … FOR UPDATE take a row lock, so
  concurrent requests for the same publication queue up, and each one sees the
  allocation left by the previous one.
- SQLite ignores FOR UPDATE; the UPDATE takes the database-wide write lock at
  the start of the transaction instead, so no two requests read the same stock.

The allocation update is itself conditional (allocated + copies <= total), and
a CHECK constraint on the table refuses any over-allocation as a last resort.

Policy: no partial allocation. A request for more copies than are left joins the
waiting list whole (status "waiting") and the requester is told how many are
left, so they can send a smaller request instead. Editors move requests between
statuses in the admin; "requested" and "sent" hold copies, "waiting" and
"cancelled" do not. Waiting requests are not promoted automatically: an editor
decides (the admin refuses a change that would exceed the stock).

Emails are rendered and written to the outbox in the same transaction as the
request (outbox/); a worker sends them later, never while the lock is held.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from outbox import tasks as outbox
from privacy import personal_data

from .models import PrintRequest, PrintStock, PublicationPage


class NotEnoughCopies(Exception):
    def __init__(self, left):
        super().__init__(left)
        self.left = left


def _lock(stock_id):
    # A no-op UPDATE first: on SQLite it takes the write lock before anything is read.
    PrintStock.objects.filter(pk=stock_id).update(allocated=F("allocated"))
    return PrintStock.objects.select_for_update().get(pk=stock_id)


def _allocate(stock, copies):
    """Take `copies` from the locked stock; False (and nothing taken) when too few are left."""
    if copies <= 0:
        return True
    taken = PrintStock.objects.filter(pk=stock.pk, allocated__lte=F("total") - copies).update(
        allocated=F("allocated") + copies
    )
    if taken:
        stock.allocated += copies
    return bool(taken)


def _release(stock, copies):
    if copies > 0:
        PrintStock.objects.filter(pk=stock.pk).update(allocated=F("allocated") - copies)
        stock.allocated -= copies


def request_copies(stock, data, language, base_url):
    """Record a request for `stock` (a PrintStock) from a cleaned PrintRequestForm:
    "requested" when enough copies are left (they are allocated at once), otherwise
    "waiting". Returns the request."""
    with transaction.atomic():
        stock = _lock(stock.pk)
        copies = data["copies"]
        print_request = PrintRequest(
            stock=stock,
            copies=copies,
            language=language,
            name=data["name"],
            email=personal_data.normalise_email(data["email"]),
            organisation=data.get("organisation", ""),
            sector=data["sector"],
            address=data["address"],
            country=data["country"],
            consent_at=timezone.now(),
            consent_version=personal_data.CONSENT_VERSION,
        )
        print_request.status = (
            PrintRequest.Status.REQUESTED if _allocate(stock, copies) else PrintRequest.Status.WAITING
        )
        print_request.save()
        left = stock.left
        send_confirmation(print_request, base_url, left)
    return print_request


def _held(status, copies):
    return copies if status in PrintRequest.ALLOCATING else 0


def save_request(print_request, strict=True):
    """Save an editor's change (status, copies) and adjust the allocation to match.

    Raises NotEnoughCopies when the change needs more copies than are left and
    `strict` is true; otherwise the request is put on the waiting list instead.
    """
    with transaction.atomic():
        stock = _lock(print_request.stock_id)
        before = 0
        if print_request.pk:
            previous = PrintRequest.objects.select_for_update().filter(pk=print_request.pk).first()
            if previous is not None and previous.stock_id == print_request.stock_id:
                before = _held(previous.status, previous.copies)
            elif previous is not None:
                _release(_lock(previous.stock_id), _held(previous.status, previous.copies))
        after = _held(print_request.status, print_request.copies)
        if after > before:
            if not _allocate(stock, after - before):
                if strict:
                    raise NotEnoughCopies(stock.left)
                _release(stock, before)
                print_request.status = PrintRequest.Status.WAITING
        else:
            _release(stock, before - after)
        print_request.save()
    return print_request


def release_on_delete(print_request):
    """Give back the copies a deleted request held."""
    held = _held(print_request.status, print_request.copies)
    if held:
        with transaction.atomic():
            _release(_lock(print_request.stock_id), held)


def publication_in(print_request, language):
    pages = PublicationPage.objects.live().filter(translation_key=print_request.stock.publication_key)
    by_language = {page.locale.language_code: page for page in pages.select_related("locale")}
    return (
        by_language.get(language) or by_language.get(settings.LANGUAGE_CODE) or next(iter(by_language.values()), None)
    )


def send_confirmation(print_request, base_url, left):
    """The requester's confirmation, in the language of the page they used, written to
    the outbox: call it inside the transaction that saves the request."""
    page = publication_in(print_request, print_request.language)
    with translation.override(print_request.language):
        context = {
            "print_request": print_request,
            "page": page,
            "title": page.title if page else print_request.stock.title,
            "page_url": base_url.rstrip("/") + page.url if page else base_url,
            "left": left,
            "waiting": print_request.status == PrintRequest.Status.WAITING,
        }
        subject = render_to_string("publications/email/confirmation_subject.txt", context).strip()
        body = render_to_string("publications/email/confirmation.txt", context)
    outbox.enqueue(EmailMessage(subject=settings.EMAIL_SUBJECT_PREFIX + subject, body=body, to=[print_request.email]))
