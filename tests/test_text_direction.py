"""Every page says its writing direction from its language (Django's language info), never a fixed one."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import get_language_info

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_pages_of_every_language_give_the_direction_of_that_language(client, language):
    html = BeautifulSoup(client.get(f"/{language}/").content.decode(), "lxml")
    expected = "rtl" if get_language_info(language)["bidi"] else "ltr"
    assert html.html["lang"] == language
    assert html.html["dir"] == expected


@pytest.mark.parametrize("language", ["ar", "he"])
def test_a_right_to_left_language_would_be_written_right_to_left(settings, language):
    added = [(language, get_language_info(language)["name"])]
    settings.LANGUAGES = [*settings.LANGUAGES, *added]
    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, *added]
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        html = BeautifulSoup(render_to_string("base.html", {"request": request}), "lxml")
    assert html.html["dir"] == "rtl"


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_a_print_view_says_its_language_and_direction_too(client, language):
    from toolkit.models import ToolPage

    method = ToolPage.objects.live().filter(locale__language_code=language).order_by("path").first()
    html = BeautifulSoup(client.get(f"{method.url}print/").content.decode(), "lxml")
    assert html.html["lang"] == language
    assert html.html["dir"] == "ltr"
    assert html.find("link", rel="canonical")["href"].endswith(f"{method.url}print/")
    assert html.title.get_text().startswith(method.title)
