from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = _("Page cache")

    def ready(self):
        from . import cache_invalidation, checks, locale_cache  # noqa: F401 - checks registers itself

        cache_invalidation.connect()
        locale_cache.install()
