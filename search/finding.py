"""Search results with facets: by content type and by competence, with counts.

The search runs once and gives the ranked ids of every match; the facets are
then counted on those records with `core.filters.FacetedFilter` (options in use
only, OR within a facet, AND between facets, counts that respect the other
facet, unknown values reported and ignored). Wagtail's `.facet()` counts one
filter field of the results, but a competence is a many-to-many link, which no
search backend can facet, and both facets must count with the other one applied,
so both are counted here, in a fixed number of queries whatever the number of
matches:

1. the ranked (id, content type) of every match;
2. the competence links of every page of the language, and the competences in
   the visitor's language (three queries, once per content version: see
   `competence_facts`);
3. the page of results, by id (one query per page type shown);
4. the text of those pages for the excerpts, from the search index.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from caching.content_version import per_version
from competences.keys import competence_value
from competences.models import FrameworkItem
from competences.queries import competence_page_models
from core.filters import Facet, FacetedFilter, Option
from core.listing import paginate
from core.visibility import visible
from toolkit.finding import competence_options

from .highlight import excerpt, highlight, indexed_texts

TYPE_PARAM = "type"
COMPETENCE_PARAM = "competence"


def searchable_pages(locale):
    """Live, public pages of one language, without the root and without aliases."""
    # Alias pages repeat another language's text, and private pages are for their
    # audience only; the search index can only filter on indexed fields, hence
    # one id subquery for both.
    listed = visible(Page.objects.all(), locale).values("id")
    return Page.objects.live().filter(locale=locale, depth__gt=1).filter(id__in=listed)


def ranked_matches(results):
    """[(id, content type id)] of every match, best first, in one query.

    The database backends build an ordinary queryset (`get_queryset`), so only
    the two columns are read; another backend gives its results page by page.
    """
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return list(get_queryset().values_list("pk", "content_type_id"))
    return [(page.pk, page.content_type_id) for page in results]


def type_value(content_type):
    """A page type in a URL: language-neutral and readable, e.g. toolkit.toolpage."""
    return f"{content_type.app_label}.{content_type.model}"


def type_choices(content_type_ids):
    choices = []
    for content_type_id in content_type_ids:
        content_type = ContentType.objects.get_for_id(content_type_id)
        model = content_type.model_class()
        label = capfirst(model._meta.verbose_name_plural) if model else content_type.model
        choices.append(Option(type_value(content_type), str(label)))
    return sorted(choices, key=lambda option: option.label.lower())


@per_version
def competence_facts(locale_id):
    """({page id: {competence value}}, [competence options]) for every page of a language.

    Broad queries match thousands of pages; reading their links on every search
    cost more than the search itself. The links of a whole language are read
    once per content version instead (a union over the page types that link
    competences, then the few competences they name), and each search looks its
    matches up in memory. The options are the competences named in `locale_id`,
    in framework order; the facet offers only those its matches use.
    """
    parts = []
    for model in competence_page_models():
        through = model._meta.get_field("competences").remote_field.through
        page_column = f"{model._meta.model_name}_id"
        links_of_type = through.objects.filter(**{f"{model._meta.model_name}__locale_id": locale_id}).order_by()
        parts.append(links_of_type.values_list(page_column, "frameworkitem_id"))
    if not parts:
        return {}, []
    rows = list(parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0])
    items = FrameworkItem.objects.filter(pk__in={item_id for _page_id, item_id in rows}).values_list(
        "pk", "framework__code", "code", "translation_key"
    )
    values, keys = {}, {}
    for pk, framework, code, key in items:
        values[pk] = competence_value(framework, code)
        keys[values[pk]] = key
    links = {}
    for page_id, item_id in rows:
        links.setdefault(page_id, set()).add(values[item_id])
    options, _names = competence_options(keys, Locale(pk=locale_id))
    return links, options


def shown_pages(ids, content_types):
    """{id: specific page} for these ids, one query per page type (their types are known)."""
    ids_by_type = {}
    for pk in ids:
        ids_by_type.setdefault(content_types[pk], []).append(pk)
    pages = {}
    for content_type_id, type_ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        pages.update({page.pk: page for page in model.objects.filter(pk__in=type_ids)})
    return pages


def find(request, query, per_page):
    """Everything the search page shows for `query`: facets, messages and the page of results."""
    locale = Locale.get_active()
    results = searchable_pages(locale).search(query)
    matches = ranked_matches(results)
    links, competences = competence_facts(locale.pk)
    types = {pk: type_value(ContentType.objects.get_for_id(pk)) for pk in {type_id for _pk, type_id in matches}}
    rows = [
        {"id": pk, TYPE_PARAM: types[content_type_id], COMPETENCE_PARAM: links.get(pk, set())}
        for pk, content_type_id in matches
    ]
    finder = FacetedFilter(
        request.GET,
        rows,
        facets=[
            Facet(TYPE_PARAM, _("Type of content"), type_choices(types)),
            Facet(COMPETENCE_PARAM, _("Competence"), competences),
        ],
    )
    page_obj = paginate(request, finder.results, per_page)
    wanted = [row["id"] for row in page_obj.object_list]
    pages = shown_pages(wanted, dict(matches))
    texts = indexed_texts(list(pages.values()))
    items = []
    for pk in wanted:
        page = pages.get(pk)
        if page is None:
            continue
        items.append(
            {
                "page": page,
                "title": highlight(page.title, query),
                "excerpt": excerpt(texts[pk], query),
                "type": capfirst(page._meta.verbose_name),
            }
        )
    return {"finder": finder, "page_obj": page_obj, "items": items, "total": len(matches)}
