"""The DataCite records validate against the DataCite JSON Schema (vendored from DataCite's repository)."""

import json
from pathlib import Path

import jsonschema
import pytest

from deposits import datacite
from deposits.models import Deposit

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(datacite.__file__).parent / "schema" / "datacite_4.3_schema.json").read_text())


def validate(record):
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(record), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(error.path)}: {error.message}" for error in errors)


def test_the_vendored_schema_is_datacites_4_3_json_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["title"] == "DataCite v4.3"
    assert SCHEMA["properties"]["schemaVersion"]["const"] == datacite.SCHEMA_VERSION


def test_the_publications_record_validates_and_describes_it_in_every_language(items):
    publication = items["publication"]
    record = datacite.metadata(publication)

    validate(record)
    assert record["types"] == {"resourceTypeGeneral": "Text", "resourceType": "Publication"}
    assert record["publicationYear"] == str(publication.page.publication_date.year)
    assert {title["lang"] for title in record["titles"]} == {"en", "fr", "nl"}
    assert {description["lang"] for description in record["descriptions"]} == {"en", "fr", "nl"}
    assert record["rightsList"][0]["rightsIdentifier"] == publication.page.licence
    assert record["fundingReferences"] == [datacite.FUNDER]
    assert any(contributor["contributorType"] == "ProjectLeader" for contributor in record["contributors"])
    assert "application/pdf" in record["formats"]


def test_every_film_and_the_toolkit_validate(items):
    for item in datacite.items():
        validate(datacite.metadata(item))
    toolkit = datacite.metadata(items["toolkit"])
    assert toolkit["types"]["resourceTypeGeneral"] == "Collection"
    assert toolkit["relatedIdentifiers"] and all(
        related["relationType"] == "HasPart" for related in toolkit["relatedIdentifiers"]
    )
    film = datacite.metadata(items["film"])
    assert film["types"] == {"resourceTypeGeneral": "Audiovisual", "resourceType": "Film"}


def test_every_item_is_listed_once_from_its_source_page(items):
    from films.models import FilmPage

    kinds = [item.kind for item in datacite.items()]
    films = FilmPage.objects.live().filter(alias_of__isnull=True).values("translation_key").distinct().count()
    assert kinds.count("publication") == 1 and kinds.count("toolkit") == 1 and kinds.count("film") == films


def test_a_recorded_doi_becomes_the_identifier(items):
    film = items["film"]
    assert [each["identifierType"] for each in datacite.metadata(film)["identifiers"]] == ["URL"]

    Deposit.objects.create(page_id=film.page.pk, doi="10.5281/zenodo.1234567")

    record = datacite.metadata(datacite.item(film.key))
    validate(record)
    assert record["identifiers"][0] == {"identifier": "10.5281/zenodo.1234567", "identifierType": "DOI"}


def test_example_content_is_offered_marked_as_an_example(items):
    from publications.models import PublicationPage
    from toolkit.models import ToolPage

    publication = items["publication"]
    PublicationPage.objects.filter(translation_key=publication.page.translation_key).update(is_example=True)
    marked = datacite.metadata(datacite.item(publication.key))
    validate(marked)
    assert marked["descriptions"][0] == {"description": datacite.EXAMPLE_NOTE, "descriptionType": "Other", "lang": "en"}

    PublicationPage.objects.update(is_example=False)
    assert datacite.EXAMPLE_NOTE not in str(datacite.metadata(datacite.item(publication.key)))

    toolkit = items["toolkit"]
    ToolPage.objects.update(is_example=False)
    assert not datacite.item(toolkit.key).is_example
    ToolPage.objects.filter(pk=datacite.toolkit_methods(toolkit.page)[0].pk).update(is_example=True)
    assert datacite.item(toolkit.key).is_example
    assert datacite.metadata(datacite.item(toolkit.key))["descriptions"][0]["description"] == datacite.EXAMPLE_NOTE
