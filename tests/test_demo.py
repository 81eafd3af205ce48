"""`load_demo` builds the site in three languages through wagtail-localize, idempotently."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.models import SiteFooter
from home.models import HomePage, StandardPage
from partners.models import Partner, Project

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "partners": Partner.objects.count(),
        "projects": Project.objects.count(),
        "footers": SiteFooter.objects.count(),
        "sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "revisions": Revision.objects.count(),
    }


def test_every_page_and_snippet_exists_in_three_languages():
    for model in (HomePage, StandardPage, Partner, Project, SiteFooter):
        per_language = {code: model.objects.filter(locale__language_code=code).count() for code in ("en", "fr", "nl")}
        assert per_language["en"] > 0
        assert per_language["en"] == per_language["fr"] == per_language["nl"], model


def test_translations_are_synced_wagtail_localize_translations_not_copies():
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    source = TranslationSource.objects.get_for_instance(about)
    assert {t.target_locale.language_code for t in source.translations.filter(enabled=True)} == {"fr", "nl"}
    french = StandardPage.objects.get(translation_key=about.translation_key, locale__language_code="fr")
    assert french.title == "Le cluster"
    assert french.live
    assert StringTranslation.objects.filter(locale__language_code="fr", data="Le cluster").exists()


def test_running_it_again_changes_nothing_and_adds_no_revisions():
    before = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == before


def test_if_empty_leaves_an_existing_site_alone():
    before = counts()
    call_command("load_demo", "--if-empty", verbosity=0)
    assert counts() == before


def test_scale_must_be_positive():
    with pytest.raises(CommandError, match="--scale"):
        call_command("load_demo", "--scale", "0", verbosity=0)
