"""Every page is served under its language prefix, says its language, and links
to its translations: the switcher, the canonical link and hreflang alternates."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import get_page_models

from home.models import StandardPage
from tests import factories
from tests.languages import CONFIGURED, SOURCE, WRITTEN, unconfigured_language
from tests.module_data import module_data

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "lxml")


def demo_page_models():
    """Every concrete page type of the platform."""
    return [model for model in get_page_models() if model._meta.app_label not in {"wagtailcore"}]


def build_in_every_language(factory):
    """{language: pk} of a page built by `factory` in English and translated into every
    written language. What the page links to is translated first, as translators do
    (wagtail-localize points each link at the linked translation)."""
    english = factory()
    linked = [getattr(english, name, None) for name in ("partner", "framework")]
    linked += [block.value["competence"] for block in getattr(english, "statements", [])]
    pks = {"en": english.pk}
    for code in WRITTEN:
        if code != "en":
            for snippet in filter(None, linked):
                factories.translate(snippet, code)
            pks[code] = factories.translate(english, code).pk
    return pks


@module_data
def content_pages():
    """{page type name: {language: pk}}: a live page of each content type, built for these
    tests in every written language. Built once for the module."""
    return {name: build_in_every_language(factory) for name, factory in CONTENT_FACTORIES.items()}


@pytest.fixture
def page_in(content_pages):
    """page_in(model, lang): a live page of `model` in `lang`: the one built for these tests
    for the content types; the site's own (home, section index) for the others."""

    def page_in(model, lang):
        if model.__name__ in content_pages:
            return model.objects.get(pk=content_pages[model.__name__][lang])
        return model.objects.live().filter(locale__language_code=lang).order_by("path").first()

    return page_in


CONTENT_FACTORIES = {
    "StandardPage": factories.StandardPageFactory,
    "ToolPage": factories.ToolPageFactory,
    "CaseStudyPage": factories.CaseStudyPageFactory,
    "FilmPage": factories.FilmPageFactory,
    "EventPage": factories.EventPageFactory,
    "PublicationPage": factories.PublicationPageFactory,
    "AchievementPage": factories.AchievementPageFactory,
    "QuestionnairePage": factories.QuestionnairePageFactory,
    "CoursePage": factories.CoursePageFactory,
}


def browser_languages():
    """(Accept-Language, where "/" leads): each configured language, with a region and a
    weaker second choice, and a language the site does not have (to the source language)."""
    cases = [(f"{code}-XX,{code};q=0.9,{SOURCE};q=0.5", f"/{code}/") for code in CONFIGURED]
    return [*cases, (f"{unconfigured_language()}-XX", f"/{SOURCE}/")]


@pytest.mark.parametrize(("accept", "target"), browser_languages())
def test_root_redirects_by_browser_language(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize("model", demo_page_models(), ids=lambda model: model.__name__)
@pytest.mark.parametrize("lang", WRITTEN)
def test_every_page_type_renders_in_each_language(client, page_in, model, lang):
    page = page_in(model, lang)
    assert page is not None, f"the site has no {model.__name__} in {lang}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == lang
    assert page.url.startswith(f"/{lang}/")
    assert len(html.find_all("h1")) == 1


@pytest.mark.parametrize("model", demo_page_models(), ids=lambda model: model.__name__)
@pytest.mark.parametrize("lang", WRITTEN)
def test_switcher_canonical_and_hreflang_point_at_the_translations(client, page_in, model, lang):
    page = page_in(model, lang)
    translations = {p.locale.language_code: p for p in page.get_translations(inclusive=True).live()}
    html = soup(client.get(page.url))

    canonical = html.find("link", rel="canonical")["href"]
    assert canonical == f"http://testserver{page.url}"

    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate", hreflang=True)}
    assert alternates == {
        **{code: f"http://testserver{p.url}" for code, p in translations.items()},
        "x-default": f"http://testserver{translations[SOURCE].url}",
    }

    switcher = html.find("nav", class_="language-switcher")
    links = {a["hreflang"]: a["href"] for a in switcher.find_all("a")}
    # Every other configured language; where the page has no live translation (a language
    # the demo is not written in), the link leads to that language's home page.
    assert set(links) == set(CONFIGURED) - {lang}
    assert {code: url for code, url in links.items() if code in translations} == {
        code: p.url for code, p in translations.items() if code != lang
    }
    assert switcher.find(attrs={"aria-current": "true"})["lang"] == lang


def test_switcher_leads_to_the_home_page_with_a_notice_when_no_translation_exists(client, page_in):
    about_fr = page_in(StandardPage, "fr")
    about_fr.unpublish()
    english = about_fr.get_translation(_locale("en"))
    html = soup(client.get(english.url))
    french_link = html.find("nav", class_="language-switcher").find("a", hreflang="fr")
    assert french_link["href"] == "/fr/?untranslated=1"
    assert "fr" not in {link["hreflang"] for link in html.find_all("link", rel="alternate", hreflang=True)}

    notice = soup(client.get(french_link["href"])).find(class_="notice")
    assert "pas encore disponible" in notice.get_text()


def test_alias_pages_are_never_offered_as_translations(client, page_in):
    about_en = page_in(StandardPage, "en")
    about_fr = about_en.get_translation(_locale("fr"))
    about_fr.delete()
    about_en.copy_for_translation(_locale("fr"), alias=True)
    html = soup(client.get(about_en.url))
    assert "fr" not in {link["hreflang"] for link in html.find_all("link", rel="alternate", hreflang=True)}
    assert html.find("nav", class_="language-switcher").find("a", hreflang="fr")["href"].startswith("/fr/?")


def test_anonymous_visitors_get_no_cookies(client, homes):
    for page in homes.values():
        response = client.get(page.url)
        assert response.status_code == 200
        assert not response.cookies


def test_interface_text_follows_the_page_language(client, homes):
    skip_links = {lang: soup(client.get(homes[lang].url)).find(class_="skip-link").get_text() for lang in WRITTEN}
    assert skip_links["en"] == "Skip to main content"
    assert skip_links["fr"] != skip_links["en"] and skip_links["nl"] != skip_links["en"]
    assert re.search(r"contenu", skip_links["fr"])
    assert re.search(r"inhoud", skip_links["nl"])


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def test_sub_routes_of_a_page_keep_their_route_in_the_other_languages(rf, homes, page_in):
    from core.languages import alternate_links, switcher_links

    page = page_in(StandardPage, "en")
    french, dutch = (page.get_translation(_locale(code)) for code in ("fr", "nl"))
    request = rf.get(page.url + "print/", {"x": "1"})
    links = {link["code"]: link["url"] for link in switcher_links(request, page)}
    assert links["fr"] == french.url + "print/?x=1"
    alternates = {link["hreflang"]: link["href"] for link in alternate_links(request, page)}
    assert alternates["nl"] == f"http://testserver{dutch.url}print/"
