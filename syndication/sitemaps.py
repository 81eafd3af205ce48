"""One sitemap for every language, each page listing its live translations as
hreflang alternates (and English as x-default), as search engines expect."""

from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.visibility import EVERY_LANGUAGE, visible


class MultilingualSitemap(Sitemap):
    # Wagtail's own sitemap covers the default site root and its descendants: the
    # French and Dutch trees are siblings of the English one, so list every tree.
    limit = 5000

    def items(self):
        return (
            visible(Page.objects.filter(depth__gt=1), EVERY_LANGUAGE)
            .select_related("locale")
            .order_by("path")
            .only(
                "id",
                "path",
                "depth",
                "url_path",
                "translation_key",
                "locale",
                "last_published_at",
                "latest_revision_created_at",
                "content_type",
            )
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        siblings = defaultdict(dict)
        for translation in (
            visible(Page.objects.filter(translation_key__in={p.translation_key for p in pages}), EVERY_LANGUAGE)
            .select_related("locale")
            .only("id", "url_path", "translation_key", "locale", "path", "depth")
        ):
            siblings[translation.translation_key][translation.locale.language_code] = self._absolute(translation)

        urls = []
        for item in pages:
            alternates = siblings[item.translation_key]
            info = {"item": item, "location": self._absolute(item), "lastmod": self.lastmod(item)}
            if len(alternates) > 1:
                info["alternates"] = [
                    {"lang_code": code, "location": alternates[code]}
                    for code, _name in settings.LANGUAGES
                    if code in alternates
                ]
                if settings.LANGUAGE_CODE in alternates:
                    info["alternates"].append(
                        {"lang_code": "x-default", "location": alternates[settings.LANGUAGE_CODE]}
                    )
            urls.append(info)
        self.latest_lastmod = max((url["lastmod"] for url in urls if url["lastmod"]), default=None)
        return urls

    def _absolute(self, page):
        return self.request.build_absolute_uri(page.get_url(self.request))
