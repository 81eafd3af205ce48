"""The frameworks are loaded in three languages as real wagtail-localize translations."""

import pytest
from wagtail_localize.models import TranslationSource

from competences.models import Alignment, Framework, FrameworkItem
from tests.languages import WRITTEN, WRITTEN_TRANSLATIONS

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_every_framework_and_item_exists_in_three_languages():
    for model in (Framework, FrameworkItem):
        per_language = {code: model.objects.filter(locale__language_code=code).count() for code in WRITTEN}
        assert per_language["en"] > 0
        assert per_language["en"] == per_language["fr"] == per_language["nl"], model
    codes = set(Framework.objects.filter(locale__language_code="en").values_list("code", flat=True))
    reference = {"SPOCC", "LifeComp", "EntreComp", "ESCO-T"}
    assert reference <= codes
    # Any other framework (the questionnaires' ENTR21) is example content: every item says so.
    others = FrameworkItem.objects.filter(framework__code__in=codes - reference)
    assert not others.filter(is_example=False).exists()
    assert all(FrameworkItem.objects.filter(framework__code=code).exists() for code in codes - reference)


def test_reference_structure():
    def count(framework, level):
        return FrameworkItem.objects.filter(locale__language_code="en", framework__code=framework, level=level).count()

    assert count("SPOCC", "area") == 5
    assert count("LifeComp", "area") == 3 and count("LifeComp", "competence") == 9
    assert count("EntreComp", "area") == 3 and count("EntreComp", "competence") == 15
    assert count("ESCO-T", "area") == 6
    # Only demo-written outcomes exist for SPOCC, and they say so.
    outcomes = FrameworkItem.objects.filter(framework__code="SPOCC", level="outcome")
    assert outcomes.exists() and not outcomes.filter(is_example=False).exists()
    assert Framework.objects.get(locale__language_code="en", code="ESCO-T").is_unverified


def test_lifecomp_has_three_descriptors_per_competence_in_every_language():
    descriptors = FrameworkItem.objects.filter(framework__code="LifeComp", level="outcome")
    english = descriptors.filter(locale__language_code="en").select_related("parent")
    assert english.count() == 27 and not english.filter(is_example=True).exists()
    for item in english:
        # P1.1 hangs under P1, S3.2 under S3, and so on.
        assert item.code.rsplit(".", 1)[0] == item.parent.code
    codes = {item.code for item in english}
    assert {"P1.1", "S3.2", "L3.3"} <= codes
    collaboration = english.get(code="S3.2").name
    for language in WRITTEN_TRANSLATIONS:
        translated = descriptors.get(locale__language_code=language, code="S3.2")
        assert translated.name and translated.name != collaboration
        assert translated.parent.locale.language_code == language


def test_translated_items_hang_under_translated_framework_and_parent():
    french = FrameworkItem.objects.select_related("framework", "parent").get(
        locale__language_code="fr", framework__code="LifeComp", code="S3"
    )
    english = FrameworkItem.objects.get(locale__language_code="en", framework__code="LifeComp", code="S3")
    assert french.translation_key == english.translation_key
    assert french.framework.locale_id == french.locale_id
    assert french.parent.locale_id == french.locale_id and french.parent.code == "S"
    dutch = FrameworkItem.objects.get(translation_key=english.translation_key, locale__language_code="nl")
    assert dutch.name == "Samenwerking"
    source = TranslationSource.objects.get_for_instance(english)
    translated_into = {t.target_locale.language_code for t in source.translations.filter(enabled=True)}
    assert translated_into == set(WRITTEN_TRANSLATIONS)


def test_alignments_link_default_language_items():
    assert Alignment.objects.count() >= 7
    assert not Alignment.objects.exclude(source__locale__language_code="en").exists()
    assert not Alignment.objects.exclude(target__locale__language_code="en").exists()
