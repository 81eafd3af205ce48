"""What each content app credits to a partner or a project: the lists on their pages.

The partners app sits below the content apps (it may not import them), yet a
partner's page lists that partner's case studies, methods and films. Each
content app therefore registers, in its `wagtail_hooks.py`, one `Contribution`
per kind of item it credits:

    @hooks.register(CONTRIBUTIONS_HOOK)
    def methods():
        return Contribution("methods", _("Methods"), linked_pages("toolkit.ToolPage"), ...)

and the partner and project pages (`partners.views`) list every registered
contribution in the order given, at most `LIST_LIMIT` items each, with a link
to the app's index (filtered to the project where it can be) when there are more.
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models.functions import Lower
from wagtail import hooks
from wagtail.models import Page

from core.visibility import visible

from .models import Project

CONTRIBUTIONS_HOOK = "register_partner_contributions"

# Project and partner pages show at most this many items per list, however large the site.
LIST_LIMIT = 12


@dataclass(frozen=True)
class Contribution:
    """One list on the partner and project pages.

    `items(subject, locale, limit)`: the live items of `locale` crediting `subject` (a
    Partner or a Project), at most `limit` + 1 of them (so the page can tell there
    are more without counting them).
    `index_model`: the page model ("app.Model") of the index listing all such items.
    `project_filter`: the query parameter filtering that index by project acronym,
    if it has one; `more_label` then labels the link to the filtered index, and
    `all_label` the link to the whole index otherwise (none if empty).
    `empty_text`: {"partner": …, "project": …}, shown when the list is empty; a
    contribution without one is left out of a page where it has no item.
    `item_template`: how one item is shown (`item` in its context).
    """

    key: str
    heading: str
    items: Callable
    order: int = 100
    index_model: str | None = None
    project_filter: str | None = None
    more_label: str = ""
    all_label: str = ""
    empty_text: dict | None = None
    item_template: str = "partners/includes/contribution_item.html"
    list_class: str = ""


def contributions():
    """The registered contributions, in their order."""
    found = [register() for register in hooks.get_hooks(CONTRIBUTIONS_HOOK)]
    return sorted(found, key=lambda contribution: (contribution.order, contribution.key))


@dataclass
class Section:
    """A contribution as listed on one partner's or project's page."""

    contribution: Contribution
    items: list
    more: bool
    more_url: str | None
    more_label: str
    filtered: bool
    empty_text: str


def sections(subject, locale, limit=None):
    """The lists of `subject`'s page: one `Section` per contribution that has something to show.

    One query per contribution that can credit `subject`, plus one for the addresses
    of the indexes the lists may link to, if any list with items may link to one
    (whether or not it is cut, so a page costs the same however long its lists)."""
    limit = LIST_LIMIT if limit is None else limit
    kind = "project" if isinstance(subject, Project) else "partner"
    found = []
    for contribution in contributions():
        items, more = first_items(contribution.items(subject, locale, limit), limit)
        empty_text = (contribution.empty_text or {}).get(kind, "")
        if items or empty_text:
            found.append(Section(contribution, items, more, None, "", False, empty_text))
    linking = [section for section in found if section.items and links_to_index(section.contribution, kind)]
    listings = index_urls(locale, {section.contribution.index_model for section in linking})
    for section in linking:
        contribution, index_url = section.contribution, listings.get(section.contribution.index_model)
        if kind == "project" and contribution.project_filter and index_url:
            section.filtered = True
            section.more_url = with_query(index_url, **{contribution.project_filter: subject.acronym})
            section.more_label = contribution.more_label
        elif contribution.all_label:
            section.more_url, section.more_label = index_url, contribution.all_label
    return found


def links_to_index(contribution, kind):
    """Whether a cut list of `contribution` on a `kind` ("partner", "project") page links to its index."""
    if not contribution.index_model:
        return False
    return bool(contribution.all_label or (kind == "project" and contribution.project_filter))


# Helpers for the contributions ---------------------------------------------------


def linked_pages(model_label):
    """An `items` function for a page model linking partners or projects by foreign key
    or many-to-many: its live pages in the locale that link the subject, by title."""

    def items(subject, locale, limit):
        return pages_linking(subject, locale, [model_label], limit)

    return items


def existing_models(labels):
    """The models among `labels` ("app.Model") that exist in this installation."""
    found = []
    for label in labels:
        try:
            found.append(apps.get_model(label))
        except (LookupError, ValueError):
            continue
    return found


def pages_linking(snippet, locale, model_labels, limit=None):
    """Live pages of the given models in `locale` that link `snippet` (a project or a
    partner) through any foreign key or many-to-many, matched by translation key.

    With `limit`, each query fetches at most `limit` + 1 pages by title, so the caller
    can tell there are more without counting them."""
    found = []
    for model in existing_models(model_labels):
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created or field.related_model is not type(snippet):
                continue
            pages = visible(
                model.objects.filter(**{f"{field.name}__translation_key": snippet.translation_key}), locale
            ).distinct()
            if limit is not None:
                pages = pages.order_by(Lower("title"), "pk")[: limit + 1]
            found.extend(pages)
    unique = {page.pk: page for page in found}
    ordered = sorted(unique.values(), key=lambda page: page.title.casefold())
    return ordered if limit is None else ordered[: limit + 1]


def first_items(items, limit):
    """(the first `limit` of `items`, whether there were more): `items` holds up to `limit` + 1."""
    items = list(items)
    return items[:limit], len(items) > limit


def index_urls(locale, model_labels):
    """The URL of the first visible index page of each of `model_labels` in `locale`, by label
    (one query whatever the site's size, so a page costs the same whether its lists are cut)."""
    models = existing_models(sorted(model_labels))
    if not models:
        return {}
    types = ContentType.objects.get_for_models(*models)  # Django keeps these in memory
    labels = {content_type.pk: model._meta.label for model, content_type in types.items()}
    found = {}
    for page in visible(Page.objects.filter(content_type__in=types.values()), locale).order_by("path"):
        found.setdefault(labels[page.content_type_id], page.url)
    return found


def with_query(url, **filters):
    return f"{url}?{urlencode(filters)}" if url and filters else url
