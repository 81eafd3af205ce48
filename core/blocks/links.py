"""A link to a page of the site or to another site, with a visible label."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class LinkValue(blocks.StructValue):
    @property
    def href(self):
        # Page choosers point at the source-language page: follow the link to
        # the visitor's language when a live translation exists.
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("url") or ""


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page on this site"), required=False)
    url = blocks.URLBlock(label=_("or an address on another site"), required=False)

    class Meta:
        value_class = LinkValue
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page on this site or give an address, not both.")
            raise blocks.StructBlockValidationError(block_errors={"page": ErrorList([ValidationError(message)])})
        return value
