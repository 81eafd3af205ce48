"""Translatable objects that a page links, shown in the page's language.

Translated pages link default-language snippets (wagtail-localize copies
many-to-many links unchanged), so what they show is swapped for its
translation; reading the links and the translations together costs one query.
"""

from django.db.models import Exists, OuterRef, Q


def linked_in_locale(linked, locale, select_related=()):
    """The objects of the queryset `linked`, in its model's order, each in `locale`
    where translated and otherwise as linked (so a link is never lost)."""
    model = linked.model
    rows = list(
        model.objects.filter(
            Q(pk__in=linked.values("pk")) | Q(locale=locale, translation_key__in=linked.values("translation_key"))
        )
        .annotate(is_linked=Exists(linked.filter(pk=OuterRef("pk"))))
        .select_related(*select_related)
    )
    translations = {obj.translation_key: obj for obj in rows if obj.locale_id == locale.pk}
    return [
        obj if obj.locale_id == locale.pk else translations.get(obj.translation_key, obj)
        for obj in rows
        if obj.is_linked
    ]


def in_locale(objects, locale, *, fallback=True, select_related=(), live_only=False):
    """Translatable objects (snippets or specific pages, of one model or several), each in
    `locale` where translated, in the same order; one query per model with objects to swap.

    `locale`: a Locale or its id (a page's `locale_id` costs no query).
    `objects` may be a list, a queryset or the fake queryset of a preview; None entries
    are skipped. An object not translated yet stays in its own language when `fallback`
    is true (like Wagtail's `.localized`, so a link is never lost) and is dropped
    otherwise. `live_only`: only a live translation replaces a page.
    """
    locale_id = getattr(locale, "pk", locale)
    objects = [obj for obj in objects if obj is not None]
    wanted = {}
    for obj in objects:
        if obj.locale_id != locale_id:
            wanted.setdefault(type(obj), set()).add(obj.translation_key)
    translations = {}
    for model, keys in wanted.items():
        found = model.objects.filter(locale_id=locale_id, translation_key__in=keys).select_related(*select_related)
        if live_only:
            found = found.filter(live=True)
        translations.update(((model, obj.translation_key), obj) for obj in found)
    result = []
    for obj in objects:
        if obj.locale_id == locale_id:
            result.append(obj)
        elif (type(obj), obj.translation_key) in translations:
            result.append(translations[(type(obj), obj.translation_key)])
        elif fallback:
            result.append(obj)
    return result


def one_in_locale(obj, locale):
    """One translatable object in `locale` (a Locale or its id; one query at most), or as it is
    when not translated."""
    if obj is None or obj.locale_id == getattr(locale, "pk", locale):
        return obj
    return in_locale([obj], locale)[0]
