"""The results page: the cluster's planned outputs beside what the site's data shows today."""

from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from core.pages import BasePage

FIGURES_FRESH_SECONDS = 60


class ResultsPage(BasePage):
    """One per language, under the home page. It has no fields of its own: every
    figure is computed from the site's data, and the page is kept a minute at most."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("results page")

    def get_context(self, request, *args, **kwargs):
        from .figures import results

        context = super().get_context(request, *args, **kwargs)
        context["results"] = results(self.locale.language_code)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Downloads are counted without touching the page cache (bumping it on every
        # download would empty the cache of the whole site), so this page is kept
        # for a minute at most: its download figures are never older than that.
        patch_cache_control(response, s_maxage=FIGURES_FRESH_SECONDS)
        return response
