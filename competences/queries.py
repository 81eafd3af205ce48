"""Read-side helpers shared by the public views and the open-data exports."""

from collections import defaultdict
from functools import cache

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import Page

from core.translated import in_locale
from core.visibility import visible

from .fields import filter_by_competences
from .keys import framework_order
from .models import Alignment, FrameworkItem


def build_tree(items):
    """Attach each item's children (as `tree_children`) from one flat list; return the top level.

    The flat list comes from a single query, so a framework of any size costs one query.
    """
    by_parent = defaultdict(list)
    for item in items:
        by_parent[item.parent_id].append(item)
    for item in items:
        item.tree_children = by_parent.get(item.pk, [])
    return by_parent.get(None, [])


def ancestors(item):
    """The item's parents, top level first (the framework has at most three levels)."""
    chain = []
    parent = item.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return list(reversed(chain))


def alignments_for(item, locale):
    """The items aligned with `item`, in either direction, shown in `locale`.

    Alignments link default-language items, so they are found by translation key and
    the items on the other side are swapped for their translations in one query.
    """
    key = item.translation_key
    alignments = list(
        Alignment.objects.filter(Q(source__translation_key=key) | Q(target__translation_key=key)).select_related(
            "source__framework", "target__framework", "source__parent__parent", "target__parent__parent"
        )
    )
    others = [a.target if a.source.translation_key == key else a.source for a in alignments]
    localized = in_locale(others, locale, select_related=["framework", "parent__parent"])
    rows = [
        {"relation": a.get_relation_display(), "item": other, "proposed": not a.approved, "is_example": a.is_example}
        for a, other in zip(alignments, localized, strict=True)
    ]
    rows.sort(key=lambda row: framework_order(row["item"]))
    return rows


@cache
def competence_page_models():
    """The concrete page models that declare a `competences` ParentalManyToManyField to FrameworkItem."""
    found = []
    for model in apps.get_models():
        if not issubclass(model, Page) or model._meta.abstract:
            continue
        try:
            field = model._meta.get_field("competences")
        except FieldDoesNotExist:
            continue
        # With multi-table inheritance the subclass sees its parent's field: count it once.
        if isinstance(field, ParentalManyToManyField) and field.related_model is FrameworkItem and field.model is model:
            found.append(model)
    return found


def linked_pages(item, locale):
    """Live, public pages in `locale` that link to `item` (through any of its translations).

    Pages hold default-language items, even in their translations, hence the match
    by translation key rather than by item. One query whatever the number of page types:
    each type's pages that link to the item are a subquery of it. The pages come back as
    plain pages (title and address), not as their specific types.
    """
    linking = Q()
    for model in competence_page_models():
        linking |= Q(pk__in=filter_by_competences(model.objects.all(), [item]).values("pk"))
    if not linking:
        return []
    pages = list(visible(Page.objects.filter(linking), locale).only("title", "url_path", "path", "depth", "locale"))
    pages.sort(key=lambda page: page.title.lower())
    return pages
