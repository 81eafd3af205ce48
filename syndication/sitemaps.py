"""One sitemap for every language, each page listing its live translations as
hreflang alternates (and the source language as x-default), as search engines expect;
the competence framework's pages (views, not Wagtail pages) likewise."""

from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override as language_override
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
            urls.extend(self._route_urls(item, info))
        self.latest_lastmod = max((url["lastmod"] for url in urls if url["lastmod"]), default=None)
        return urls

    def _route_urls(self, item, info):
        """Entries for the sub-routes a page opens to search engines (`sitemap_routes()` on its
        model: a project's or partner's page under the case studies…), each with the same
        sub-route of the page's translations that have it as alternates."""
        model = item.specific_class
        if model is None or not hasattr(model, "sitemap_routes"):
            return []
        translations = {
            page.locale.language_code: page.specific
            for page in visible(
                Page.objects.filter(translation_key=item.translation_key), EVERY_LANGUAGE
            ).select_related("locale")
        }
        routes = {code: set(page.sitemap_routes()) for code, page in translations.items()}
        own = item.locale.language_code
        urls = []
        for route in sorted(routes.get(own, ())):
            having = [code for code, _name in settings.LANGUAGES if route in routes.get(code, ())]
            entry = {"item": item, "location": info["location"] + route, "lastmod": info["lastmod"]}
            if len(having) > 1:
                entry["alternates"] = [
                    {"lang_code": code, "location": self._absolute(translations[code]) + route} for code in having
                ]
                if settings.LANGUAGE_CODE in having:
                    default = self._absolute(translations[settings.LANGUAGE_CODE]) + route
                    entry["alternates"].append({"lang_code": "x-default", "location": default})
            urls.append(entry)
        return urls

    def _absolute(self, page):
        return self.request.build_absolute_uri(page.get_url(self.request))


class FrameworkSitemap(Sitemap):
    """The competence framework's pages (views, not Wagtail pages): the index, each framework
    and each item, in every language it exists in, each with its alternates as pages list
    theirs (the source language as x-default)."""

    limit = 5000

    def items(self):
        from competences.models import Framework, FrameworkItem

        configured = [code for code, _name in settings.LANGUAGES]
        groups = defaultdict(set)  # (url name, args) -> languages
        for code in Framework.objects.values_list("locale__language_code", flat=True).distinct():
            groups[("competences:index", ())].add(code)
        for framework, code in Framework.objects.values_list("code", "locale__language_code"):
            groups[("competences:framework", (framework,))].add(code)
        for framework, item, code in FrameworkItem.objects.values_list(
            "framework__code", "code", "locale__language_code"
        ):
            groups[("competences:item", (framework, item))].add(code)
        entries = []
        for (name, args), codes in sorted(groups.items()):
            languages = [code for code in configured if code in codes]
            entries.extend((name, args, code, languages) for code in languages)
        return entries

    def location(self, item):
        name, args, code, _languages = item
        with language_override(code):
            return self.request.build_absolute_uri(reverse(name, args=args))

    def lastmod(self, item):
        return None

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            name, args, _code, languages = item
            info = {"item": item, "location": self.location(item), "lastmod": None}
            if len(languages) > 1:
                info["alternates"] = [
                    {"lang_code": code, "location": self.location((name, args, code, languages))} for code in languages
                ]
                if settings.LANGUAGE_CODE in languages:
                    info["alternates"].append(
                        {
                            "lang_code": "x-default",
                            "location": self.location((name, args, settings.LANGUAGE_CODE, languages)),
                        }
                    )
            urls.append(info)
        return urls
