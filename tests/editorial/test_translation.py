"""Translations never go live untranslated, and readers learn how a page was translated."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale
from wagtail_localize.models import String, StringTranslation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue

from editorial.machine_translation import TranslationMemoryTranslator
from editorial.models import TranslationReview
from tests.factories import StandardPageFactory, translate

pytestmark = pytest.mark.django_db


def provenance_text(client, page):
    html = BeautifulSoup(client.get(page.url).content.decode(), "lxml")
    aside = html.find("aside", class_="provenance")
    return aside.get_text(" ", strip=True) if aside else ""


def test_an_untranslated_copy_never_goes_live(coordinator):
    english = StandardPageFactory(title="A page for the partners")
    TranslationCreator(coordinator, [Locale.objects.get(language_code="nl")]).create_translations(english)
    dutch = english.get_translation(Locale.objects.get(language_code="nl"))
    assert not dutch.live


def test_translated_pages_say_where_they_come_from_and_who_reviewed_them(client, coordinator):
    french = translate(StandardPageFactory(), "fr")
    TranslationReview.objects.create(page=french, reviewed_by=coordinator)
    coordinator.first_name, coordinator.last_name = "Clara", "Martin"
    coordinator.save()
    text = provenance_text(client, french)
    assert "anglais" in text.lower()
    assert "Clara Martin" in text


def test_an_unreviewed_machine_translation_is_announced(client):
    dutch = translate(StandardPageFactory(), "nl")
    TranslationReview.objects.filter(page=dutch).delete()
    StringTranslation.objects.filter(locale=dutch.locale, context__object_id=dutch.translation_key).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert "machinevertaling" in provenance_text(client, dutch).lower()


def test_original_pages_have_no_translation_notice(client):
    english = StandardPageFactory()
    translate(english, "fr")
    assert provenance_text(client, english) == ""


def test_the_offline_translator_reuses_human_translations_and_keeps_the_rest():
    english, french = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="fr")
    about = StandardPageFactory(title="About the cluster")
    translate(about, "fr", title="Le cluster")  # a human translation, as editors write them
    source = TranslationSource.objects.get_for_instance(about)
    strings = [segment.string for segment in source.stringsegment_set.select_related("string")]
    known = next(string for string in strings if string.data == "About the cluster")
    unknown = String.from_value(english, StringValue.from_plaintext("A sentence nobody has translated."))
    result = TranslationMemoryTranslator({}).translate(english, french, [known, unknown])
    assert result[known].data == "Le cluster"
    assert result[unknown].data == "A sentence nobody has translated."
