from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from editorial.wagtail_hooks import CoordinatorMenuItem

from . import views


@hooks.register("register_admin_urls")
def register_deposits_urls():
    return [
        path("reports/deposits/", views.IndexView.as_view(), name="deposits_index"),
        path("reports/deposits/export/<slug:platform>.csv", views.export, name="deposits_export"),
        path("reports/deposits/<slug:key>/datacite.json", views.metadata, name="deposits_metadata"),
        path("reports/deposits/<slug:key>/package.zip", views.package, name="deposits_package"),
        path("reports/deposits/<slug:key>/doi/", views.RecordView.as_view(), name="deposits_record"),
    ]


@hooks.register("register_reports_menu_item")
def register_deposits_menu_item():
    return CoordinatorMenuItem(_("Deposits"), reverse("deposits_index"), icon_name="download", order=720)
