"""The ready-to-upload package of an item: one zip with its metadata and its files.

    datacite.json           the item's DataCite record (datacite.py)
    README.txt              what the package holds, its licence, how to deposit it
    files/…                 the publication's editions; the film's video, poster and
                            captions (WebVTT, one per language); the toolkit's methods
                            as CSV and JSON, one pair per language

The zip is written to a temporary file (films are large), never held in memory.
The toolkit's files are the site's open data (syndication/opendata.py). The
README of an example item (or of a toolkit with example methods) opens with a
warning.
"""

import json
import tempfile
import zipfile

from django.template.loader import render_to_string
from django.utils import translation

from core import csv_export
from films.captions import to_webvtt
from syndication import opendata

from . import datacite


def _add_document(archive, document, name):
    if document is None:
        return None
    with document.file.open("rb") as source, archive.open(name, "w", force_zip64=True) as target:
        while chunk := source.read(1024 * 1024):
            target.write(chunk)
    return name


def _publication_files(archive, item, request):
    page = item.page
    names = []
    for edition in page.edition_list:
        extension = edition.document.file_extension.lower() or edition.format
        names.append(
            _add_document(archive, edition.document, f"files/{page.download_base_name}-{edition.language}.{extension}")
        )
    return names


def _film_files(archive, item, request):
    page = item.page
    names = []
    if page.video_id:
        names.append(_add_document(archive, page.video, f"files/{page.slug}.{page.video.file_extension.lower()}"))
    if page.poster_id:
        with page.poster.file.open("rb") as poster:
            name = f"files/{page.slug}-poster.{page.poster.file.name.rsplit('.', 1)[-1].lower()}"
            archive.writestr(name, poster.read())
            names.append(name)
    for each in datacite._translations(page):
        if each.cues:
            name = f"files/{page.slug}-captions-{each.locale.language_code}.vtt"
            archive.writestr(name, to_webvtt(each.cues))
            names.append(name)
    return names


def methods_data(language, request):
    """The toolkit's open data in `language` (the JSON document, with its example flags)."""
    with translation.override(language):
        return json.loads(opendata.download_json(request, "methods").content)


def _methods_csv(document):
    stream = csv_export.Echo()
    writer = csv_export.writer(stream)
    lines = ["\ufeff" + writer.writerow(document["columns"])]
    for each in document["items"]:
        lines.append(writer.writerow([opendata.csv_cell(each.get(name)) for name in document["columns"]]))
    return "".join(lines)


def _toolkit_files(archive, item, request):
    names = []
    for each in datacite._translations(item.page):
        language = each.locale.language_code
        document = methods_data(language, request)
        for extension, content in (
            ("json", json.dumps(document, ensure_ascii=False, indent=1)),
            ("csv", _methods_csv(document)),
        ):
            name = f"files/steps-methods-{language}.{extension}"
            archive.writestr(name, content)
            names.append(name)
    return names


FILES = {"publication": _publication_files, "film": _film_files, "toolkit": _toolkit_files}


def build(item, request):
    """A temporary file (open, at its start) holding the item's package zip."""
    record = datacite.metadata(item)
    package = tempfile.TemporaryFile()  # noqa: SIM115 - returned open: the FileResponse closes it
    with zipfile.ZipFile(package, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datacite.json", json.dumps(record, ensure_ascii=False, indent=2))
        names = [name for name in FILES[item.kind](archive, item, request) if name]
        readme = render_to_string(
            "deposits/package_readme.txt",
            {
                "item": item,
                "record": record,
                "files": names,
                "url": datacite.page_url(item.page),
                "example_note": datacite.EXAMPLE_NOTE,
            },
        )
        archive.writestr("README.txt", readme)
    package.seek(0)
    return package
