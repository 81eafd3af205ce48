from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import Http404
from django.urls import include, path, re_path
from django.views.defaults import page_not_found
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap as sitemap_view
from wagtail.documents import urls as wagtaildocs_urls

from search import suggest as search_suggest
from search import views as search_views
from syndication import opendata, robots
from syndication.api import api_router
from syndication.feeds import LatestPagesAtomFeed, LatestPagesFeed
from syndication.sitemaps import FrameworkSitemap, MultilingualSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail matches a document's id with \d+ and converts it in the query, where an
    # id of thousands of digits raises: one longer than any database key is not found.
    re_path(r"^documents/\d{20,}/", page_not_found, {"exception": Http404()}),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path(
        "sitemap.xml",
        sitemap_view,
        {"sitemaps": {"pages": MultilingualSitemap, "framework": FrameworkSitemap}},
        name="sitemap",
    ),
    path("robots.txt", robots.robots_txt, name="robots_txt"),
    path("badges/", include("badges.urls")),
    # Attendance evidence, to those allowed only (reporting/views.py).
    path("private/evidence/", include("reporting.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page carries its language prefix (/en/, /fr/, /nl/); "/" redirects
# by the browser's language (LocaleMiddleware).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_suggest.suggest, name="search_suggest"),
    path("open-data/<slug:slug>.csv", opendata.download_csv, name="opendata_csv"),
    path("open-data/<slug:slug>.json", opendata.download_json, name="opendata_json"),
    path("feeds/<slug:kind>/rss.xml", LatestPagesFeed(), name="feed_rss"),
    path("feeds/<slug:kind>/atom.xml", LatestPagesAtomFeed(), name="feed_atom"),
    path("framework/", include("competences.urls")),
    path("alerts/", include("alerts.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
