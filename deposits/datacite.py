"""DataCite metadata (Metadata Schema 4.x, its JSON form) for each depositable item.

Items: the publication, each film and the toolkit, each described once, from its
source page (the language it was written in), with the titles and descriptions of
every live translation. Until a DOI is recorded (models.Deposit, or the
publication's own DOI field) the identifier is the page's address; afterwards the
DOI. Example content (`is_example`, written to demonstrate the platform) is
offered but marked: its record carries a description saying so, its package a
warning, and the admin an "Example" tag; the toolkit is marked when any of its
methods is an example.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import strip_tags
from wagtail.models import Page

from core.licences import Licence, licence_url
from core.sources import source_page
from core.visibility import EVERY_LANGUAGE, visible
from films.models import FilmPage
from partners.models import Partner
from publications.models import PublicationPage
from toolkit.models import ToolkitIndexPage, ToolPage

from .models import Deposit

SCHEMA_VERSION = "http://datacite.org/schema/kernel-4"
CLUSTER_NAME = "STEPS – Soft skills Training Enabling Progression and Sustainability"
# The cluster's funding (reference facts: an Interreg IVA 2 Seas thematic cluster, ERDF).
FUNDER = {"funderName": "European Regional Development Fund, Interreg IVA 2 Seas programme"}
MIME_TYPES = {
    "pdf": "application/pdf",
    "epub": "application/epub+zip",
    "mp4": "video/mp4",
    "webm": "video/webm",
}


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def page_url(page):
    parts = page.get_url_parts()
    return base_url() + parts[2] if parts else base_url()


def is_example(page):
    return bool(getattr(page, "is_example", False))


EXAMPLE_NOTE = (
    "Example content: written to demonstrate the STEPS platform, not a record of real work or results. "
    "Do not deposit it as a result of the cluster."
)


def _public(queryset):
    return visible(queryset, EVERY_LANGUAGE)


@dataclass
class Item:
    """One depositable item; `key` names it in addresses and file names."""

    kind: str  # "publication", "film" or "toolkit"
    page: Page  # the source page, specific

    @property
    def key(self):
        return f"{self.kind}-{self.page.pk}"

    @property
    def title(self):
        return self.page.title

    @property
    def is_example(self):
        if self.kind == "toolkit":
            return any(is_example(method) for method in toolkit_methods(self.page))
        return is_example(self.page)

    @property
    def deposit(self):
        return Deposit.objects.filter(page_id=self.page.pk).first()

    @property
    def doi(self):
        recorded = self.deposit
        return (recorded.doi if recorded else "") or getattr(self.page, "doi", "") or ""


def _sources(model):
    """The source page of each live translation set of `model`, examples left out."""
    found = {}
    for page in _public(model.objects.all()).order_by("path"):
        if page.translation_key not in found:
            found[page.translation_key] = source_page(page)
    return [page for page in found.values() if page.live]


def items():
    found = [Item("publication", page) for page in _sources(PublicationPage)]
    found += [Item("film", page) for page in _sources(FilmPage)]
    found += [Item("toolkit", page) for page in _sources(ToolkitIndexPage)[:1]]
    return found


def item(key):
    return next((each for each in items() if each.key == key), None)


# Parts of the record --------------------------------------------------------------


def _translations(page):
    return [page, *_public(page.get_translations()).specific().select_related("locale").order_by("locale__pk")]


def _titles(page):
    return [{"title": each.title, "lang": each.locale.language_code} for each in _translations(page)]


def _plain(text):
    return re.sub(r"\s+", " ", strip_tags(str(text or ""))).strip()


def _descriptions(page, field):
    descriptions = []
    for each in _translations(page):
        text = _plain(getattr(each, field, "")) or _plain(each.intro)
        if text:
            descriptions.append({"description": text, "descriptionType": "Abstract", "lang": each.locale.language_code})
    return descriptions


def _rights(licences):
    rights = []
    for value in dict.fromkeys(licences):
        entry = {"rights": str(Licence(value).label) if value in Licence.values else value, "lang": "en"}
        if licence_url(value):
            entry |= {
                "rightsUri": licence_url(value),
                "rightsIdentifier": value,
                "rightsIdentifierScheme": "SPDX",
                "schemeUri": "https://spdx.org/licenses/",
            }
        rights.append(entry)
    return rights


def _cluster_creator():
    return {"name": CLUSTER_NAME, "nameType": "Organizational"}


def _partners():
    """The cluster's partners (in the default language) as contributors: the lead as project leader."""
    partners = Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("sort_order", "name")
    return [
        {
            "name": partner.name,
            "nameType": "Organizational",
            "contributorType": "ProjectLeader" if partner.is_lead else "ProjectMember",
        }
        for partner in partners
    ]


