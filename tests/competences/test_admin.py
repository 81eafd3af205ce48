"""The framework is edited in the Wagtail admin as a snippet group."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from modelcluster.fields import ParentalManyToManyField
from wagtail_localize.fields import SynchronizedField

from competences.fields import CompetencesMixin, competences_field
from competences.models import Alignment, Framework, FrameworkItem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Framework, FrameworkItem, Alignment])
def test_snippet_listings_and_edit_forms_open(admin_client, model):
    opts = model._meta
    listing = admin_client.get(reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:list"))
    assert listing.status_code == 200
    obj = model.objects.first()
    edit = admin_client.get(reverse(f"wagtailsnippets_{opts.app_label}_{opts.model_name}:edit", args=[obj.pk]))
    assert edit.status_code == 200


def test_item_listing_filters_by_level(admin_client):
    url = reverse("wagtailsnippets_competences_frameworkitem:list")
    response = admin_client.get(url, {"level": "competence", "locale": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Collaboration" in html and "Co-operative skills" not in html


def test_alignment_rejects_items_of_the_same_framework():
    s2, s3 = (
        FrameworkItem.objects.get(locale__language_code="en", framework__code="LifeComp", code=code)
        for code in ("S2", "S3")
    )
    with pytest.raises(ValidationError):
        Alignment(source=s2, target=s3).full_clean()


def test_item_parent_must_be_in_the_same_framework():
    item = FrameworkItem.objects.get(locale__language_code="en", framework__code="LifeComp", code="S3")
    item.parent = FrameworkItem.objects.get(locale__language_code="en", framework__code="SPOCC", code="S")
    with pytest.raises(ValidationError):
        item.full_clean()


def test_page_link_field_is_synchronised_for_wagtail_localize():
    field = competences_field()
    assert isinstance(field, ParentalManyToManyField)
    assert CompetencesMixin._meta.abstract
    assert SynchronizedField("competences", overridable=False) in CompetencesMixin.competence_fields
