"""in_locale() shows source-language items in the page's language, with one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from competences.models import FrameworkItem
from competences.queries import competence_page_models, linked_pages
from core.translated import in_locale

pytestmark = pytest.mark.django_db


def english(framework, *codes):
    items = {
        item.code: item
        for item in FrameworkItem.objects.filter(locale__language_code="en", framework__code=framework, code__in=codes)
    }
    return [items[code] for code in codes]


def test_maps_items_to_their_translations_in_order_with_one_query():
    items = english("LifeComp", "S3", "P1", "S2")
    french = Locale.objects.get(language_code="fr")
    with CaptureQueriesContext(connection) as queries:
        result = in_locale(items, french, select_related=["framework"])
        names = [item.name for item in result]
        frameworks = [item.framework.code for item in result]
    assert len(queries) == 1
    assert names == ["Collaboration", "Autorégulation", "Communication"]
    assert frameworks == ["LifeComp"] * 3
    assert all(item.locale_id == french.pk for item in result)


def test_dutch_names_never_english():
    items = english("EntreComp", "3.4", "1.2")
    dutch = Locale.objects.get(language_code="nl")
    assert [item.name for item in in_locale(items, dutch)] == ["Samenwerken met anderen", "Creativiteit"]


def test_items_already_in_the_locale_cost_no_query():
    english_locale = Locale.objects.get(language_code="en")
    items = english("SPOCC", "C", "S")
    with CaptureQueriesContext(connection) as queries:
        assert in_locale(items, english_locale) == items
    assert len(queries) == 0


def test_untranslated_items_fall_back_or_are_dropped():
    items = english("LifeComp", "S3", "S2")
    dutch = Locale.objects.get(language_code="nl")
    FrameworkItem.objects.get(translation_key=items[1].translation_key, locale=dutch).delete()
    assert [item.name for item in in_locale(items, dutch)] == ["Samenwerking", "Communication"]
    assert [item.name for item in in_locale(items, dutch, fallback=False)] == ["Samenwerking"]


def test_accepts_a_queryset():
    qs = FrameworkItem.objects.filter(locale__language_code="en", framework__code="SPOCC", level="area")
    french = Locale.objects.get(language_code="fr")
    names = {item.name for item in in_locale(qs, french)}
    assert "Compétences coopératives" in names and "Co-operative skills" not in names


def test_linked_pages_is_empty_while_no_page_type_links_competences():
    item = english("LifeComp", "S3")[0]
    assert isinstance(competence_page_models(), list)
    if not competence_page_models():
        assert linked_pages(item, item.locale) == []
