"""Open Badges 3.0: achievements (badge classes) as translatable pages, issuers, awards.

An achievement is a page under the "Badges" catalogue of each language, so it is
written, reviewed and translated like any other content. Its alignments are the
competence links every page type shares (competences.fields), kept to
default-language items and shown in the page's language.

An award is a signed OpenBadgeCredential (VC-JWT, badges/credentials.py). The
credential is made once and never edited; revocation sets the award's bit in its
issuer's status list (`StatusEntry`), which outlives the award record so that an
erased award stays revoked.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from caching.content_version import depends_on
from competences.fields import CompetencesMixin
from core.languages import language_choices
from core.pages import BasePage
from core.visibility import visible


class AchievementType(models.TextChoices):
    """The Open Badges 3.0 AchievementType vocabulary (the values that fit this site)."""

    BADGE = "Badge", _("Badge")
    COMPETENCY = "Competency", _("Competency")
    COURSE = "Course", _("Course")
    ASSESSMENT = "Assessment", _("Assessment")
    ACHIEVEMENT = "Achievement", _("Achievement")
    AWARD = "Award", _("Award")
    CERTIFICATE = "Certificate", _("Certificate")
    LEARNING_PROGRAM = "LearningProgram", _("Learning programme")
    FIELDWORK = "Fieldwork", _("Fieldwork")


class BadgesIndexPage(RoutablePageMixin, BasePage):
    """The badge catalogue of one language, filterable by framework and competence;
    `verify/` checks a credential for anyone."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["badges.AchievementPage"]
    max_count_per_parent = 1
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("badge catalogue")

    def achievements(self):
        return visible(AchievementPage.objects.child_of(self), self.locale)

    @path("")
    def index_route(self, request):
        from .catalogue import catalogue_context

        return self.render(request, context_overrides=catalogue_context(self, request))

    @path("verify/", name="verify")
    def verify_route(self, request):
        from .verify_views import verify_page

        return verify_page(self, request)

    @path("claim/<str:token>/", name="claim")
    def claim_route(self, request, token):
        from .claim_views import claim_page

        return claim_page(self, request, token)

    @path("claim/<str:token>/<str:kind>/", name="claim_download")
    def claim_download_route(self, request, token, kind):
        from .claim_views import claim_download

        return claim_download(self, request, token, kind)

    @path("awards/<uuid:public_id>/", name="award")
    def award_route(self, request, public_id):
        from .claim_views import public_award_page

        return public_award_page(self, request, public_id)


class AchievementPage(CompetencesMixin, BasePage):
    """One badge class: what it recognises, how it is earned, who issues it."""

    select_related_on_serve = ("partner", "image")

    summary = models.TextField(_("description"), help_text=_("What the badge recognises, in a few sentences."))
    criteria = models.TextField(_("criteria"), help_text=_("How the badge is earned: what the earner shows, and how."))
    achievement_type = models.CharField(
        _("achievement type"), max_length=40, choices=AchievementType.choices, default=AchievementType.BADGE
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("badge image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(_("image text alternative"), max_length=255, blank=True)
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("issuing partner"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    evidence_expected = models.TextField(
        _("evidence expected"), blank=True, help_text=_("What an assessor records when awarding the badge.")
    )
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Written for the demo or for illustration: not a real badge.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("criteria"),
        FieldPanel("evidence_expected"),
        FieldRowPanel([FieldPanel("achievement_type"), FieldPanel("partner"), FieldPanel("is_example")]),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        *CompetencesMixin.competence_panels,
    ]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.SearchField("criteria")]
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + CompetencesMixin.competence_fields
        + [
            TranslatableField("summary"),
            TranslatableField("criteria"),
            TranslatableField("evidence_expected"),
            SynchronizedField("achievement_type", overridable=False),
            SynchronizedField("image"),
            TranslatableField("image_alt"),
            TranslatableField("partner"),
            SynchronizedField("is_example", overridable=False),
        ]
    )

    parent_page_types = ["badges.BadgesIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")

    def get_context(self, request, *args, **kwargs):
        from .credentials import alignment_rows

        context = super().get_context(request, *args, **kwargs)
        context["alignments"] = alignment_rows(self)
        depends_on(f"badges-examples:{self.translation_key}")
        context["example_awards"] = list(
            Award.objects.filter(achievement__translation_key=self.translation_key, is_example=True)
            .exclude(baked_png="")
            .select_related("status")
            .order_by("pk")
        )
        if context["example_awards"]:
            context["verify_url"] = self.get_parent().url + "verify/"
        return context


