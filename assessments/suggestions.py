"""What the plan suggests for a competence: toolkit methods, films and upcoming events linked to it.

Pages link default-language items and are matched by translation key (see
competences.fields). When nothing on the site is linked to the item itself, the
suggestions come from the items the crosswalk marks as an exact or close match,
and say so.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from competences.models import Alignment
from core.translated import in_locale
from core.visibility import visible
from events.models import EventPage
from films.models import FilmPage
from toolkit.models import ToolPage

LIMITS = {"methods": 3, "films": 2, "events": 2}


@dataclass
class Suggestions:
    item: object
    methods: list = field(default_factory=list)
    films: list = field(default_factory=list)
    events: list = field(default_factory=list)
    via: list = field(default_factory=list)  # aligned items the suggestions come through

    @property
    def empty(self):
        return not (self.methods or self.films or self.events)


def _live(model, locale, keys):
    return visible(model.objects.filter(competences__translation_key__in=keys), locale).distinct()


def _find(locale, keys):
    return {
        "methods": list(_live(ToolPage, locale, keys).order_by("title")[: LIMITS["methods"]]),
        "films": list(_live(FilmPage, locale, keys).order_by("title")[: LIMITS["films"]]),
        "events": list(
            _live(EventPage, locale, keys).filter(start__gte=timezone.now()).order_by("start")[: LIMITS["events"]]
        ),
    }


def aligned_items(item):
    """Default-language items the crosswalk marks as an exact or close match of `item`."""
    key = item.translation_key
    rows = Alignment.objects.filter(
        Q(source__translation_key=key) | Q(target__translation_key=key), relation__in=["exact", "close"]
    ).select_related("source__framework", "target__framework")
    return [row.target if row.source.translation_key == key else row.source for row in rows]


def suggestions_for(item, locale):
    found = _find(locale, {item.translation_key})
    via = []
    if not any(found.values()):
        aligned = aligned_items(item)
        if aligned:
            found = _find(locale, {other.translation_key for other in aligned})
            via = in_locale(aligned, locale, select_related=["framework"])
    return Suggestions(item=item, via=via if any(found.values()) else [], **found)
