"""What a visitor may see, in one place: `visible(pages, locale)`.

A page is shown to visitors (in listings, the menu, the footer, search, feeds,
the sitemap and the open data) when it is

- live;
- public: neither it nor a page above it has a view restriction (a password,
  a login or a group), checked inside the same query;
- in the visitor's language (the active locale unless told otherwise, or
  `EVERY_LANGUAGE` for the sitemap's alternates and the language switcher);
- not an alias: an alias page serves another language's text under this
  language's address.

Pages that one audience may see (a restricted page, reached by its own address)
are served by Wagtail's own view restriction check, not listed.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Locale, PageViewRestriction

EVERY_LANGUAGE = object()


def restricted_q():
    """Pages under a view restriction (on themselves or an ancestor), as a condition
    evaluated in the page query itself: `.public()` costs a query of its own to
    list every restriction first."""
    restricted = PageViewRestriction.objects.annotate(page_path_length=Length("page__path")).filter(
        page__path=Substr(OuterRef("path"), 1, F("page_path_length"))
    )
    return Q(Exists(restricted))


def visible(pages, locale=None):
    """The pages of a page queryset that visitors of `locale` may see (see the module's docstring).

    `locale`: a Locale, a locale id, the active locale when omitted, or `EVERY_LANGUAGE`.
    """
    pages = pages.live().filter(alias_of__isnull=True).exclude(restricted_q())
    if locale is EVERY_LANGUAGE:
        return pages
    if locale is None:
        locale = Locale.get_active()
    if isinstance(locale, int):
        return pages.filter(locale_id=locale)
    return pages.filter(locale=locale)
