"""Suggestions while typing: page titles that start with what the visitor typed.

`GET /<lang>/search/suggest/?q=…` answers JSON::

    {"query": "trai", "suggestions": [{"title": "…", "url": "/en/…", "type": "Training method"}]}

Titles come from Wagtail's autocomplete search (prefix matching on the pages'
autocomplete fields), in the language of the address only. Answers are cached
per language and query until anything published changes (the page cache's
version), and each client may ask a limited number of times per minute
(`search.suggest`, see privacy/protection.py).
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import JsonResponse
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from caching import content_version
from privacy import protection

from .finding import searchable_pages
from .views import clean_query

GROUP = "search.suggest"
protection.declare_rate(GROUP, "120/m")
MIN_LENGTH = 2
MAX_SUGGESTIONS = 8
CACHE_SECONDS = 300


def rate_limited(request):
    if not protection.rate_limits_enabled():
        return False
    from django_ratelimit.core import is_ratelimited

    return is_ratelimited(request, group=GROUP, key="ip", rate=protection.rate_for(GROUP), increment=True)


def suggestions(request, query):
    results = []
    for page in searchable_pages(Locale.get_active()).autocomplete(query)[:MAX_SUGGESTIONS]:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        kind = capfirst(model._meta.verbose_name) if model else ""
        results.append({"title": page.title, "url": page.get_url(request), "type": str(kind)})
    return results


def suggest(request):
    if rate_limited(request):
        response = JsonResponse({"error": str(protection.RATE_LIMITED_MESSAGE), "suggestions": []}, status=429)
        response["Retry-After"] = "60"
        return response
    query = clean_query(request.GET.get("q", ""))
    if len(query) < MIN_LENGTH:
        return JsonResponse({"query": query, "suggestions": [], "message": _("Type at least two letters.")})
    digest = hashlib.sha256(query.lower().encode()).hexdigest()[:32]
    version = content_version.current_version()
    key = f"search:suggest:{version}:{get_language()}:{digest}"
    found = cache.get(key) if version is not None else None
    if found is None:
        found = suggestions(request, query)
        if version is not None:
            cache.set(key, found, CACHE_SECONDS)
    response = JsonResponse({"query": query, "suggestions": found})
    response["Cache-Control"] = "private, max-age=60"
    return response
