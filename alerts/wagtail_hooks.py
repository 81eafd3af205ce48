"""Coordinators see the alert subscriptions (read-only, apart from erasing) and answer people's data requests."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from privacy.personal_data_admin import PersonalDataViewSetMixin

from .models import Subscription


class SubscriptionViewSet(PersonalDataViewSetMixin, ModelViewSet):
    model = Subscription
    icon = "mail"
    menu_label = _("Alert subscriptions")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["email", "language", "status", "created_at", "confirmed_at", "last_digest_at"]
    list_filter = ["status", "language"]
    list_export = ["email", "language", "kinds", "status", "created_at", "confirmed_at", "consent_version"]
    export_filename = "alert-subscriptions"
    search_fields = ["email"]
    ordering = ["-created_at"]
    # Nobody adds subscriptions here (coordinators lack the permission), and only the person
    # changes what they receive (by confirming a link): the admin shows it.
    edit_handler = ObjectList(
        [
            FieldPanel("email", read_only=True),
            FieldPanel("language", read_only=True),
            FieldPanel("kinds", read_only=True),
            FieldPanel("status", read_only=True),
        ]
    )


@hooks.register("register_admin_viewset")
def register_subscription_viewset():
    return SubscriptionViewSet("alert_subscriptions")
