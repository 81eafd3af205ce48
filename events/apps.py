from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core import attendance
        from privacy import personal_data

        from .attendance import PROVIDER
        from .personal_data import SOURCE

        personal_data.register(SOURCE)
        attendance.register(PROVIDER)
