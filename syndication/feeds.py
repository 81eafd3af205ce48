"""RSS and Atom feeds, per language, of what is new on the platform.

Each kind of feed lists one content type; a kind whose app is not installed
does not exist (404).
"""

from django.apps import apps
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.visibility import visible

FEED_KINDS = {
    "methods": ("toolkit.ToolPage", _("New methods in the toolkit")),
    "cases": ("practices.CaseStudyPage", _("New best-practice case studies")),
    "films": ("films.FilmPage", _("New films")),
    "events": ("events.EventPage", _("New events")),
}
FEED_LENGTH = 20


def feed_model(kind):
    if kind not in FEED_KINDS:
        raise Http404
    try:
        return apps.get_model(FEED_KINDS[kind][0])
    except LookupError as exc:
        raise Http404 from exc


class LatestPagesFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, kind):
        feed_model(kind)  # 404 for an unknown kind or an app that is not installed
        self.request = request
        return kind

    def title(self, kind):
        return f"STEPS · {FEED_KINDS[kind][1]}"

    def link(self, kind):
        return reverse("search")

    def feed_url(self, kind):
        return reverse(f"feed_{'atom' if self.feed_type is Atom1Feed else 'rss'}", args=[kind])

    def description(self, kind):
        return FEED_KINDS[kind][1]

    def items(self, kind):
        return visible(feed_model(kind).objects.all(), Locale.get_active()).order_by("-first_published_at")[
            :FEED_LENGTH
        ]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "description", "") or item.search_description

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class LatestPagesAtomFeed(LatestPagesFeed):
    feed_type = Atom1Feed
    subtitle = LatestPagesFeed.description
