"""Blocks that open a page or point visitors onwards: hero, featured pages, calls to action."""

from collections import defaultdict

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from .links import LinkBlock, active_locale


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    image = ImageBlock(label=_("image"), required=False)
    actions = blocks.ListBlock(LinkBlock(), label=_("buttons"), max_num=3, default=[])

    class Meta:
        icon = "pick"
        label = _("Hero")
        template = "core/blocks/hero.html"


class FeaturedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("page")), label=_("pages"), min_num=1, max_num=6)
    link = blocks.ListBlock(LinkBlock(), label=_("link to more"), max_num=1, default=[])

    class Meta:
        icon = "list-ul"
        label = _("Featured pages")
        template = "core/blocks/featured_pages.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        pages = localized_pages(value["pages"])
        # The template asks each chosen page for `.localized.specific`: hand it
        # pages already localised, so that costs no query per page.
        value = type(value)(self, list(value.items()))
        value["pages"] = [_Localized(page) for page in pages]
        context["value"] = value
        context["self"] = value
        return context


class _Localized:
    def __init__(self, page):
        self.localized = page


def localized_pages(pages):
    """The specific version of each page in the active language, as `page.localized.specific`
    gives (the live translation, else the page itself), in one query per page type."""
    pages = [page for page in pages if page is not None]
    locale = active_locale()
    by_model = defaultdict(list)
    for page in pages:
        by_model[page.specific_class].append(page)
    found = {}
    for model, chosen in by_model.items():
        if model is None:  # a page type since removed from the code
            found.update((page.pk, page) for page in chosen)
            continue
        # The chosen pages and their translations, which are of the same type.
        condition = Q(pk__in=[page.pk for page in chosen])
        if locale is not None:
            keys = [page.translation_key for page in chosen]
            condition |= Q(locale_id=locale.pk, translation_key__in=keys, live=True)
        found.update((page.pk, page) for page in model.objects.filter(condition))
    translations = {page.translation_key: page for page in found.values() if locale and page.locale_id == locale.pk}
    result = []
    for page in pages:
        translation = translations.get(page.translation_key)
        if translation is not None and translation.live:
            result.append(translation)
        else:
            result.append(found.get(page.pk) or page.specific)
    return result


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    action = LinkBlock(label=_("button"))

    class Meta:
        icon = "redirect"
        label = _("Call to action")
        template = "core/blocks/call_to_action.html"
