"""Demo content: the film gallery and the ten films, with video, poster and captions.

Videos and posters are generated (films/demo/media.py) the first time and then
found again by title, so loading the demo twice neither duplicates nor encodes
anything. `--scale N` adds numbered copies of every film that reuse its files.
"""

from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from demo.context import load_yaml, written_languages
from demo.scaled import ScaledCopies
from films.captions import parse_timestamp
from films.models import FilmIndexPage, FilmPage

from . import media


def _content():
    return load_yaml("films", "films.yaml")


def _stored(obj):
    try:
        return bool(obj.file) and obj.file.storage.exists(obj.file.name)
    except (OSError, ValueError):
        return False


def _poster(title, subtitle, colour, slug):
    Image = get_image_model()
    image_title = f"Film poster: {title}"
    image = Image.objects.filter(title=image_title).first()
    if image is not None and _stored(image):
        return image
    png = media.poster_png(title, subtitle, colour)
    if image is None:
        image = Image(title=image_title)
    image.file = ImageFile(BytesIO(png), name=f"film-poster-{slug}.png")
    image._set_image_file_metadata()
    image.save()
    return image


def _video(title, cues, colour, seconds, slug):
    Document = get_document_model()
    document_title = f"Film: {title}"
    document = Document.objects.filter(title=document_title).first()
    if document is not None and _stored(document):
        return document
    scenes = tuple((cue["start"], cue["end"], cue["en"]) for cue in cues)
    data = media.film_webm(title, scenes, colour, seconds)
    if document is None:
        document = Document(title=document_title)
    document.file = ContentFile(data, name=f"film-{slug}.webm")
    document._set_document_file_metadata()
    document.save()
    return document


def _competences(references):
    from competences.models import FrameworkItem

    items = []
    for reference in references:
        framework_code, item_code = reference.split(" ", 1)
        item = FrameworkItem.objects.filter(
            locale__language_code="en", framework__code=framework_code, code=item_code
        ).first()
        if item is not None:
            items.append(item)
    return items


def _cues(entry):
    return [
        {**cue, "start": parse_timestamp(cue["start"]), "end": parse_timestamp(cue["end"])} for cue in entry["cues"]
    ]


def _values(entry, cues, number=None):
    """Per-language page values; a scaled copy gets a numbered title and slug."""
    values = {}
    for code in written_languages(entry):
        text = dict(entry[code])
        if number is not None:
            text["title"] = f"{text['title']} ({number})"
            text["slug"] = f"{text['slug']}-{number}"
        text["captions"] = [{"cue": {"start": cue["start"], "end": cue["end"], "text": cue[code]}} for cue in cues]
        values[code] = text
    return values


def _build_film(ctx, key, index, values, related, synced, competences):
    english = dict(values["en"])
    english["related_pages"] = [{"page": ref} for ref in related if ref in ctx.pages]
    page = ctx.upsert_page(key, FilmPage, index, english, **synced)
    wanted = {item.pk for item in competences}
    if set(page.competences.values_list("pk", flat=True)) != wanted:
        page.competences = list(competences)
        page.save_revision().publish()
        page.refresh_from_db()
    ctx.translate_page(key, page, {code: values[code] for code in ctx.written_in(values)})
    return page


def _project(ctx, acronym):
    from partners.models import Project

    if not acronym:
        return None
    return Project.objects.filter(locale=ctx.default_locale, acronym=acronym).first()


def build_films(ctx):
    data = _content()
    index = ctx.page_in_all_languages("films", FilmIndexPage, ctx.pages["home"], data["index"], show_in_menus=True)
    entries = data["films"]
    copies = ScaledCopies(ctx, FilmPage, index)
    for number, entry in enumerate(entries, start=1):
        cues = _cues(entry)
        title = entry["en"]["title"]
        slug = entry["en"]["slug"]
        synced = {
            "video": _video(title, cues, entry["colour"], entry["seconds"], slug),
            "poster": _poster(title, f"STEPS film {number} of {len(entries)}", entry["colour"], slug),
            "duration": entry["seconds"],
            "spoken_language": entry.get("spoken_language", "zxx"),
            "source_project": _project(ctx, entry.get("project")),
            # The films were made for the demo (title cards): examples unless the data say otherwise.
            "is_example": entry.get("is_example", True),
        }
        competences = _competences(entry.get("competences", []))
        related = entry.get("related", [])
        _build_film(ctx, entry["key"], index, _values(entry, cues), related, synced, competences)
        if ctx.scale > 1:
            _scaled_films(ctx, copies, entry, cues, related, synced, competences)
    copies.save()
    ctx.log(f"  {len(entries) * ctx.scale} films in every language")


def _scaled_films(ctx, copies, entry, cues, related, synced, competences):
    """Benchmark copies (--scale N), reusing the film's video and poster (demo.scaled)."""
    for number in range(2, ctx.scale + 1):
        if copies.exists(f"{entry['en']['slug']}-{number}"):
            continue
        values = {}
        for code, text in _values(entry, cues, number).items():
            # Each language's copy links the related pages in its own language when they exist.
            refs = [f"{ref}@{code}" if f"{ref}@{code}" in ctx.pages else ref for ref in related if ref in ctx.pages]
            text = dict(text, related_pages=[{"page": ref} for ref in refs])
            values[code] = ctx.field_values(FilmPage, f"{entry['key']}#{number}", text) | synced
        copies.add(values, competences=list(competences))


STEPS = [(50, build_films)]
