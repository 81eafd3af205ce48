"""Finding the page an address leads to below a language's home page, in one query.

Wagtail walks the tree one level at a time (a child lookup, then the specific
page), and the view restrictions of the page and of each ancestor cost two
queries more. `HomePage.route` calls `route_below` instead: the home page, its
ancestors and the pages along the address come in one query by URL path, each
marked if it has a view restriction; the page found is then loaded in its
specific form, knowing its ancestors (for breadcrumbs) and whether any of them
restricts viewing.

The walk is kept wherever a page on the way would answer the rest of the
address itself (a routable page's sub-route, or a custom route), so every
address leads where Wagtail would lead it. Nothing of Wagtail's is replaced:
this is the home page's own `route`, a documented extension point.
"""

from django.db.models import Exists, OuterRef, Q
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction


def lineage_paths(path, steplen=Page.steplen):
    """The tree paths of a page and of each of its ancestors, root first."""
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def chain_rows(home_path, home_url_path, components):
    """The home page, its ancestors and the pages along the address below it, in one
    query, each with `restricted`: whether a view restriction is set on it."""
    url_paths = [home_url_path + "/".join(components[:n]) + "/" for n in range(1, len(components) + 1)]
    along = Q(url_path__in=url_paths, path__startswith=home_path)
    return list(
        Page.objects.filter(Q(path__in=lineage_paths(home_path)) | along)
        .annotate(restricted=Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk"))))
        .order_by("path")
    )


def route_below(home, request, components, rows=None):
    """Where `components` lead below `home` (HomePage.route).

    `rows` are chain_rows() when the caller has them already.
    """
    if rows is None:
        rows = chain_rows(home.path, home.url_path, components)
    depth_of = {home.url_path + "/".join(components[:n]) + "/": n for n in range(1, len(components) + 1)}
    chain = {depth_of[row.url_path]: row for row in rows if row.url_path in depth_of and row.path > home.path}
    found = 0
    while found + 1 in chain:
        found += 1
    if not found or not all(_walks_through(chain[n], components[n:]) for n in range(1, found)):
        return Page.route(home, request, components)
    page = load_specific(chain[found])
    page._cached_parent_obj = chain.get(found - 1, home)
    _note_lineage(page, rows)
    return page.route(request, components[found:])


def load_specific(row):
    """`row.specific`, with the objects its model names in `select_related_on_serve`
    (a poster, a project…: what every view of the page shows) in the same query."""
    model = row.specific_class
    related = getattr(model, "select_related_on_serve", ())
    if model is None or isinstance(row, model) or not related:
        return row.specific
    page = model._default_manager.select_related(*related).get(pk=row.pk)
    for name, value in row.__dict__.items():  # what .specific keeps (annotations…)
        page.__dict__.setdefault(name, value)
    return page


def _note_lineage(page, rows):
    """Keep on `page` its ancestors and whether it or any of them is private, when
    `rows` hold them all (see ancestors() and core.pages.BasePage)."""
    by_path = {row.path: row for row in rows}
    lineage = [by_path.get(path) for path in lineage_paths(page.path)]
    if any(row is None or not hasattr(row, "restricted") for row in lineage):
        return
    page._route_ancestors = lineage[:-1]
    page._lineage_private = any(row.alias_of_id is not None or row.restricted for row in lineage)


def ancestors(page):
    """The page's ancestors below the tree's root, without a query when routing found them."""
    known = getattr(page, "_route_ancestors", None)
    if known is not None:
        return [ancestor for ancestor in known if ancestor.depth > 1]
    return list(page.get_ancestors()[1:])


def _walks_through(page, remaining):
    """Whether Wagtail's walk would go on to a child of `page` for the `remaining` components."""
    model = page.specific_class
    if model is None:
        return False
    if issubclass(model, RoutablePageMixin):
        if model.route is not RoutablePageMixin.route:
            return False
        if page.live:
            try:
                model.get_resolver().resolve("/" + "/".join(remaining) + "/")
                return False
            except Resolver404:
                pass
        return True
    return model.route is Page.route
