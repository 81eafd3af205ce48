"""Numbered copies of demo pages for benchmarks (`load_demo --scale N`), written cheaply.

A copy is a live page in every language, one translation key shared by its
languages (so alternates and language switches work), placed directly in the
page tree: no revisions, no translation records, no per-page search indexing.
The tree paths are computed here (`add_child` would read the last child and
rewrite the parent for every page), the rows are written in bulk, which sends
no save signals (so no reference index entries either), and the new pages are
then added to the search index in bulk. Copies are found again by their English
slug, so a rerun with the same scale adds nothing.
"""

import uuid

from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

BATCH = 200
INDEX_CHUNK = 500


class ScaledCopies:
    """Collects the copies of one page type under one (translated) index page.

        copies = ScaledCopies(ctx, ToolPage, index)
        if not copies.exists("slug-2"):
            copies.add({"en": {...}, "fr": {...}, "nl": {...}}, competences=[...])
        added = copies.save()

    `add` takes the field values of each language (title and slug included) and
    the many-to-many links every language shares; `save` writes the pages, the
    links and the search index entries, and returns how many copies were added.
    """

    def __init__(self, ctx, model, index):
        self.ctx = ctx
        self.model = model
        self.parents = {ctx.default_locale.language_code: index}
        # Copies go under the live translations of the index: a language the demo has no text in
        # has a draft there, and gets no copies.
        for code, locale in ctx.other_locales.items():
            translation = index.get_translation_or_none(locale)
            if translation is not None and translation.live:
                self.parents[code] = translation
        self.existing = set(model.objects.child_of(index).values_list("slug", flat=True))
        self.pending = []

    def exists(self, english_slug):
        return english_slug in self.existing

    def add(self, values, **links):
        """A language without values (one the demo has no text in) gets no copy."""
        if self.ctx.default_locale.language_code not in values:
            raise ValueError("A scaled copy has no values in the source language.")
        self.existing.add(values[self.ctx.default_locale.language_code]["slug"])
        self.pending.append((values, links))

    def save(self):
        if not self.pending:
            return 0
        now = timezone.now()
        positions = {code: _last_position(parent) for code, parent in self.parents.items()}
        pages = []
        for values, links in self.pending:
            translation_key = uuid.uuid4()
            for code, parent in self.parents.items():
                if code not in values:
                    continue
                positions[code] += 1
                page = self.model(
                    locale=parent.locale,
                    translation_key=translation_key,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    **values[code],
                )
                page.draft_title = page.title
                page.depth = parent.depth + 1
                page.path = Page._get_path(parent.path, page.depth, positions[code])
                page.numchild = 0
                page.url_path = f"{parent.url_path}{page.slug}/"
                pages.append((page, links))
        with transaction.atomic():
            _insert_pages(self.model, [page for page, _links in pages])
            _insert_links(self.model, pages)
            for parent in self.parents.values():
                Page.objects.filter(pk=parent.pk).update(numchild=Page.objects.child_of(parent).count())
        index_pages(self.model, [page.pk for page, _links in pages])
        # Thousands of rows at once leave PostgreSQL's planner statistics far off (it
        # would then drive searches from the wrong table); refresh them once committed.
        transaction.on_commit(_analyze, robust=True)
        added = len(self.pending)
        self.pending = []
        return added


def _insert_pages(model, pages):
    """Write the pages in bulk: their Page rows first (which gives the ids), then the
    rows of their own table. Django's bulk_create refuses models with a parent
    table, so the second step uses the insert that bulk_create itself is built on."""
    if model._meta.get_parent_list() != [Page]:
        raise TypeError(f"{model.__name__} must inherit directly from Page to be copied in bulk.")
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    bases = Page.objects.bulk_create(
        [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in pages],
        batch_size=BATCH,
    )
    for page, base in zip(pages, bases, strict=True):
        if base.pk is None:
            raise RuntimeError("The database did not return the ids of the new pages.")
        page.id = page.page_ptr_id = base.pk
        page._state.adding = False
    fields = model._meta.local_concrete_fields
    for start in range(0, len(pages), BATCH):
        model._base_manager._insert(pages[start : start + BATCH], fields=fields)


def _insert_links(model, pages):
    """The many-to-many links of the new pages, one bulk insert per link field."""
    names = {name for _page, links in pages for name in links}
    for name in names:
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        rows = [through(**{source: page.pk, target: item.pk}) for page, links in pages for item in links.get(name, [])]
        through.objects.bulk_create(rows, batch_size=BATCH)


def _analyze():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _last_position(parent):
    last = Page.objects.child_of(parent).order_by("-path").values_list("path", flat=True).first()
    return Page._str2int(last[-Page.steplen :]) if last else 0


def index_pages(model, ids):
    """Add these pages to every search backend, a chunk at a time, as `update_index` would."""
    queryset = model.get_indexed_objects().order_by("pk")
    for backend in get_search_backends():
        for start in range(0, len(ids), INDEX_CHUNK):
            chunk = list(queryset.filter(pk__in=ids[start : start + INDEX_CHUNK]))
            backend.add_bulk(model, chunk)
