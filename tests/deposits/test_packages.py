"""Each item's package: its DataCite record, a README and its files, ready to upload."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from tests.languages import WRITTEN

pytestmark = pytest.mark.django_db


def package(client, item):
    response = client.get(reverse("deposits_package", args=[item.key]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert f"steps-{item.key}.zip" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_publications_package_holds_its_record_and_every_edition(coordinator_client, items):
    publication = items["publication"]
    archive = package(coordinator_client, publication)
    names = archive.namelist()

    assert json.loads(archive.read("datacite.json"))["titles"][0]["title"] == publication.title
    readme = archive.read("README.txt").decode()
    assert publication.title in readme and "Zenodo" in readme
    editions = publication.page.edition_list
    assert editions
    for edition in editions:
        name = next(name for name in names if name.startswith("files/") and f"-{edition.language}." in name)
        with edition.document.file.open("rb") as original:
            assert archive.read(name) == original.read()
        assert name in readme


def test_a_films_package_holds_its_captions_in_every_language(coordinator_client, items):
    film = items["film"]
    names = package(coordinator_client, film).namelist()
    captions = sorted(name for name in names if name.endswith(".vtt"))
    assert captions and all(name.startswith(f"files/{film.page.slug}-captions-") for name in captions)


def test_the_toolkits_package_holds_the_methods_as_csv_and_json_per_language(coordinator_client, items):
    archive = package(coordinator_client, items["toolkit"])
    for language in WRITTEN:
        document = json.loads(archive.read(f"files/steps-methods-{language}.json"))
        assert document["language"] == language and document["count"] == len(document["items"]) > 0
        csv_text = archive.read(f"files/steps-methods-{language}.csv").decode("utf-8-sig")
        assert csv_text.splitlines()[0].startswith("url,translation_key,language,title")
        assert len(csv_text.splitlines()) > document["count"]  # a row per method (some cells span lines)


def test_the_readme_of_an_example_opens_with_a_warning(coordinator_client, items):
    from deposits import datacite
    from films.models import FilmPage

    film = items["film"]
    FilmPage.objects.filter(translation_key=film.page.translation_key).update(is_example=True)
    assert package(coordinator_client, film).read("README.txt").decode().startswith("*** EXAMPLE CONTENT ***")
    FilmPage.objects.update(is_example=False)
    readme = package(coordinator_client, datacite.item(film.key)).read("README.txt").decode()
    assert "EXAMPLE" not in readme
