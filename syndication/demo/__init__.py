"""Demo content: the Open data page, a standard page in every language that links
the downloads (syndication/opendata.py), the framework exports, the API, the sitemap
and the feeds, with their licences.

wagtail-localize copies the links of rich text from the source page; like a
translator, the demo overrides each link of a translation with its own
language's address (/fr/… instead of /en/…) before translating the page.
"""

import json

from django.conf import settings
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from demo.context import load_yaml
from home.models import StandardPage

CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def localized_link(href, source_code, code):
    """The address of a link on the `code` version of the page."""
    if href == CC_BY:
        return f"{CC_BY}deed.{code}"
    return href.replace(f"/{source_code}/", f"/{code}/").replace(f"locale={source_code}", f"locale={code}")


def override_links(ctx, page):
    source, _created = TranslationSource.update_or_create_from_instance(page)
    source_code = settings.LANGUAGE_CODE
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        href = json.loads(segment.data_json)
        if not isinstance(href, str):
            continue
        for code, locale in ctx.other_locales.items():
            wanted = localized_link(href, source_code, code)
            if wanted != href:
                SegmentOverride.objects.update_or_create(
                    locale=locale, context=segment.context, defaults={"data_json": json.dumps(wanted)}
                )


def build_open_data_page(ctx):
    data = load_yaml("syndication", "opendata.yaml")["open_data"]
    page = ctx.upsert_page("open-data", StandardPage, ctx.pages["home"], data[settings.LANGUAGE_CODE])
    override_links(ctx, page)
    ctx.translate_page("open-data", page, {code: data[code] for code in ctx.written_in(data)})
    ctx.log("  the Open data page in every language")


STEPS = [(85, build_open_data_page)]
