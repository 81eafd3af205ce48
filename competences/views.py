"""The public framework browser: every framework, one framework, one item; and the open data.

Each view says which languages it exists in (`available_languages`), for its canonical
link and hreflang alternates (core/languages.py). In a language the framework has not been
translated into yet (a language just added), the views show the source language's text
and say so, with the source language's address as canonical.
"""

import io
import json
import re

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from wagtail.models import Locale

from . import structured_data
from .models import Framework, FrameworkItem
from .opendata import skos_document, write_csv
from .queries import alignments_for, ancestors, build_tree, linked_pages


def _level_count(level):
    return Count("items", filter=Q(items__level=level))


def _languages(queryset):
    """The language codes a snippet (its translations: `queryset`) exists in."""
    return set(queryset.values_list("locale__language_code", flat=True))


def _default_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def framework_index(request):
    available = _languages(Framework.objects.all())
    locale = Locale.get_active() if Locale.get_active().language_code in available else _default_locale()
    frameworks = Framework.objects.filter(locale=locale).annotate(
        area_count=_level_count(FrameworkItem.Level.AREA),
        competence_count=_level_count(FrameworkItem.Level.COMPETENCE),
        outcome_count=_level_count(FrameworkItem.Level.OUTCOME),
    )
    return render(
        request,
        "competences/framework_index.html",
        {"frameworks": frameworks, "available_languages": available or None},
    )


def _in_language(queryset, **lookup):
    """The object in the active language, else in the source language (not translated yet),
    and the languages it exists in."""
    found = {obj.locale.language_code: obj for obj in queryset.filter(**lookup)}
    obj = found.get(Locale.get_active().language_code) or found.get(settings.LANGUAGE_CODE)
    if obj is None:
        raise Http404
    return obj, set(found)


def framework_detail(request, code):
    framework, available = _in_language(Framework.objects.select_related("locale"), code=code)
    # One query for the whole tree, whatever its size.
    items = list(framework.items.order_by("sort_order", "code"))
    data = structured_data.defined_term_set(framework, request, items)
    return render(
        request,
        "competences/framework_detail.html",
        {
            "framework": framework,
            "tree": build_tree(items),
            "has_examples": any(item.is_example for item in items),
            "structured_data": [data],
            "available_languages": available,
        },
    )


def item_detail(request, framework_code, item_code):
    item, available = _in_language(
        FrameworkItem.objects.select_related("framework", "locale", "parent__parent__parent"),
        framework__code=framework_code,
        code=item_code,
    )
    locale = item.locale
    trail = [
        (f"{ancestor.code} {ancestor.name}", reverse("competences:item", args=[item.framework.code, ancestor.code]))
        for ancestor in ancestors(item)
    ]
    alignments = alignments_for(item, locale)
    return render(
        request,
        "competences/item_detail.html",
        {
            "item": item,
            "has_proposed_alignments": any(row["proposed"] for row in alignments),
            "framework": item.framework,
            "ancestor_trail": trail,
            "children": item.children.order_by("sort_order", "code"),
            "alignments": alignments,
            "linked_pages": linked_pages(item, locale),
            "structured_data": [structured_data.defined_term(item, request)],
            "available_languages": available,
        },
    )


def _default_framework(code):
    """The open data describe every language at once, from the default-language framework."""
    return get_object_or_404(Framework, locale__language_code=settings.LANGUAGE_CODE, code=code)


def framework_csv(request, code):
    framework = _default_framework(code)
    buffer = io.StringIO()
    write_csv(framework, buffer)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = re.sub(r"[^A-Za-z0-9._-]", "_", framework.code)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def framework_jsonld(request, code):
    framework = _default_framework(code)
    document = skos_document(framework, request)
    return HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type="application/ld+json; charset=utf-8"
    )
