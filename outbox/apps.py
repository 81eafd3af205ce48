from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = _("Outbox")

    def ready(self):
        from privacy import personal_data

        from . import retries
        from .personal_data import SOURCE

        retries.connect()
        personal_data.register(SOURCE)
