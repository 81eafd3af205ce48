"""The translation status report shows the true state of every page in every language."""

import csv
import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from editorial.status import DRAFT, MACHINE, MISSING, OUTDATED, REVIEWED, SOURCE, status_matrix
from home.models import StandardPage
from partners.models import Partner
from tests.languages import SOURCE as LANGUAGE_SOURCE
from tests.languages import UNWRITTEN, WRITTEN_TRANSLATIONS

pytestmark = pytest.mark.django_db


def row_for(title):
    _languages, rows = status_matrix()
    return next(row for row in rows if row.title == title)


def test_demo_translations_are_reviewed_and_the_english_pages_are_sources():
    # A language the demo has no text in (one added to LANGUAGES) has an untranslated draft.
    assert row_for("About the cluster").statuses == {
        **dict.fromkeys(UNWRITTEN, DRAFT),
        **dict.fromkeys(WRITTEN_TRANSLATIONS, REVIEWED),
        LANGUAGE_SOURCE: SOURCE,
    }


def test_a_page_is_out_of_date_after_its_source_changes():
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.intro = "A new introduction that the translators have not seen yet."
    about.save_revision().publish()
    statuses = row_for("About the cluster").statuses
    assert statuses["fr"] == OUTDATED and statuses["nl"] == OUTDATED


def test_a_deleted_translation_is_missing():
    StandardPage.objects.get(slug="privacy", locale__language_code="nl").delete()
    assert row_for("Privacy").statuses["nl"] == MISSING


def test_snippets_are_in_the_report_and_go_out_of_date_too():
    medway = Partner.objects.get(name="Medway Council", locale__language_code="en")
    assert row_for("Medway Council").statuses["en"] == SOURCE
    medway.description = "A changed description."
    medway.save()
    assert row_for("Medway Council").statuses["fr"] == OUTDATED


def test_machine_translated_text_is_flagged_until_reviewed():
    from wagtail_localize.models import StringTranslation

    french = Locale.objects.get(language_code="fr")
    page = StandardPage.objects.get(slug="legal-notice", locale__language_code="en")
    StringTranslation.objects.filter(locale=french, context__object_id=page.translation_key).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    from editorial.models import TranslationReview

    TranslationReview.objects.filter(page__translation_key=page.translation_key).delete()
    assert row_for("Legal notice").statuses["fr"] == MACHINE


def test_coordinators_see_the_report_and_export_it_as_csv(client, coordinator, dutch_editor):
    client.force_login(dutch_editor)
    assert client.get("/admin/reports/translation-status/").status_code in (302, 403)
    client.force_login(coordinator)
    response = client.get("/admin/reports/translation-status/")
    assert response.status_code == 200
    assert b"About the cluster" in response.content
    export = client.get("/admin/reports/translation-status/?export=csv")
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    about = next(row for row in rows if row["Title"] == "About the cluster")
    assert about["EN"] == "Source" and about["FR"] == "Reviewed"


def test_setup_roles_is_idempotent():
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    before = (Group.objects.count(), GroupPagePermission.objects.count())
    call_command("setup_roles", verbosity=0)
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == before
