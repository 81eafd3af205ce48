"""Open data: the framework as CSV (export and import) and as SKOS in JSON-LD.

One CSV row per item, with its names and descriptions in every language:

    framework, code, level, parent_code, name_en, name_fr, name_nl,
    description_en, description_fr, description_nl, uri, is_example

Parents come before their children; the sort order follows the file order.
The file is written by core.csv_export, which quotes cells a spreadsheet would run
as formulas; the import reads them back unquoted.
"""

import csv
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from core import csv_export

from .models import Alignment, Framework, FrameworkItem, code_validator
from .queries import build_tree

TRUE_VALUES = {"1", "true", "yes", "y"}
# Licences written as names in the admin, published as URIs in the open data.
LICENCE_URIS = {"CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/"}
FALSE_VALUES = {"", "0", "false", "no", "n"}


def language_codes():
    """The default language first, then the others, as configured for content."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return [settings.LANGUAGE_CODE] + [code for code in codes if code != settings.LANGUAGE_CODE]


def csv_columns():
    languages = language_codes()
    return [
        "framework",
        "code",
        "level",
        "parent_code",
        *(f"name_{code}" for code in languages),
        *(f"description_{code}" for code in languages),
        "uri",
        "is_example",
    ]


# Reading ----------------------------------------------------------------------


@dataclass
class FrameworkFamily:
    """A framework and its items in every language, loaded with three queries."""

    framework: Framework
    frameworks: dict  # language code -> Framework
    items: list  # default-language items, parents before children
    texts: dict = field(default_factory=dict)  # (translation_key, language code) -> FrameworkItem

    def text(self, item, code, attribute):
        translated = self.texts.get((item.translation_key, code))
        return getattr(translated, attribute) if translated is not None else ""


def load_family(framework):
    """`framework` must be in the default language."""
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    frameworks = {codes[fw.locale_id]: fw for fw in Framework.objects.filter(translation_key=framework.translation_key)}
    everything = list(
        FrameworkItem.objects.filter(framework__translation_key=framework.translation_key).order_by(
            "sort_order", "code"
        )
    )
    default_items = [item for item in everything if item.locale_id == framework.locale_id]
    by_pk = {item.pk: item for item in default_items}
    for item in default_items:
        item.parent_item = by_pk.get(item.parent_id)
    return FrameworkFamily(
        framework=framework,
        frameworks=frameworks,
        items=list(_depth_first(build_tree(default_items))),
        texts={(item.translation_key, codes[item.locale_id]): item for item in everything},
    )


def _depth_first(nodes):
    for node in nodes:
        yield node
        yield from _depth_first(node.tree_children)


def write_csv(framework, stream):
    family = load_family(framework)
    languages = language_codes()
    writer = csv_export.writer(stream)
    writer.writerow(csv_columns())
    for item in family.items:
        writer.writerow(
            [
                framework.code,
                item.code,
                item.level,
                item.parent_item.code if item.parent_item else "",
                *(family.text(item, code, "name") for code in languages),
                *(family.text(item, code, "description") for code in languages),
                item.uri,
                "true" if item.is_example else "false",
            ]
        )


def item_uri(request, framework_code, item_code):
    """The stable identifier of an item on this site: its English page."""
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(reverse("competences:item", args=[framework_code, item_code]))


def scheme_uri(request, framework_code):
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(reverse("competences:framework", args=[framework_code]))


def _labels(values):
    return [{"@value": value, "@language": code} for code, value in values if value]


def skos_document(framework, request):
    """The framework as a SKOS ConceptScheme in JSON-LD."""
    family = load_family(framework)
    languages = language_codes()
    scheme = scheme_uri(request, framework.code)
    matches = {}
    # Only the links a coordinator confirmed are published as mappings; proposed ones are not.
    alignments = Alignment.objects.filter(
        Q(source__framework=framework) | Q(target__framework=framework), approved=True
    ).select_related("source__framework", "target__framework")
    for alignment in alignments:
        for mine, other in ((alignment.source, alignment.target), (alignment.target, alignment.source)):
            if mine.framework_id == framework.pk:
                uri = item_uri(request, other.framework.code, other.code)
                matches.setdefault((mine.pk, alignment.skos_property), []).append({"@id": uri})

    concepts = []
    for item in family.items:
        concept = {
            "@id": item_uri(request, framework.code, item.code),
            "@type": "skos:Concept",
            "skos:inScheme": {"@id": scheme},
            "skos:notation": item.code,
            "skos:prefLabel": _labels((code, family.text(item, code, "name")) for code in languages),
            "dct:type": item.level,
        }
        definitions = _labels((code, family.text(item, code, "description")) for code in languages)
        if definitions:
            concept["skos:definition"] = definitions
        if item.parent_item is None:
            concept["skos:topConceptOf"] = {"@id": scheme}
        else:
            concept["skos:broader"] = {"@id": item_uri(request, framework.code, item.parent_item.code)}
        if item.tree_children:
            concept["skos:narrower"] = [
                {"@id": item_uri(request, framework.code, child.code)} for child in item.tree_children
            ]
        for prop in Alignment.SKOS_PROPERTIES.values():
            if (item.pk, prop) in matches:
                concept[prop] = matches[(item.pk, prop)]
        if item.uri:
            concept.setdefault("skos:exactMatch", []).append({"@id": item.uri})
        if item.is_example:
            concept["skos:editorialNote"] = "Example written for illustration; not part of the published framework."
        concepts.append(concept)

    concept_scheme = {
        "@id": scheme,
        "@type": "skos:ConceptScheme",
        "skos:notation": framework.code,
        "skos:prefLabel": _labels((code, getattr(family.frameworks.get(code), "name", "")) for code in languages),
        "skos:hasTopConcept": [
            {"@id": item_uri(request, framework.code, i.code)} for i in family.items if not i.parent_id
        ],
    }
    descriptions = _labels((code, getattr(family.frameworks.get(code), "description", "")) for code in languages)
    if descriptions:
        concept_scheme["dct:description"] = descriptions
    if framework.licence:
        licence = LICENCE_URIS.get(framework.licence)
        concept_scheme["dct:license"] = {"@id": licence} if licence else framework.licence
    if framework.website:
        concept_scheme["foaf:homepage"] = {"@id": framework.website}
    return {
        "@context": {
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@graph": [concept_scheme, *concepts],
    }


# Importing --------------------------------------------------------------------


class FrameworkImportError(Exception):
    def __init__(self, row, reason):
        self.row = row
        self.reason = reason
        super().__init__(f"Row {row}: {reason}")


@dataclass
class ParsedRow:
    number: int
    framework: Framework
    code: str
    level: str
    parent_code: str
    names: dict
    descriptions: dict
    uri: str
    is_example: bool


class _Validator:
    """Checks every row before anything is written, so a bad file imports nothing."""

    def __init__(self):
        self.languages = language_codes()
        self.default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.frameworks = {}
        self.seen = set()  # (framework code, item code) defined earlier in the file
        self.url_validator = URLValidator()

    def framework(self, number, code):
        if code not in self.frameworks:
            framework = Framework.objects.filter(locale=self.default_locale, code=code).first()
            if framework is None:
                raise FrameworkImportError(number, f"unknown framework {code!r}")
            translated = set(
                Framework.objects.filter(translation_key=framework.translation_key).values_list(
                    "locale__language_code", flat=True
                )
            )
            missing = [lang for lang in self.languages if lang not in translated]
            if missing:
                raise FrameworkImportError(
                    number, f"framework {code!r} has no {', '.join(missing)} translation; translate it first"
                )
            self.frameworks[code] = framework
        return self.frameworks[code]

    def parse(self, number, row):
        # Cells the export quoted so that spreadsheets do not run them ("'-…") are read back as written.
        values = {key: csv_export.restore(value or "").strip() for key, value in row.items() if key is not None}
        if None in row:
            raise FrameworkImportError(number, "more cells than columns")
        framework_code = values.get("framework", "")
        if not framework_code:
            raise FrameworkImportError(number, "missing framework")
        framework = self.framework(number, framework_code)
        code = values.get("code", "")
        if not code:
            raise FrameworkImportError(number, "missing code")
        try:
            code_validator(code)
        except ValidationError:
            raise FrameworkImportError(number, f"invalid code {code!r} (letters, digits, . - _ only)") from None
        if len(code) > FrameworkItem._meta.get_field("code").max_length:
            raise FrameworkImportError(number, f"code {code!r} is too long")
        if (framework_code, code) in self.seen:
            raise FrameworkImportError(number, f"code {code!r} appears twice in the file")
        level = values.get("level", "")
        if level not in FrameworkItem.Level.values:
            raise FrameworkImportError(
                number, f"unknown level {level!r} (expected one of {', '.join(FrameworkItem.Level.values)})"
            )
        names = {lang: values.get(f"name_{lang}", "") for lang in self.languages}
        for lang, name in names.items():
            if not name:
                raise FrameworkImportError(number, f"missing name_{lang}")
            if len(name) > FrameworkItem._meta.get_field("name").max_length:
                raise FrameworkImportError(number, f"name_{lang} is too long")
        descriptions = {lang: values.get(f"description_{lang}", "") for lang in self.languages}
        # A translation must have the same text fields as its source.
        if any(descriptions.values()) and not all(descriptions.values()):
            empty = [f"description_{lang}" for lang, text in descriptions.items() if not text]
            raise FrameworkImportError(
                number, f"missing {', '.join(empty)} (descriptions go in every language or none)"
            )
        parent_code = values.get("parent_code", "")
        if parent_code:
            if parent_code == code:
                raise FrameworkImportError(number, "an item cannot be its own parent")
            known = (framework_code, parent_code) in self.seen or FrameworkItem.objects.filter(
                framework=framework, code=parent_code
            ).exists()
            if not known:
                raise FrameworkImportError(number, f"unknown parent {parent_code!r} (parents must come first)")
        uri = values.get("uri", "")
        if uri:
            try:
                self.url_validator(uri)
            except ValidationError:
                raise FrameworkImportError(number, f"invalid uri {uri!r}") from None
        flag = values.get("is_example", "").lower()
        if flag not in TRUE_VALUES | FALSE_VALUES:
            raise FrameworkImportError(number, f"is_example must be true or false, not {flag!r}")
        self.seen.add((framework_code, code))
        return ParsedRow(number, framework, code, level, parent_code, names, descriptions, uri, flag in TRUE_VALUES)


def import_csv(stream):
    """Import items from a CSV file in one transaction; returns (created, updated).

    Raises FrameworkImportError naming the first bad row (the header is row 1);
    nothing is imported then.
    """
    from demo.translate import translate

    reader = csv.DictReader(stream)
    missing = [column for column in csv_columns() if column not in (reader.fieldnames or [])]
    if missing:
        raise FrameworkImportError(1, f"missing columns: {', '.join(missing)}")
    validator = _Validator()
    rows = [validator.parse(number, row) for number, row in enumerate(reader, start=2)]
    locales = {code: Locale.objects.get(language_code=code) for code in validator.languages}
    default = settings.LANGUAGE_CODE
    created = updated = 0
    with transaction.atomic():
        siblings = {}
        for row in rows:
            parent = (
                FrameworkItem.objects.get(framework=row.framework, code=row.parent_code) if row.parent_code else None
            )
            sort_key = (row.framework.pk, row.parent_code)
            siblings[sort_key] = siblings.get(sort_key, 0) + 1
            values = {
                "parent": parent,
                "level": row.level,
                "name": row.names[default],
                "description": row.descriptions[default],
                "uri": row.uri,
                "is_example": row.is_example,
                "sort_order": siblings[sort_key],
            }
            item, was_created = FrameworkItem.objects.update_or_create(
                framework=row.framework, code=row.code, locale=locales[default], defaults=values
            )
            created += was_created
            updated += not was_created
            # Real wagtail-localize translations, as an editor would make them.
            translate(
                item,
                {
                    locales[lang]: FrameworkItem(
                        locale=locales[lang],
                        framework=row.framework,
                        code=row.code,
                        name=row.names[lang],
                        description=row.descriptions[lang],
                    )
                    for lang in validator.languages
                    if lang != default
                },
            )
    return created, updated
