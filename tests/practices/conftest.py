"""Fixtures for the case-study tests: the library of each language, case lookups."""

import pytest


@pytest.fixture
def indexes(db):
    from practices.models import CaseStudyIndexPage

    return {page.locale.language_code: page for page in CaseStudyIndexPage.objects.live().select_related("locale")}


@pytest.fixture
def case_by_slug(db):
    """The live case with this English slug, in the given language."""
    from wagtail.models import Locale

    from practices.models import CaseStudyPage

    def find(english_slug, language="en"):
        source = CaseStudyPage.objects.get(locale__language_code="en", slug=english_slug)
        if language == "en":
            return source
        return source.get_translation(Locale.objects.get(language_code=language))

    return find
