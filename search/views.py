"""Site search: the visitor's language only, live pages only, never an error page."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def clean_query(raw):
    """Strip control characters and cap the length, so that any input is safe to search."""
    printable = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    results = None
    notice = ""
    if len(raw_query) > MAX_QUERY_LENGTH:
        notice = _("Your search was shortened to its first %(count)d characters.") % {"count": MAX_QUERY_LENGTH}
    if query:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active(), alias_of__isnull=True)
            .exclude(depth__lte=1)
        )
        paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": results, "notice": notice},
    )
