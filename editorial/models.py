"""Who reviewed a translation, and when: shown to readers as the page's provenance."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationReview(models.Model):
    """A coordinator's review of a translated page: recorded when they approve it
    in the review workflow or publish it themselves."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="translation_reviews"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("revision"), null=True, blank=True, on_delete=models.SET_NULL
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("translation review")
        verbose_name_plural = _("translation reviews")
        ordering = ["-reviewed_at"]
        get_latest_by = "reviewed_at"

    def __str__(self):
        return f"{self.page} ({self.reviewed_at:%Y-%m-%d})"

    @property
    def reviewer_name(self):
        """The reviewer's full name for readers, or "" when they have none: a username
        is an account's login name, never shown in public."""
        user = self.reviewed_by
        if user is None:
            return ""
        return user.get_full_name().strip()
