"""The funding programmes a project can credit, and the notice each one asks for.

The programmes are those of the shared reference data (`funding_notices`):
Interreg 2 Seas, which funded the STEPS cluster and its source projects, and
Erasmus+, which funded the related projects. A page whose source project is
funded by another programme than the site's shows that programme's emblem text
and disclaimer (`partners/includes/funding_notice.html`); the site's own
acknowledgement stays in the footer.

The wording is the platform's, after each programme's rules; only the labels
are translated.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Funding(models.TextChoices):
    INTERREG_2_SEAS = "interreg_2_seas", _("Interreg 2 Seas (European Regional Development Fund)")
    ERASMUS_PLUS = "erasmus_plus", _("Erasmus+")


# The programme the site itself credits in its footer.
SITE_FUNDING = Funding.INTERREG_2_SEAS

NOTICES = {
    Funding.INTERREG_2_SEAS: {
        "emblem": _("European Union – European Regional Development Fund. Investing in your future."),
        "disclaimer": _(
            "This content reflects its authors' views only. The authorities of the Interreg 2 Seas programme are "
            "not liable for any use that may be made of the information it contains."
        ),
    },
    Funding.ERASMUS_PLUS: {
        "emblem": _("Co-funded by the European Union"),
        "disclaimer": _(
            "The European Commission's support for this work does not mean that it endorses its contents, which "
            "reflect only their authors' views. The Commission is not responsible for any use that may be made of "
            "the information it contains."
        ),
    },
}


def notice(funding):
    """{"emblem", "disclaimer", "programme"} of a programme, or None for none."""
    if funding not in NOTICES:
        return None
    return {**NOTICES[funding], "programme": Funding(funding).label, "code": funding}


def notice_for(project, always=False):
    """The notice a page from `project` shows: only when the project is funded by another
    programme than the site's (or `always`, on the project's own page)."""
    if project is None or not project.funding:
        return None
    if not always and project.funding == SITE_FUNDING:
        return None
    return notice(project.funding)
