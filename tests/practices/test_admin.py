"""Editors can open and save a case study in the admin; its related methods are methods
and its related films films."""

from html import unescape

import pytest
from django.core.exceptions import ValidationError

from films.models import FilmPage
from practices.models import CaseStudyPage
from tests.factories import CaseStudyPageFactory
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pass")
    client.force_login(user)
    return client


def test_edit_form_offers_allow_lists_as_checkboxes(admin_client):
    page = CaseStudyPageFactory()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="target_groups" value="criminal-record"' in html
    assert 'name="outcome_types" value="self-employment"' in html
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=None)
    assert list(form.fields["target_groups"].choices)[0][0] == "young-people"


def test_unknown_codes_are_rejected():
    page = CaseStudyPageFactory()
    page.target_groups = ["young-people", "aliens"]
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "target_groups" in error.value.message_dict


def chooser(field_name):
    return CaseStudyPage._meta.get_field(field_name).stream_block.child_blocks["page"]


@pytest.mark.parametrize(("field_name", "model"), [("related_methods", ToolPage), ("related_films", FilmPage)])
def test_related_page_choosers_offer_one_type(admin_client, field_name, model):
    assert chooser(field_name).target_model is model
    page = CaseStudyPageFactory()
    html = unescape(admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    assert f'"modelNames": ["{model._meta.label_lower}"]' in html


@pytest.mark.parametrize(
    ("field_name", "right", "wrong"),
    [("related_methods", ToolPage, FilmPage), ("related_films", FilmPage, ToolPage)],
)
def test_a_related_page_of_another_type_is_refused(field_name, right, wrong):
    block = chooser(field_name)
    chosen = right.objects.first()
    assert block.clean(chosen).pk == chosen.pk
    with pytest.raises(ValidationError):
        block.clean(wrong.objects.first())
