"""Subscriptions to the e-mail alerts, and the items already announced."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.languages import language_choices


def new_key():
    return secrets.token_urlsafe(24)


class Subscription(models.Model):
    """One address following some kinds of content in one language.

    `key` is a random secret that the confirmation and unsubscribe links carry
    (signed); it never leaves the database otherwise.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")

    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    kinds = models.JSONField(_("kinds of content"), default=list)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["email", "language"], name="alerts_one_subscription_per_language")
        ]

    def __str__(self):
        return f"{self.email} ({self.language})"

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED


class AlertedItem(models.Model):
    """A page that a digest run has dealt with: it is never announced again.

    One row per page (each language's page is its own item). The row is written in
    the same transaction as the digests that announce it, so either both are
    committed or neither; a second run at the same moment fails on the unique page
    and writes nothing.
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16)
    alerted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("announced item")
        verbose_name_plural = _("announced items")

    def __str__(self):
        return f"{self.kind}: {self.page_id}"
