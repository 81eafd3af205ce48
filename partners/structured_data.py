"""The cluster as a schema.org Organization, with its partners as members."""

from django.utils.translation import gettext as _

from core.structured_data import page_url
from partners.models import Partner


def organization(request, home):
    """The STEPS cluster as an organisation, with its partners as members."""
    partners = Partner.objects.filter(locale=home.locale).order_by("sort_order", "name")
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": _("STEPS cluster"),
        "alternateName": "Soft skills Training Enabling Progression and Sustainability",
        "url": page_url(home, request),
        "member": [partner.as_structured_data() for partner in partners],
    }
