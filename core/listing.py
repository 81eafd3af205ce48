"""Helpers shared by the listing pages: pagination that tolerates any page number.

Listing pages validate their filters with a Django form against an allow-list
and paginate the result with `paginate`; `includes/pagination.html` renders the
links, keeping the other query parameters.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, items, per_page, param="page"):
    """The requested page of `items`; a missing, malformed or out-of-range number
    gives the first or last page rather than an error."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get(param, 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
