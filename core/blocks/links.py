"""A link to a page of the site or to another site, with a visible label."""

from copy import copy

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale, Page


class LinkValue(blocks.StructValue):
    @property
    def href(self):
        # Page choosers point at the source-language page: follow the link to
        # the visitor's language when a live translation exists.
        page = self.get("page")
        if page:
            localized = getattr(self, "localized_page", None) or page.localized
            return localized.url
        return self.get("url") or ""


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page on this site"), required=False)
    url = blocks.URLBlock(label=_("or an address on another site"), required=False)

    class Meta:
        value_class = LinkValue
        icon = "link"
        label = _("Link")

    def bulk_to_python(self, values):
        """The links of a stream, with one query for all their pages and translations,
        rather than one for the pages and then one per link."""
        values = list(values)
        chosen = [value.get("page") for value in values]
        pages = with_translations(chosen)
        # The pages come from `pages`: the chooser is given none to look up.
        links = super().bulk_to_python([{**value, "page": None} for value in values])
        seen = set()
        for link, pk in zip(links, chosen, strict=True):
            found = pages.get(pk)
            if found is None:
                continue
            page, localized = found
            if pk in seen:
                page = copy(page)  # as the chooser does: one instance per link
            seen.add(pk)
            link["page"] = page
            link.localized_page = localized
        return links

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page on this site or give an address, not both.")
            raise blocks.StructBlockValidationError(block_errors={"page": ErrorList([ValidationError(message)])})
        return value


def active_locale():
    try:
        return Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return None


def with_translations(ids):
    """{pk: (page, localized)} for the pages with these ids, where `localized` is
    what `page.localized` gives (the live translation in the active language,
    else the page itself), in one query."""
    ids = {pk for pk in ids if pk}
    if not ids:
        return {}
    locale = active_locale()
    condition = Q(pk__in=ids)
    if locale is not None:
        keys = Page.objects.filter(pk__in=ids).values("translation_key")
        condition |= Q(locale_id=locale.pk, translation_key__in=keys, live=True)
    rows = list(Page.objects.filter(condition))
    translations = {row.translation_key: row for row in rows if locale is not None and row.locale_id == locale.pk}
    result = {}
    for row in rows:
        if row.pk in ids:
            translation = translations.get(row.translation_key)
            result[row.pk] = (row, translation if translation is not None and translation.live else row)
    return result
