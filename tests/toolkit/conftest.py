"""Fixtures for the toolkit tests: the demo toolkit in each language, and its data file."""

import pytest

from toolkit.demo import load_methods


@pytest.fixture(scope="session")
def methods_data():
    return load_methods()


@pytest.fixture
def toolkits(db):
    from toolkit.models import ToolkitIndexPage

    return {page.locale.language_code: page for page in ToolkitIndexPage.objects.live().select_related("locale")}


@pytest.fixture
def method(db):
    """One demo method in each language it is live in, keyed by language code: the strengths conversation."""
    from toolkit.models import ToolPage

    english = ToolPage.objects.get(locale__language_code="en", slug="strengths-conversation")
    pages = {"en": english}
    for page in english.get_translations().live().select_related("locale"):
        pages[page.locale.language_code] = page.specific
    return pages