def _subjects(page):
    if not hasattr(page, "competences"):
        return []
    return [
        {"subject": competence.name, "subjectScheme": competence.framework.code, "lang": page.locale.language_code}
        for competence in page.competences.select_related("framework").order_by("pk")
    ]


def _identifiers(item):
    identifiers = []
    if item.doi:
        identifiers.append({"identifier": item.doi, "identifierType": "DOI"})
    identifiers.append({"identifier": page_url(item.page), "identifierType": "URL"})
    return identifiers


def _year(page):
    moment = page.first_published_at or page.last_published_at
    return str(moment.year) if moment else ""


def _record(item, **parts):
    record = {
        "identifiers": _identifiers(item),
        "titles": _titles(item.page),
        "publisher": "STEPS",
        "schemaVersion": SCHEMA_VERSION,
        "language": item.page.locale.language_code,
        "fundingReferences": [FUNDER],
        "contributors": _partners(),
    }
    record |= {name: value for name, value in parts.items() if value not in (None, "", [])}
    if item.is_example:
        note = {"description": EXAMPLE_NOTE, "descriptionType": "Other", "lang": "en"}
        record["descriptions"] = [note, *record.get("descriptions", [])]
    return record


def _publication(item):
    page = item.page
    creators = [
        {
            "name": f"{person.family_name}, {person.given_names}"
            if person.is_person and person.given_names
            else person.name,
            "nameType": "Personal" if person.is_person else "Organizational",
            **({"givenName": person.given_names, "familyName": person.family_name} if person.is_person else {}),
            **({"affiliation": [{"name": person.affiliation}]} if person.affiliation else {}),
        }
        for person in page.creators
    ] or [{"name": page.publisher, "nameType": "Organizational"}]
    editions = page.edition_list
    return _record(
        item,
        creators=creators,
        publisher=page.publisher or "STEPS",
        publicationYear=str(page.publication_date.year),
        types={"resourceTypeGeneral": "Text", "resourceType": "Publication"},
        dates=[{"date": page.publication_date.isoformat(), "dateType": "Issued"}],
        descriptions=_descriptions(page, "abstract"),
        subjects=_subjects(page),
        rightsList=_rights([page.licence]),
        formats=sorted({MIME_TYPES.get(edition.format, edition.format) for edition in editions}),
        sizes=[
            f"{edition.file_size} bytes ({edition.language}, {edition.format})"
            for edition in editions
            if edition.file_size
        ],
        alternateIdentifiers=[
            {"alternateIdentifier": edition.isbn, "alternateIdentifierType": "ISBN"}
            for edition in editions
            if edition.isbn
        ],
    )


def _film(item):
    page = item.page
    formats = []
    if page.video_id:
        extension = page.video.file_extension.lower()
        formats.append(MIME_TYPES.get(extension, f"video/{extension}"))
    if page.cues:
        formats.append("text/vtt")
    record = _record(
        item,
        creators=[_cluster_creator()],
        publicationYear=_year(page),
        types={"resourceTypeGeneral": "Audiovisual", "resourceType": "Film"},
        descriptions=_descriptions(page, "synopsis"),
        subjects=_subjects(page),
        rightsList=_rights([getattr(page, "licence", "") or Licence.CC_BY]),
        formats=formats,
        sizes=[f"{page.duration} seconds"] if page.duration else [],
    )
    if page.spoken_language and page.spoken_language != "zxx":
        record["language"] = page.spoken_language
    return record


def toolkit_methods(page):
    """The toolkit's live methods in its language."""
    methods = _public(ToolPage.objects.child_of(page)).order_by("path")
    return list(methods)


def _toolkit(item):
    page = item.page
    methods = toolkit_methods(page)
    latest = max((method.last_published_at for method in methods if method.last_published_at), default=None)
    return _record(
        item,
        creators=[_cluster_creator()],
        publicationYear=str(latest.year) if latest else _year(page),
        types={"resourceTypeGeneral": "Collection", "resourceType": "Toolkit of training methods"},
        descriptions=_descriptions(page, "intro"),
        rightsList=_rights([method.licence for method in methods] or [Licence.CC_BY]),
        formats=["text/csv", "application/json"],
        sizes=[f"{len(methods)} methods"],
        relatedIdentifiers=[
            {"relatedIdentifier": page_url(method), "relatedIdentifierType": "URL", "relationType": "HasPart"}
            for method in methods
        ],
    )


BUILDERS = {"publication": _publication, "film": _film, "toolkit": _toolkit}


def metadata(item):
    """The item's DataCite record, as a dict ready for JSON."""
    return BUILDERS[item.kind](item)
