"""Site-wide content that editors maintain per language."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class SiteFooter(TranslatableMixin, models.Model):
    """The footer's funding acknowledgement and disclaimer, one per language.

    Programme rules ask a funded project's website to acknowledge the EU, the
    fund and the programme, and to disclaim the authorities' liability; the
    wording is the partners' to edit in each language.
    """

    acknowledgement = models.TextField(
        _("funding acknowledgement"),
        help_text=_("Names the European Union, the fund and the programme that funded the cluster."),
    )
    slogan = models.CharField(_("programme slogan"), max_length=120, blank=True)
    programme_name = models.CharField(_("programme name"), max_length=120)
    programme_url = models.URLField(_("programme website"), blank=True)
    eu_url = models.URLField(_("European Union website"), default="https://european-union.europa.eu/")
    disclaimer = models.TextField(_("disclaimer"))
    contact_email = models.EmailField(_("contact email"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("acknowledgement"), FieldPanel("slogan"), FieldPanel("programme_name")],
            heading=_("Funding"),
        ),
        MultiFieldPanel([FieldPanel("programme_url"), FieldPanel("eu_url")], heading=_("Links")),
        FieldPanel("disclaimer"),
        FieldPanel("contact_email"),
    ]
    override_translatable_fields = [
        TranslatableField("acknowledgement"),
        TranslatableField("slogan"),
        TranslatableField("programme_name"),
        SynchronizedField("programme_url"),
        SynchronizedField("eu_url"),
        TranslatableField("disclaimer"),
        SynchronizedField("contact_email"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site footer")
        verbose_name_plural = _("site footers")
        constraints = [models.UniqueConstraint(fields=["locale"], name="one_footer_per_language")]

    def __str__(self):
        return str(_("Footer ({language})")).format(language=self.locale.get_display_name())

    @classmethod
    def for_active_locale(cls):
        """The footer in the visitor's language, else the default language's (one query)."""
        active = get_supported_content_language_variant(get_language())
        default = settings.LANGUAGE_CODE
        footers = {
            footer.locale.language_code: footer
            for footer in cls.objects.select_related("locale").filter(locale__language_code__in={active, default})
        }
        return footers.get(active) or footers.get(default)
