from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from django.db.models.signals import pre_delete

        from privacy import personal_data

        from .models import PrintRequest
        from .personal_data import SOURCE

        personal_data.register(SOURCE)
        pre_delete.connect(_release_copies, sender=PrintRequest, dispatch_uid="publications.release_copies")


def _release_copies(sender, instance, **kwargs):
    from .printing import release_on_delete

    release_on_delete(instance)
