"""A translation from someone who may not publish reaches readers only through a coordinator."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import translation as i18n
from django.utils.translation import gettext
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from editorial.models import TranslationReview
from partners.models import Partner
from tests.factories import PartnerFactory, StandardPageFactory, ToolPageFactory, translate
from tests.languages import WRITTEN_TRANSLATIONS

from .factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_TITLE = "Le cluster, relu"


class CommittingClient(Client):
    """Runs what each request leaves for the commit (wagtail-localize publishes then)."""

    def request(self, **request):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


@pytest.fixture
def translator(db):
    return UserFactory(role="translator")


@pytest.fixture
def reviewer(db):
    return UserFactory(role="coordinator", first_name="Clara", last_name="Martin")


@pytest.fixture
def french_about():
    """A live French page, a wagtail-localize translation, its title newly translated."""
    page = translate(StandardPageFactory(title="About the cluster"), "fr", title="Le cluster")
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale, enabled=True
    )
    segment = translation.source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string, context=segment.context, locale=page.locale, defaults={"data": NEW_TITLE}
    )
    return page


def public_title(page):
    html = BeautifulSoup(Client().get(page.url).content.decode(), "lxml")
    return html.find("h1").get_text(strip=True)


def as_user(user):
    client = CommittingClient()
    client.force_login(user)
    return client


def approve(client, page):
    task_state = Page.objects.get(pk=page.pk).current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def test_a_translators_publish_changes_nothing_public_until_a_coordinator_approves(translator, reviewer, french_about):
    before = public_title(french_about)
    edit_url = reverse("wagtailadmin_pages:edit", args=[french_about.pk])
    response = as_user(translator).post(edit_url, {"action": "publish"})
    assert response.status_code == 302

    page = Page.objects.get(pk=french_about.pk).specific
    assert page.title == french_about.title  # the live row is untouched
    assert public_title(page) == before != NEW_TITLE
    assert page.get_latest_revision_as_object().title == NEW_TITLE
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    approve(as_user(reviewer), page)
    page = Page.objects.get(pk=page.pk).specific
    assert page.live and page.title == NEW_TITLE
    assert public_title(page) == NEW_TITLE
    assert TranslationReview.objects.filter(page=page).latest().reviewed_by == reviewer


def test_a_translator_may_not_approve_their_own_translation(translator, french_about):
    client = as_user(translator)
    client.post(reverse("wagtailadmin_pages:edit", args=[french_about.pk]), {"action": "submit"})
    approve(client, french_about)
    page = Page.objects.get(pk=french_about.pk).specific
    assert page.title != NEW_TITLE
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_rejected_translation_goes_back_to_review_when_sent_again(translator, reviewer, french_about):
    edit_url = reverse("wagtailadmin_pages:edit", args=[french_about.pk])
    as_user(translator).post(edit_url, {"action": "submit"})
    task_state = Page.objects.get(pk=french_about.pk).current_workflow_state.current_task_state
    as_user(reviewer).post(
        reverse("wagtailadmin_pages:workflow_action", args=[french_about.pk, "reject", task_state.pk]), {"comment": ""}
    )
    assert Page.objects.get(pk=french_about.pk).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    as_user(translator).post(edit_url, {"action": "submit"})
    state = Page.objects.get(pk=french_about.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.filter(object_id=str(french_about.pk)).count() == 1  # the same review, resumed


def test_the_translation_editor_offers_submit_for_review_to_those_who_may_not_publish(
    translator, reviewer, french_about
):
    url = reverse("wagtailadmin_pages:edit", args=[french_about.pk])
    marker = "data-editorial-submit-translation"
    assert marker in as_user(translator).get(url).content.decode()
    assert marker not in as_user(reviewer).get(url).content.decode()


def test_translating_a_page_leaves_the_coordinators_partners_alone(translator):
    dutch = Locale.objects.get(language_code="nl")
    partner = PartnerFactory(description="Written in English.")
    hand_written = translate(partner, "nl", description="Met de hand geschreven.")
    method = ToolPageFactory(partner=partner)

    url = reverse("wagtail_localize:submit_page_translation", args=[method.pk])
    as_user(translator).post(url, {"locales": [dutch.pk]})

    translated = method.get_translation(dutch)
    assert not translated.live
    assert translated.partner == hand_written
    hand_written.refresh_from_db()
    assert hand_written.description == "Met de hand geschreven."


def test_translating_a_page_does_not_create_the_partners_translation_either(translator, reviewer):
    dutch = Locale.objects.get(language_code="nl")
    method = ToolPageFactory(partner=PartnerFactory())  # neither translated into Dutch
    url = reverse("wagtail_localize:submit_page_translation", args=[method.pk])

    as_user(translator).post(url, {"locales": [dutch.pk]})
    assert method.get_translation(dutch)
    assert not Partner.objects.filter(translation_key=method.partner.translation_key, locale=dutch).exists()

    method.get_translation(dutch).delete()
    as_user(reviewer).post(url, {"locales": [dutch.pk]})
    assert Partner.objects.filter(translation_key=method.partner.translation_key, locale=dutch).exists()


def test_non_publishers_are_not_offered_convert_to_alias(translator, reviewer, french_about):
    url = reverse("wagtailadmin_pages:edit", args=[french_about.pk])
    # The translation editor replaces the page editor for a translation: stop it to see the page editor's menu.
    Translation.objects.filter(source__object_id=french_about.translation_key).update(enabled=False)
    assert "localize-convert-to-alias" not in as_user(translator).get(url).content.decode()
    assert "localize-convert-to-alias" in as_user(reviewer).get(url).content.decode()


@pytest.mark.parametrize("language", WRITTEN_TRANSLATIONS)
def test_readers_never_see_a_reviewers_username(client, language, reviewer):
    page = translate(StandardPageFactory(), language)
    nameless = UserFactory(username="ccoord42", role="coordinator")
    review = TranslationReview.objects.create(page=page, reviewed_by=nameless)
    text = BeautifulSoup(client.get(page.url).content.decode(), "lxml").find("aside", class_="provenance")
    text = text.get_text(" ", strip=True)
    assert "ccoord42" not in text
    with i18n.override(language):
        without_date = (gettext("Reviewed by a coordinator on %(date)s.") % {"date": ""}).rstrip(" .")
    assert without_date in text
    assert review.reviewer_name == ""

    TranslationReview.objects.create(page=page, reviewed_by=reviewer)
    assert "Clara Martin" in BeautifulSoup(client.get(page.url).content.decode(), "lxml").get_text()
