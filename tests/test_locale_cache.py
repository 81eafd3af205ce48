"""The one patch of Wagtail's internals (caching/locale_cache.py) still does what it claims."""

import pytest
from django.db import connection
from wagtail.models import Locale

from caching import content_version, locale_cache
from home.models import StandardPage
from tests.languages import unconfigured_language

pytestmark = pytest.mark.django_db


def test_it_is_installed_for_the_versions_it_was_written_for():
    assert locale_cache.written_for_these_versions()
    assert locale_cache.installed()
    assert locale_cache.patch_matches_the_running_versions() == []


def test_any_other_version_fails_the_checks(monkeypatch):
    import wagtail

    monkeypatch.setattr(wagtail, "__version__", "8.1.0")
    [error] = locale_cache.patch_matches_the_running_versions()
    assert error.id == "core.E002" and "8.1.0" in error.msg


@pytest.mark.usefixtures("production_caching")
def test_locales_are_looked_up_once_per_content_version(django_assert_num_queries):
    french = Locale.objects.get_for_language("fr")
    with django_assert_num_queries(0):
        again = Locale.objects.get_for_language("fr")
        default = Locale.get_default()
    assert (again.pk, again.language_code, default.language_code) == (french.pk, "fr", "en")
    assert again is not french  # each caller gets its own instance


@pytest.mark.usefixtures("production_caching")
def test_a_page_reads_its_locale_without_a_query(django_assert_num_queries):
    page = StandardPage.objects.live().filter(locale__language_code="nl").first()
    Locale.objects.get_for_language("nl")  # the locales are read once
    with django_assert_num_queries(0):
        assert page.locale.language_code == "nl"
    assert page.locale == Locale.objects.get(language_code="nl")


@pytest.mark.usefixtures("production_caching")
def test_a_locale_added_elsewhere_is_known_once_the_version_moves_on():
    Locale.objects.get_for_language("en")
    # Another process adds a locale (no signal reaches this one) and moves the version on.
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO wagtailcore_locale (language_code) VALUES (%s)", [unconfigured_language()])
    added = Locale.all_objects.get(language_code=unconfigured_language())
    assert locale_cache.by_pk(added.pk) is None  # this process still has the old version's locales
    content_version.bump_version()
    assert locale_cache.by_pk(added.pk).language_code == unconfigured_language()


def test_an_unknown_language_still_raises_as_wagtail_does():
    with pytest.raises(LookupError):
        Locale.objects.get_for_language("xx")
