"""The publication as a schema.org Book, with one workExample per edition."""

from django.conf import settings

from core.structured_data import absolute_url, page_url

from .doi import url as doi_url
from .isbn import to_isbn13


def _person(contributor):
    kind = "Person" if contributor.is_person else "Organization"
    data = {"@type": kind, "name": contributor.name}
    if contributor.is_person:
        if contributor.given_names:
            data["givenName"] = contributor.given_names
        data["familyName"] = contributor.family_name
    if contributor.affiliation:
        data["affiliation"] = {"@type": "Organization", "name": contributor.affiliation}
    return data


def book(page, request):
    url = page_url(page, request)
    data = {
        "@context": "https://schema.org",
        "@type": "Book",
        "@id": url + "#publication",
        "name": page.title,
        "url": url,
        "inLanguage": page.locale.language_code,
        "datePublished": page.publication_date.isoformat(),
        "publisher": {"@type": "Organization", "name": page.publisher},
        "abstract": " ".join(page.abstract_paragraphs),
    }
    if page.authors:
        data["author"] = [_person(person) for person in page.authors]
    if page.editors:
        data["editor"] = [_person(person) for person in page.editors]
    if page.licence_url:
        data["license"] = page.licence_url
    if page.cited_doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": page.cited_doi}
        data["sameAs"] = doi_url(page.cited_doi)
    if page.cover_image:
        rendition = page.cover_image.get_rendition("width-800")
        data["image"] = absolute_url(request, rendition.url)
    examples = []
    for edition in page.edition_list:
        example = {
            "@type": "Book",
            "name": page.title,
            "bookFormat": "https://schema.org/EBook",
            "encodingFormat": edition.content_type,
            "inLanguage": edition.language,
            "url": absolute_url(request, page.download_path(edition.language)),
        }
        if page.cited_isbn(edition.isbn):
            example["isbn"] = to_isbn13(edition.isbn)
        if edition.page_count:
            example["numberOfPages"] = edition.page_count
        examples.append(example)
    stock = page.stock
    if stock is not None:
        left = stock.left
        printed_edition = page.printed_edition
        printed = {
            "@type": "Book",
            "name": page.title,
            "bookFormat": "https://schema.org/Paperback",
            "inLanguage": printed_edition["print_language"] or settings.LANGUAGE_CODE,
            "offers": {
                "@type": "Offer",
                "price": "0",
                "priceCurrency": "EUR",
                "url": url + "#request-copies",
                "availability": "https://schema.org/InStock" if left > 0 else "https://schema.org/OutOfStock",
                "inventoryLevel": {"@type": "QuantitativeValue", "value": left},
            },
        }
        if page.cited_isbn(printed_edition["print_isbn"]):
            printed["isbn"] = to_isbn13(printed_edition["print_isbn"])
        examples.append(printed)
    if examples:
        data["workExample"] = examples
    return data
