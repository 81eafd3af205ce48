"""Admin: the print requests, with their status, filters and CSV export.

The printed stock is edited on the publication page (\"copies printed\")."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from privacy.personal_data_admin import PersonalDataViewSetMixin

from .admin_forms import PrintRequestAdminForm
from .models import PrintRequest


class PrintRequestViewSet(PersonalDataViewSetMixin, ModelViewSet):
    model = PrintRequest
    icon = "mail"
    menu_label = _("Print requests")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "organisation", "country", "copies", "status", "language", "created_at"]
    list_filter = ["status", "stock", "sector", "language", "country", "is_example"]
    list_export = [
        "created_at",
        "status",
        "copies",
        "name",
        "email",
        "organisation",
        "sector",
        "address",
        "country",
        "language",
        "stock",
    ]
    export_headings = {"stock": _("Publication")}
    export_filename = "print-requests"
    search_fields = ["name", "email", "organisation"]
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("status"), FieldPanel("copies")]),
            FieldPanel("stock"),
            MultiFieldPanel(
                [
                    FieldPanel("name"),
                    FieldPanel("email"),
                    FieldPanel("organisation"),
                    FieldPanel("sector"),
                    FieldPanel("address"),
                    FieldPanel("country"),
                    FieldPanel("language"),
                ],
                heading=_("Requester"),
            ),
            FieldPanel("consent_at", read_only=True),
            FieldPanel("consent_version", read_only=True),
            FieldPanel("is_example"),
        ],
        base_form_class=PrintRequestAdminForm,
    )


@hooks.register("register_admin_viewset")
def register_print_requests():
    return PrintRequestViewSet("print_requests")
