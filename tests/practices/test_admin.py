"""Editors can open and save a case study in the admin."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import CaseStudyPageFactory

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
