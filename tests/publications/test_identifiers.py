"""ISBN and DOI checking."""

import pytest
from django.core.exceptions import ValidationError

from publications import doi, isbn


@pytest.mark.parametrize(
    "value",
    [
        "978-94-99990-01-6",
        "9789499990016",
        "ISBN 978 94 99990 01 6",
        "ISBN: 978-0-306-40615-7",
        "0-306-40615-2",  # ISBN-10
        "0-8044-2957-X",  # ISBN-10 with an X check digit
        "080442957x",
        "979-10-90636-07-1",  # 979 prefix
    ],
)
def test_valid_isbns(value):
    assert isbn.is_valid(value)
    isbn.validate_isbn(value)


@pytest.mark.parametrize(
    "value",
    [
        "978-94-99990-01-7",  # wrong check digit
        "978-0-306-40615-8",
        "0-306-40615-3",
        "977-0-306-40615-7",  # not a book prefix
        "12345",
        "978030640615",  # 12 digits
        "97803064061577",  # 14 digits
        "X-306-40615-2",
        "abcdefghij",
    ],
)
def test_invalid_isbns(value):
    assert not isbn.is_valid(value)
    with pytest.raises(ValidationError):
        isbn.validate_isbn(value)


def test_empty_isbn_is_allowed_and_isbn10_converts():
    isbn.validate_isbn("")
    assert isbn.to_isbn13("0-306-40615-2") == "9780306406157"
    assert isbn.to_isbn13("978-94-99990-01-6") == "9789499990016"


@pytest.mark.parametrize("value", ["10.2760/302967", "10.1000/182", "10.12345.6/abc-(2015)_x"])
def test_valid_dois(value):
    assert doi.is_valid(value)
    doi.validate_doi(value)


@pytest.mark.parametrize(
    "value",
    [
        "https://doi.org/10.1000/182",
        "doi:10.1000/182",
        "10.12/abc",
        "11.1000/182",
        "10.1000/",
        "10.1000/a b",
        "10.5555/steps.2015.final",  # the test prefix: no real publication has it
    ],
)
def test_invalid_dois(value):
    with pytest.raises(ValidationError):
        doi.validate_doi(value)


def test_the_page_refuses_a_bad_doi_and_an_edition_a_bad_isbn(publications):
    page = publications["en"]
    page.doi = "doi:10.1000/182"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "doi" in error.value.message_dict
    edition = page.editions.first()
    edition.isbn = "978-94-99990-01-7"
    with pytest.raises(ValidationError) as error:
        edition.full_clean()
    assert "isbn" in error.value.message_dict
