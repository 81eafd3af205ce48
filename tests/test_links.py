"""Links and featured pages chosen in a stream lead to the visitor's language,
with one query for all the links of a block rather than one per link."""

import pytest
from django.utils import translation
from wagtail import blocks
from wagtail.models import Locale, Site

from core.blocks import CallToActionBlock, FeaturedPagesBlock, HeroBlock
from films.models import FilmIndexPage
from toolkit.models import ToolkitIndexPage, ToolPage

pytestmark = pytest.mark.django_db


def english(model):
    return model.objects.live().filter(locale__language_code="en").order_by("path").first()


def stream(raw):
    block = blocks.StreamBlock(
        [("hero", HeroBlock()), ("featured_pages", FeaturedPagesBlock()), ("call_to_action", CallToActionBlock())]
    )
    return block.to_python(raw)


def link(page=None, url="", label="Go"):
    return {"label": label, "page": page.pk if page else None, "url": url}


@pytest.mark.usefixtures("production_caching")  # locales read once per content version, as in production
def test_the_links_of_a_block_lead_to_the_visitors_language_in_one_query(django_assert_num_queries):
    toolkit, films = english(ToolkitIndexPage), english(FilmIndexPage)
    Locale.objects.get_for_language("fr")
    Site.get_site_root_paths()  # Wagtail keeps them in the cache, as a running site has them
    value = stream(
        [
            {
                "type": "hero",
                "value": {"heading": "Hi", "actions": [link(toolkit), link(films), link(url="https://a.eu/")]},
            }
        ]
    )
    with translation.override("fr"), django_assert_num_queries(1):
        hrefs = [action.href for action in value[0].value["actions"]]
    french = [page.get_translation(Locale.objects.get_for_language("fr")) for page in (toolkit, films)]
    assert hrefs == [french[0].url, french[1].url, "https://a.eu/"]


def test_a_link_stays_on_the_chosen_page_without_a_live_translation():
    tool = english(ToolPage)
    tool.get_translation(Locale.objects.get_for_language("nl")).unpublish()
    value = stream([{"type": "call_to_action", "value": {"heading": "Try", "action": link(tool)}}])
    with translation.override("nl"):
        assert value[0].value["action"].href == tool.url


def test_featured_pages_are_shown_in_the_visitors_language():
    toolkit, films = english(ToolkitIndexPage), english(FilmIndexPage)
    value = stream([{"type": "featured_pages", "value": {"heading": "See", "pages": [toolkit.pk, films.pk]}}])
    with translation.override("nl"):
        html = value.render_as_block()
    for page in (toolkit, films):
        dutch = page.get_translation(Locale.objects.get_for_language("nl")).specific
        assert f'href="{dutch.url}"' in html and dutch.intro in html
