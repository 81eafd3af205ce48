"""Who works for which partner, and the evidence of attendance kept for each event.

A partner's people are the members of its team group ("Partner team: <name>",
which `manage.py setup_roles` creates; coordinators add people to it in
Settings → Groups). The members of a partner's badge assessor group are its people
too: they award in the partner's name (badges/roles.py).

Evidence (sign-in sheets, photos) is personal data about the people present. It is
stored apart from the public media, in the "private" storage (PRIVATE_MEDIA_ROOT),
and only ever served through a view that checks who asks (reporting/views.py).
It belongs to the event as a whole, through the event's translation key, like its
registrations: every language's page shares it.
"""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

EVIDENCE_EXTENSIONS = ["pdf", "jpg", "jpeg", "png", "webp", "heic", "tif", "tiff"]


def private_storage():
    """The storage kept out of public reach (settings.STORAGES["private"])."""
    return storages["private"]


def evidence_path(instance, filename):
    # A random name: the event and the people on a sheet are not guessable from the path.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"attendance-evidence/{instance.event_key}/{uuid.uuid4().hex}.{extension}"


class PartnerTeam(models.Model):
    """The group whose members are one partner's people."""

    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="partner_team")
    partner_key = models.UUIDField(_("partner"), unique=True, help_text=_("The partner's translation key."))

    class Meta:
        verbose_name = _("partner team")
        verbose_name_plural = _("partner teams")

    def __str__(self):
        return self.group.name


class AttendanceEvidence(models.Model):
    class Kind(models.TextChoices):
        SIGN_IN_SHEET = "sign-in-sheet", _("Sign-in sheet")
        PHOTO = "photo", _("Photo")
        OTHER = "other", _("Other evidence")

    event_key = models.UUIDField(_("event"), db_index=True, help_text=_("The event's translation key."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SIGN_IN_SHEET)
    title = models.CharField(_("description"), max_length=200, blank=True)
    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to=evidence_path,
        max_length=255,
        validators=[FileExtensionValidator(EVIDENCE_EXTENSIONS)],
    )
    original_name = models.CharField(max_length=255, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attendance evidence")
        verbose_name_plural = _("attendance evidence")
        ordering = ["event_key", "uploaded_at", "pk"]

    def __str__(self):
        return self.title or self.original_name or self.get_kind_display()
