"""The digest of new content, sent by `manage.py send_alerts` (run it from cron, e.g. hourly).

Why a periodic command rather than a hook on publish: a digest gathers what
was published since the last one, so a morning's ten new methods make one
e-mail, not ten; the editor's publish request never waits while hundreds of
messages are written; a page published and withdrawn again within the hour is
never announced; and scheduled publishing (`publish_scheduled`) is caught
the same way as a publish from the editor.

Never twice: every live page of a followed kind that no run has dealt with yet
is an *item*. A run records each item (AlertedItem, unique per page) and writes
the digests in ONE transaction: if anything fails, nothing is recorded and
nothing is sent, and the next run tries again; a second run at the same moment
fails on the unique pages and writes nothing. Re-publishing, moving or
translating an announced page never announces it again (each language's page
is its own item, announced to that language's subscribers).

A subscriber hears of the items first published after they confirmed; items
published earlier are recorded as dealt with. Pages under a view restriction
and alias pages are never items. Example content (`is_example`) is announced
and marked as an example.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.visibility import EVERY_LANGUAGE, visible

from . import kinds as content
from . import mail
from .models import AlertedItem, Subscription


@dataclass(frozen=True)
class Outcome:
    items: int
    digests: int


def new_items():
    """[(kind, page)] of every live, public page of a followed kind not dealt with yet."""
    dealt_with = AlertedItem.objects.values("page_id")
    found = []
    for kind in content.available():
        pages = (
            visible(content.model_of(kind).objects.filter(first_published_at__isnull=False), EVERY_LANGUAGE)
            .exclude(pk__in=dealt_with)
            .select_related("locale")
            .order_by("first_published_at", "pk")
        )
        found += [(kind, page) for page in pages]
    return found


def item_url(page):
    parts = page.get_url_parts()
    return mail.base_url() + parts[2] if parts else mail.base_url()


def _sections(subscription, items_by_kind):
    sections = []
    for kind in subscription.kinds:
        items = [
            (page.title, item_url(page), bool(getattr(page, "is_example", False)))
            for page in items_by_kind.get((subscription.language, kind), [])
            if page.first_published_at >= subscription.confirmed_at
        ]
        if items:
            sections.append((content.heading(kind), items))
    return sections


def send_alerts():
    """Announce every new item to its subscribers; returns how many items and digests."""
    now = timezone.now()
    with transaction.atomic():
        found = new_items()
        if not found:
            return Outcome(0, 0)
        AlertedItem.objects.bulk_create([AlertedItem(page_id=page.pk, kind=kind) for kind, page in found])
        items_by_kind = defaultdict(list)
        for kind, page in found:
            items_by_kind[(page.locale.language_code, kind)].append(page)
        languages = {language for language, _kind in items_by_kind}
        digests = 0
        subscribers = Subscription.objects.filter(status=Subscription.Status.CONFIRMED, language__in=languages)
        for subscription in subscribers.order_by("pk"):
            sections = _sections(subscription, items_by_kind)
            if sections:
                mail.send_digest(subscription, sections)
                Subscription.objects.filter(pk=subscription.pk).update(last_digest_at=now)
                digests += 1
    return Outcome(len(found), digests)
