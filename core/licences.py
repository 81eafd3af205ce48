"""The licences content may be published under: one list for every kind of content.

Stored values are SPDX identifiers (https://spdx.org/licenses/), so open data
exports name a licence the way other catalogues do; only the labels are translated.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", _("Creative Commons Attribution 4.0 (CC BY 4.0)")
    CC_BY_SA = "CC-BY-SA-4.0", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)")
    CC_BY_NC = "CC-BY-NC-4.0", _("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC 4.0)")
    CC_BY_NC_SA = "CC-BY-NC-SA-4.0", _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 (CC BY-NC-SA 4.0)")
    CC_BY_ND = "CC-BY-ND-4.0", _("Creative Commons Attribution-NoDerivatives 4.0 (CC BY-ND 4.0)")
    CC0 = "CC0-1.0", _("Creative Commons Zero 1.0, public domain (CC0 1.0)")
    RESERVED = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


def licence_url(value):
    """The licence's deed, or "" for rights reserved."""
    return LICENCE_URLS.get(value, "")


def licence_field():
    """The licence of a piece of content: CC BY 4.0 unless its owners chose otherwise."""
    return models.CharField(_("licence"), max_length=32, choices=Licence.choices, default=Licence.CC_BY)
