from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow and translation")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401 - connects the review recorders
        from .languages import after_migrate

        post_migrate.connect(after_migrate, dispatch_uid="editorial.setup_languages")
