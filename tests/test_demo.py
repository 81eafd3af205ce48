"""`load_demo` builds the site in three languages through wagtail-localize, idempotently."""

import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from competences.models import Alignment, FrameworkItem
from core.models import SiteFooter
from home.models import HomePage, StandardPage
from partners.models import Partner, Project
from tests.languages import OTHERS, SOURCE, WRITTEN

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def counts():
    return {
        "pages": Page.objects.count(),
        "partners": Partner.objects.count(),
        "projects": Project.objects.count(),
        "footers": SiteFooter.objects.count(),
        "sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "revisions": Revision.objects.count(),
        "framework items": FrameworkItem.objects.count(),
        "alignments": Alignment.objects.count(),
    }


def test_every_page_and_snippet_exists_in_every_language_the_demo_is_written_in():
    for model in (HomePage, StandardPage, Partner, Project, SiteFooter):
        per_language = {code: model.objects.filter(locale__language_code=code).count() for code in WRITTEN}
        assert per_language[SOURCE] > 0
        assert len(set(per_language.values())) == 1, model


def test_translations_are_synced_wagtail_localize_translations_not_copies():
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    source = TranslationSource.objects.get_for_instance(about)
    # Every other language: those the demo is written in, and a language added since as a draft.
    assert {t.target_locale.language_code for t in source.translations.filter(enabled=True)} == set(OTHERS)
    french = StandardPage.objects.get(translation_key=about.translation_key, locale__language_code="fr")
    assert french.title == "Le cluster"
    assert french.live
    assert StringTranslation.objects.filter(locale__language_code="fr", data="Le cluster").exists()


def test_if_empty_leaves_an_existing_site_alone():
    before = counts()
    call_command("load_demo", "--if-empty", verbosity=0)
    assert counts() == before


def test_scale_must_be_positive():
    with pytest.raises(CommandError, match="--scale"):
        call_command("load_demo", "--scale", "0", verbosity=0)


def test_scaled_load_adds_valid_live_copies_in_every_language_once_and_running_it_again_changes_nothing(client):
    """`--scale 2`: one numbered copy of every method, case, film and ten events,
    each a live, indexed page in all three languages sharing one translation key.
    Run again, it changes nothing and adds no revision: neither to the copies nor to the
    site of `--scale 1`, which every run at any scale loads first."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.models import IndexEntry

    from films.models import FilmPage
    from practices.models import CaseStudyPage
    from toolkit.models import ToolPage

    before = Page.objects.count()
    call_command("load_demo", "--scale", "2", verbosity=0)
    scaled = Page.objects.count()
    added = {
        model: model.objects.filter(locale__language_code="en").count() for model in (ToolPage, CaseStudyPage, FilmPage)
    }
    assert scaled > before
    loaded = counts()
    call_command("load_demo", "--scale", "2", verbosity=0)
    assert counts() == loaded
    assert not any(Page.find_problems()), "the page tree is consistent"

    for model in (ToolPage, CaseStudyPage, FilmPage):
        copies = model.objects.filter(locale__language_code="en", title__endswith="(2)")
        # Half of each type's English pages are copies of the other half.
        assert copies.count() * 2 == added[model], model
        copy = copies.first()
        family = model.objects.filter(translation_key=copy.translation_key)
        assert sorted(family.values_list("locale__language_code", flat=True)) == sorted(WRITTEN)
        for page in family:
            assert page.live
            assert client.get(page.url).status_code == 200
            assert IndexEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(model), object_id=str(page.pk)
            ).exists()
        french = family.get(locale__language_code="fr")
        assert french.url.startswith("/fr/")
        # The English copy names its French translation as an alternate.
        alternate = rf'hreflang="fr" href="[^"]*{re.escape(french.url)}"'
        assert re.search(alternate, client.get(copy.url).content.decode())


@pytest.mark.parametrize("language", WRITTEN)
def test_the_open_data_page_links_every_dataset_in_both_formats(client, language):
    from syndication.opendata import DATASETS

    page = StandardPage.objects.get(locale__language_code=language, translation_key=open_data_key())
    html = client.get(page.url).content.decode()
    for slug in DATASETS:
        for extension in ("csv", "json"):
            assert f'href="/{language}/open-data/{slug}.{extension}"' in html, (slug, extension)


def open_data_key():
    return StandardPage.objects.get(locale__language_code=SOURCE, slug="open-data").translation_key
