"""DOI checking: the "10.<registrant>/<suffix>" syntax (the DOI handbook's rule)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Registrant codes are 10. followed by four or more digits, optionally with
# dot-separated sub-codes; the suffix is any printable text without spaces.
DOI_PATTERN = re.compile(r"^10\.\d{4,9}(\.\d+)*/\S+$")
RESOLVER = "https://doi.org/"
# Registrant codes that never name a real publication: 10.5555 is the DOI
# Foundation's test prefix (used in examples and tests), so a DOI under it is invented.
TEST_PREFIXES = ("10.5555",)


def is_test_doi(value):
    return str(value or "").split("/", 1)[0] in TEST_PREFIXES


def is_valid(value):
    return bool(DOI_PATTERN.match(str(value or "")))


def url(value):
    return RESOLVER + value if value else ""


def validate_doi(value):
    if not value:
        return
    if str(value).lower().startswith(("http://", "https://", "doi:")):
        raise ValidationError(
            _("Enter the DOI alone, starting with “10.”, without “doi:” or the https://doi.org/ address."),
            code="invalid_doi",
        )
    if not is_valid(value):
        raise ValidationError(
            _("“%(value)s” is not a DOI: a DOI looks like 10.1234/steps.2015."),
            code="invalid_doi",
            params={"value": value},
        )
    if is_test_doi(value):
        raise ValidationError(
            _("“%(value)s” uses the test prefix 10.5555, which no real publication has: enter the registered DOI."),
            code="test_doi",
            params={"value": value},
        )
