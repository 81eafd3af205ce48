"""Site search: the visitor's language only, live pages only, never an error page."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .finding import find

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def clean_query(raw):
    """Keep words only: control characters and full-text operators (quotes,
    brackets, asterisks…) would otherwise reach the database's query parser."""
    words = "".join(ch if ch.isalnum() or ch in "-'’" else " " for ch in raw[:MAX_QUERY_LENGTH])
    return " ".join(words.split())


def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    notice = ""
    if len(raw_query) > MAX_QUERY_LENGTH:
        notice = _("Your search was shortened to its first %(count)d characters.") % {"count": MAX_QUERY_LENGTH}
    context = {"query": query, "results": None, "notice": notice}
    if query:
        found = find(request, query, RESULTS_PER_PAGE)
        context |= {"results": found["page_obj"], "items": found["items"], "finder": found["finder"]}
    return TemplateResponse(request, "search/search.html", context)
