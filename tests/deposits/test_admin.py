"""Coordinators alone open the deposits, download them and record DOIs."""

import pytest
from django.urls import reverse

from deposits.models import Deposit
from tests.editorial.factories import person_in

pytestmark = pytest.mark.django_db


def test_the_report_lists_every_item_with_its_downloads(coordinator_client, items):
    response = coordinator_client.get(reverse("deposits_index"))
    assert response.status_code == 200
    for item in items.values():
        assert reverse("deposits_package", args=[item.key]) in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "editor-en", "translator"])
def test_nobody_else_reaches_them(client, items, role):
    person = person_in(role)
    if person:
        client.force_login(person)
    item = items["publication"]
    for url in (
        reverse("deposits_index"),
        reverse("deposits_metadata", args=[item.key]),
        reverse("deposits_package", args=[item.key]),
        reverse("deposits_export", args=["keep-eu"]),
        reverse("deposits_record", args=[item.key]),
    ):
        assert client.get(url).status_code in (302, 403), url
    client.post(reverse("deposits_record", args=[item.key]), {"doi": "10.5281/zenodo.9"})
    assert not Deposit.objects.exists()


def test_recording_a_doi_checks_it(coordinator_client, items):
    film = items["film"]
    url = reverse("deposits_record", args=[film.key])
    assert coordinator_client.get(url).status_code == 200

    refused = coordinator_client.post(url, {"doi": "https://doi.org/10.5281/zenodo.1", "record_url": ""})
    assert refused.status_code == 400 and not Deposit.objects.exists()

    saved = coordinator_client.post(
        url, {"doi": "10.5281/zenodo.7", "record_url": "https://zenodo.org/records/7", "deposited_on": "2026-12-01"}
    )
    assert saved.status_code == 302
    deposit = Deposit.objects.get(page_id=film.page.pk)
    assert (deposit.doi, deposit.record_url) == ("10.5281/zenodo.7", "https://zenodo.org/records/7")
    assert coordinator_client.get(reverse("deposits_metadata", args=[film.key])).json()["identifiers"][0] == {
        "identifier": "10.5281/zenodo.7",
        "identifierType": "DOI",
    }


def test_an_unknown_item_is_not_found(coordinator_client):
    assert coordinator_client.get(reverse("deposits_metadata", args=["film-0"])).status_code == 404
