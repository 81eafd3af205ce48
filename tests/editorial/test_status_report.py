"""The translation status report shows the true state of every page in every language."""

import csv
import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from editorial.status import DRAFT, MACHINE, MISSING, OUTDATED, REVIEWED, SOURCE, TRANSLATED, status_matrix
from home.models import StandardPage
from tests.factories import PartnerFactory, StandardPageFactory, translate
from tests.languages import SOURCE as LANGUAGE_SOURCE
from tests.languages import UNWRITTEN, WRITTEN_TRANSLATIONS

pytestmark = pytest.mark.django_db


def row_for(title):
    _languages, rows = status_matrix()
    return next(row for row in rows if row.title == title)


@pytest.mark.demo
def test_demo_translations_are_reviewed_and_the_english_pages_are_sources():
    # A language the demo has no text in (one added to LANGUAGES) has an untranslated draft.
    assert row_for("About the cluster").statuses == {
        **dict.fromkeys(UNWRITTEN, DRAFT),
        **dict.fromkeys(WRITTEN_TRANSLATIONS, REVIEWED),
        LANGUAGE_SOURCE: SOURCE,
    }


def review(page, language, coordinator):
    from editorial.models import TranslationReview

    translation = StandardPage.objects.get(translation_key=page.translation_key, locale__language_code=language)
    TranslationReview.objects.create(page=translation, reviewed_by=coordinator)


@pytest.fixture
def about():
    """A page written in English and translated into French and Dutch, as editors translate."""
    english = StandardPageFactory(title="About the platform")
    for language in ("fr", "nl"):
        translate(english, language)
    return english


def test_a_translation_is_reviewed_once_a_coordinator_has_and_the_original_is_the_source(about, coordinator):
    statuses = row_for("About the platform").statuses
    assert (statuses["en"], statuses["fr"], statuses["nl"]) == (SOURCE, TRANSLATED, TRANSLATED)
    review(about, "fr", coordinator)
    statuses = row_for("About the platform").statuses
    assert (statuses["en"], statuses["fr"], statuses["nl"]) == (SOURCE, REVIEWED, TRANSLATED)


def test_a_page_is_out_of_date_after_its_source_changes(about):
    about.intro = "A new introduction that the translators have not seen yet."
    about.save_revision().publish()
    statuses = row_for("About the platform").statuses
    assert statuses["fr"] == OUTDATED and statuses["nl"] == OUTDATED


def test_a_deleted_translation_is_missing(about):
    StandardPage.objects.get(translation_key=about.translation_key, locale__language_code="nl").delete()
    assert row_for("About the platform").statuses["nl"] == MISSING


def test_snippets_are_in_the_report_and_go_out_of_date_too():
    partner = PartnerFactory(name="Harbour Council", description="A council by the sea.")
    translate(partner, "fr", description="Une commune au bord de la mer.")
    assert row_for("Harbour Council").statuses["en"] == SOURCE
    partner.description = "A changed description."
    partner.save()
    assert row_for("Harbour Council").statuses["fr"] == OUTDATED


def test_machine_translated_text_is_flagged_until_reviewed(about):
    from wagtail_localize.models import StringTranslation

    french = Locale.objects.get(language_code="fr")
    page = about
    StringTranslation.objects.filter(locale=french, context__object_id=page.translation_key).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    from editorial.models import TranslationReview

    TranslationReview.objects.filter(page__translation_key=page.translation_key).delete()
    assert row_for("About the platform").statuses["fr"] == MACHINE


def test_coordinators_see_the_report_and_export_it_as_csv(client, coordinator, dutch_editor, about):
    review(about, "fr", coordinator)
    client.force_login(dutch_editor)
    assert client.get("/admin/reports/translation-status/").status_code in (302, 403)
    client.force_login(coordinator)
    response = client.get("/admin/reports/translation-status/")
    assert response.status_code == 200
    assert b"About the platform" in response.content
    export = client.get("/admin/reports/translation-status/?export=csv")
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    about = next(row for row in rows if row["Title"] == "About the platform")
    assert about["EN"] == "Source" and about["FR"] == "Reviewed"


def test_setup_roles_is_idempotent():
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    before = (Group.objects.count(), GroupPagePermission.objects.count())
    call_command("setup_roles", verbosity=0)
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == before
