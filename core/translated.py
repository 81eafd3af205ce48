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
