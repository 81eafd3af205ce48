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


KINDS = (("methods", ToolPage, "title"), ("films", FilmPage, "title"), ("events", EventPage, "start"))


def _find(locale, keys):
    """{item translation key: {kind: [pages]}} for every key at once: two queries per kind of page."""
    found = {key: {kind: [] for kind, _model, _order in KINDS} for key in keys}
    for kind, model, order in KINDS:
        pages = _live(model, locale, keys)
        if model is EventPage:
            pages = pages.filter(start__gte=timezone.now())
        through = model._meta.get_field("competences").remote_field.through
        column = f"{model._meta.model_name}_id"
        links = through.objects.filter(
            **{f"{column}__in": pages.values("pk"), "frameworkitem__translation_key__in": keys}
        ).values_list(column, "frameworkitem__translation_key")
        linked = {}
        for page_id, key in links:
            linked.setdefault(page_id, set()).add(key)
        for page in model.objects.filter(pk__in=linked).order_by(order, "pk"):
            for key in linked[page.pk]:
                if len(found[key][kind]) < LIMITS[kind]:
                    found[key][kind].append(page)
    return found


def aligned_items(item):
    """Default-language items the crosswalk marks as an exact or close match of `item`."""
    key = item.translation_key
    rows = Alignment.objects.filter(
        Q(source__translation_key=key) | Q(target__translation_key=key), relation__in=["exact", "close"]
    ).select_related("source__framework", "target__framework")
    return [row.target if row.source.translation_key == key else row.source for row in rows]


def suggestions_for(items, locale):
    """[Suggestions] for each item, in order: direct links first, else the crosswalk's close matches."""
    found = _find(locale, {item.translation_key for item in items})
    result = []
    for item in items:
        direct = found[item.translation_key]
        via = []
        if not any(direct.values()):
            aligned = aligned_items(item)
            if aligned:
                merged = _find(locale, {other.translation_key for other in aligned})
                direct = {kind: [] for kind, _model, _order in KINDS}
                for pages in merged.values():
                    for kind, listed in pages.items():
                        for page in listed:
                            if page not in direct[kind] and len(direct[kind]) < LIMITS[kind]:
                                direct[kind].append(page)
                via = in_locale(aligned, locale, select_related=["framework"]) if any(direct.values()) else []
        result.append(Suggestions(item=item, via=via, **direct))
    return result
