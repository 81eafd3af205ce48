"""Finding the page an address leads to in two queries.

Wagtail looks up the site, then the home page in the visitor's language, then
its specific version, then walks the tree one level at a time (a child lookup,
then the specific page), and the view restrictions of the page and of each
ancestor cost two queries more. Here:

- the site of a host, and where each language's home page sits in the tree,
  are remembered per process for one content version of the page cache (a
  site saved or a page published, moved or deleted starts a new one);
- the home page, its ancestors and the pages along the address come in one
  query by URL path, each marked if it is an alias or has a view restriction;
- the page found is then loaded in its specific form, knowing its ancestors
  (for breadcrumbs) and whether any of them restricts viewing.

The walk is kept wherever a page on the way would answer the rest of the
address itself (a routable page's sub-route, or a custom route), and anything
remembered that no longer matches the database sends the request Wagtail's
way, so every address leads where it did.
"""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from core.content_version import per_version


def lineage_paths(path, steplen=Page.steplen):
    """The tree paths of a page and of each of its ancestors, root first."""
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


@per_version
def _site_rows(hostname, port):
    """The site answering for a host and port, with its root page, as raw rows."""
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    return _row(site), _row(site.root_page)


def _row(instance):
    fields = [field.attname for field in instance._meta.concrete_fields]
    return type(instance), fields, [getattr(instance, name) for name in fields]


def _from_row(row):
    model, fields, values = row
    # A fresh instance per request: pages and sites carry per-request caches.
    return model.from_db("default", fields, values)


def find_site(request):
    """Site._find_for_request, without a query once the process knows the host."""
    rows = _site_rows(split_domain_port(request._get_raw_host())[0], request.get_port())
    if rows is None:
        return None
    site = _from_row(rows[0])
    site.root_page = _from_row(rows[1])
    return site


def _home_place(site, locale):
    """(pk, path, url_path) of the page `site.root_page.localized` gives in `locale`."""
    root = site.root_page
    if root.locale_id == locale.pk:
        return root.pk, root.path, root.url_path
    return _translated_home_place(root.translation_key, locale.pk)


@per_version
def _translated_home_place(translation_key, locale_pk):
    home = Page.objects.filter(translation_key=translation_key, locale_id=locale_pk, live=True).first()
    if home is None:
        return None
    return home.pk, home.path, home.url_path


def route_for_request(request, path):
    """Page.route_for_request, in two queries (see the module's docstring)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            site = Site.find_for_request(request)
            request._wagtail_route_for_request = _route(request, site, path) if site else None
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


def _route(request, site, path):
    components = [component for component in path.split("/") if component]
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        locale = None
    place = _home_place(site, locale) if locale is not None else None
    if place is None:
        # No live home page in this language: Wagtail serves the root page's tree.
        return site.root_page.localized.specific.route(request, components)
    pk, home_path, url_path = place
    rows = chain_rows(home_path, url_path, components)
    home = next((row for row in rows if row.path == home_path), None)
    # What the process remembers must still hold; if not, Wagtail decides.
    if home is None or home.pk != pk or home.url_path != url_path or not (home.live or pk == site.root_page_id):
        return site.root_page.localized.specific.route(request, components)
    if not components:
        page = load_specific(home)
        _note_lineage(page, rows)
        return page.route(request, components)
    if getattr(home.specific_class, "routes_by_url_path", False):
        return route_below(home, request, components, rows)
    return home.specific.route(request, components)


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


def install():
    Site._find_for_request = staticmethod(find_site)
    Page.route_for_request = staticmethod(route_for_request)
