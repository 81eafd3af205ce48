"""The competence framework: the taxonomy every tool, case study, film and event links to.

Frameworks and their items are translatable snippets: names and descriptions are
translated, codes, levels and URIs are the same in every language. Alignments
(the crosswalk between frameworks) link default-language items only and are shown
in each language by matching translation keys.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.examples import ExampleMixin

# Codes appear in addresses (/en/framework/LifeComp/S3/): no slashes or spaces.
code_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$", _("Use letters, digits, dots, hyphens and underscores only.")
)


def default_locale_items():
    """Alignments and page links are made between default-language items only."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class Framework(TranslatableMixin, index.Indexed, models.Model):
    code = models.CharField(
        _("code"),
        max_length=20,
        validators=[code_validator],
        help_text=_("Short, stable identifier used in addresses, e.g. SPOCC or LifeComp."),
    )
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    licence = models.CharField(_("licence"), max_length=100, blank=True, help_text=_("For example: CC BY 4.0."))
    website = models.URLField(_("website"), blank=True)
    uri_base = models.URLField(
        _("URI base"), blank=True, help_text=_("Namespace of the framework's own identifiers, when it publishes them.")
    )
    is_unverified = models.BooleanField(
        _("unverified"),
        default=False,
        help_text=_("The codes or names come from secondary sources and still need checking against the original."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("sort_order")]),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("licence"), FieldPanel("website")]),
        FieldRowPanel([FieldPanel("uri_base"), FieldPanel("is_unverified")]),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("code"), index.FilterField("locale_id")]
    override_translatable_fields = [
        SynchronizedField("code", overridable=False),
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("licence", overridable=False),
        SynchronizedField("website"),
        SynchronizedField("uri_base", overridable=False),
        SynchronizedField("is_unverified", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")
        ordering = ["sort_order", "code"]
        constraints = [models.UniqueConstraint(fields=["code", "locale"], name="competences_framework_code_locale")]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("competences:framework", args=[self.code])


class FrameworkItem(TranslatableMixin, index.Indexed, models.Model):
    class Level(models.TextChoices):
        AREA = "area", _("Area or category")
        COMPETENCE = "competence", _("Competence")
        OUTCOME = "outcome", _("Learning outcome or descriptor")

    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="items"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        help_text=_("Empty for the framework's top level."),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.COMPETENCE)
    code = models.CharField(
        _("code"),
        max_length=20,
        validators=[code_validator],
        help_text=_("The framework's own code, e.g. S3, 3.4 or CT."),
    )
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    uri = models.URLField(_("external URI"), blank=True, help_text=_("The item's identifier in its framework, if any."))
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Written for the demo or for illustration, not part of the framework.")
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("framework"), FieldPanel("parent")]),
        FieldRowPanel([FieldPanel("code"), FieldPanel("level"), FieldPanel("sort_order")]),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("uri"), FieldPanel("is_example")]),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.SearchField("code"),
        index.FilterField("locale_id"),
    ]
    # Foreign keys to translatable models are TranslatableFields in wagtail-localize:
    # they are not text to translate but are re-pointed at the target language's
    # framework and parent, so a French item never hangs under an English parent.
    override_translatable_fields = [
        TranslatableField("framework"),
        TranslatableField("parent"),
        SynchronizedField("level", overridable=False),
        SynchronizedField("code", overridable=False),
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("uri", overridable=False),
        SynchronizedField("is_example", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("framework item")
        verbose_name_plural = _("framework items")
        ordering = ["framework__sort_order", "sort_order", "code"]
        # The framework is per language, so this is "unique code within a framework, per language".
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="competences_item_code_framework")]

    def __str__(self):
        return f"{self.framework.code} {self.code} {self.name}"

    def get_absolute_url(self):
        return reverse("competences:item", args=[self.framework.code, self.code])

    def clean(self):
        super().clean()
        if self.parent_id is not None:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": _("An item cannot be its own parent.")})
            if self.parent.framework_id != self.framework_id:
                raise ValidationError({"parent": _("The parent must belong to the same framework.")})


class Alignment(ExampleMixin, models.Model):
    """A crosswalk link between two items of different frameworks.

    A link is proposed until a coordinator confirms it (`approved`): readers see
    proposed links marked as such, and only confirmed links are published as
    SKOS mappings of the framework.
    """

    class Relation(models.TextChoices):
        # Symmetric relations only, so both sides read the same; named after SKOS mapping properties.
        EXACT = "exact", _("Exact match")
        CLOSE = "close", _("Close match")
        RELATED = "related", _("Related")

    SKOS_PROPERTIES = {"exact": "skos:exactMatch", "close": "skos:closeMatch", "related": "skos:relatedMatch"}

    source = models.ForeignKey(
        FrameworkItem,
        verbose_name=_("source"),
        on_delete=models.CASCADE,
        related_name="alignments_from",
        limit_choices_to=default_locale_items,
    )
    target = models.ForeignKey(
        FrameworkItem,
        verbose_name=_("target"),
        on_delete=models.CASCADE,
        related_name="alignments_to",
        limit_choices_to=default_locale_items,
    )
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices, default=Relation.CLOSE)
    note = models.TextField(_("note"), blank=True, help_text=_("For editors: why these items align. Not published."))
    approved = models.BooleanField(
        _("confirmed by a coordinator"),
        default=False,
        help_text=_("Until a coordinator confirms it, readers see the link as proposed."),
    )

    panels = [
        FieldRowPanel([FieldPanel("source"), FieldPanel("relation"), FieldPanel("target")]),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("approved"), *ExampleMixin.example_panels]),
    ]

    class Meta:
        verbose_name = _("alignment")
        verbose_name_plural = _("alignments")
        ordering = ["source__framework__sort_order", "source__sort_order", "target__sort_order"]
        constraints = [models.UniqueConstraint(fields=["source", "target"], name="competences_alignment_unique")]

    def __str__(self):
        return f"{self.source.framework.code} {self.source.code} ↔ {self.target.framework.code} {self.target.code}"

    def clean(self):
        super().clean()
        if self.source_id and self.target_id:
            if self.source_id == self.target_id:
                raise ValidationError(_("An item cannot be aligned with itself."))
            if self.source.framework.translation_key == self.target.framework.translation_key:
                raise ValidationError(_("Alignments link items of two different frameworks."))

    @property
    def skos_property(self):
        return self.SKOS_PROPERTIES[self.relation]
