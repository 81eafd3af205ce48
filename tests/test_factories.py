"""The shared test factories build valid, published content in the language asked for."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

PAGE_FACTORIES = [
    factories.StandardPageFactory,
    factories.ToolPageFactory,
    factories.CaseStudyPageFactory,
    factories.FilmPageFactory,
    factories.EventPageFactory,
    factories.PublicationPageFactory,
    factories.AchievementPageFactory,
    factories.QuestionnairePageFactory,
    factories.CoursePageFactory,
]


@pytest.mark.parametrize("page_factory", PAGE_FACTORIES, ids=lambda f: f._meta.model.__name__)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_page_factory_publishes_a_page_that_renders(client, page_factory, language):
    page = page_factory(language=language)
    assert page.live and page.live_revision_id and page.first_published_at
    assert page.locale.language_code == language
    assert not getattr(page, "is_example", False), "factory content is a record, not an example"
    assert client.get(page.url).status_code == 200


def test_a_draft_is_never_published(client):
    page = factories.ToolPageFactory(live=False)
    assert not page.live and page.first_published_at is None
    assert client.get(page.url).status_code == 404


def test_a_translation_is_a_live_synced_page_under_the_translated_index(client):
    method = factories.ToolPageFactory(title="Tower challenge", summary="Build a tower.", duration_minutes=45)
    french = factories.translate(method, "fr", title="Le défi de la tour", summary="Construire une tour.")
    assert french.live and french.translation_key == method.translation_key
    assert french.get_parent().pk == factories.index_page("toolkit.ToolkitIndexPage", "fr").pk
    assert (french.title, french.summary, french.duration_minutes) == ("Le défi de la tour", "Construire une tour.", 45)
    assert "Le défi de la tour" in client.get(french.url).content.decode()


def test_snippets_and_registrations():
    project = factories.ProjectFactory()
    partner = factories.PartnerFactory(project=project)
    translate = factories.translate
    dutch = translate(partner, "nl", name="Werkwinkel") if translate(project, "nl") else None
    assert (dutch.locale.language_code, dutch.name, dutch.project.locale.language_code) == ("nl", "Werkwinkel", "nl")
    item = factories.FrameworkItemFactory()
    assert item.framework.locale_id == item.locale_id
    event = factories.EventPageFactory(capacity=3)
    registration = factories.RegistrationFactory(event=event)
    assert registration.roster.translation_key == event.translation_key
    assert registration.status == "confirmed"
