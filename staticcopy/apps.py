from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaticCopyConfig(AppConfig):
    name = "staticcopy"
    verbose_name = _("Static copy")