class IssuerProfile(models.Model):
    """A partner that issues badges. Its signing keys live in files (badges/keys.py), never here."""

    partner_key = models.UUIDField(_("partner"), unique=True, help_text=_("The partner's translation key."))
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("badge issuer")
        verbose_name_plural = _("badge issuers")

    def __str__(self):
        return self.name


class StatusEntry(models.Model):
    """One position in an issuer's Bitstring Status List; set when the credential is revoked.

    Kept when the award it belongs to is erased, so the credential stays revoked."""

    issuer = models.ForeignKey(IssuerProfile, on_delete=models.PROTECT, related_name="status_entries")
    index = models.PositiveIntegerField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    # The id of the credential it belongs to, kept after an erasure so that the
    # OB 2.0 hosted assertion of a revoked credential still answers "revoked".
    credential_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "index"], name="badges_status_index_per_issuer")]

    def __str__(self):
        return f"{self.issuer} #{self.index}"

    def page_cache_tags(self):
        return [f"badges-status:{self.issuer_id}"]


def new_salt():
    return secrets.token_hex(16)


class Award(models.Model):
    """A badge awarded to one person: the signed credential and what it was awarded for."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    achievement = models.ForeignKey(
        AchievementPage, verbose_name=_("badge"), on_delete=models.PROTECT, related_name="awards"
    )
    issuer = models.ForeignKey(IssuerProfile, on_delete=models.PROTECT, related_name="awards", editable=False)
    recipient_name = models.CharField(_("recipient's name"), max_length=200, help_text=_("As the recipient gives it."))
    recipient_email = models.EmailField(_("recipient's e-mail"))
    salt = models.CharField(max_length=64, default=new_salt, editable=False)
    evidence_narrative = models.TextField(_("evidence"), help_text=_("What the recipient showed, and how it was seen."))
    evidence_links = models.TextField(
        _("evidence links"),
        blank=True,
        help_text=_("Addresses of the event attended, the course followed or a saved assessment; one per line."),
    )
    valid_from = models.DateTimeField(_("valid from"), default=timezone.now, editable=False)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    status = models.OneToOneField(StatusEntry, on_delete=models.PROTECT, related_name="award", editable=False)
    credential = models.TextField(_("credential (VC-JWT)"), editable=False)
    baked_png = models.FileField(upload_to="badges/baked/", blank=True, editable=False)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revocation_reason = models.TextField(_("reason for revoking"), blank=True, editable=False)
    is_example = models.BooleanField(default=False, editable=False)
    language = models.CharField(
        _("recipient's language"),
        max_length=10,
        choices=language_choices,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mail and of the claim page."),
    )
    is_public = models.BooleanField(
        _("public page"), default=False, help_text=_("Only the recipient turns it on, from their claim page.")
    )
    claimed_at = models.DateTimeField(_("first opened by the recipient"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-created_at"]
        permissions = [("revoke_award", _("Can revoke an award"))]

    def __str__(self):
        return f"{self.achievement.title} – {self.recipient_name}"

    @property
    def is_revoked(self):
        return self.status.revoked_at is not None

    def page_cache_tags(self):
        """The award's public page, and the badge page that links the baked images of example awards."""
        return [f"badges-award:{self.public_id}", f"badges-examples:{self.achievement.translation_key}"]


class AssessorGroup(models.Model):
    """The "Assessors" group of one issuer: its members award badges in that partner's name only."""

    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="badge_assessors")
    issuer = models.OneToOneField(IssuerProfile, on_delete=models.CASCADE, related_name="assessors")

    def __str__(self):
        return self.group.name
