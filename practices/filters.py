"""Filtering, counting and sorting the case studies of one language.

The listing reuses core/filters.py: every case of the language is read once as a
compact row (two queries: the page columns and the competence links), the GET
parameters are checked against the values in use, and the facet counts, the
matching set and the order are computed from those rows. Only the cards of the
requested page are then loaded as objects, so the number of queries does not
depend on the number of cases.
"""

from collections import defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from competences.keys import competence_value, framework_order, item_value, parse_competence_value
from competences.models import FrameworkItem
from core.filters import Facet, FacetedFilter, in_order
from core.listing import paginate
from partners.models import Project

from .choices import OutcomeType, TargetGroup

SORTS = {
    "newest": gettext_lazy("Newest first"),
    "title": gettext_lazy("Title (A–Z)"),
    "country": gettext_lazy("Country"),
}
DEFAULT_SORT = "newest"
FACET_NAMES = ("country", "target", "outcome", "competence", "project")


def case_rows(cases):
    """One dict per case with the values the filters need; two queries in all."""
    from .models import CaseStudyPage

    rows = list(
        cases.order_by().values(
            "pk", "title", "country", "target_groups", "outcome_types", "project__acronym", "first_published_at"
        )
    )
    competences = defaultdict(set)
    links = CaseStudyPage.competences.through.objects.filter(casestudypage__in=cases.values("pk")).values_list(
        "casestudypage_id", "frameworkitem__framework__code", "frameworkitem__code"
    )
    for page_id, framework_code, item_code in links:
        competences[page_id].add(competence_value(framework_code, item_code))
    for row in rows:
        row["target"] = set(row.pop("target_groups") or [])
        row["outcome"] = set(row.pop("outcome_types") or [])
        row["project"] = {row.pop("project__acronym")} - {None}
        row["competence"] = competences.get(row["pk"], set())
    return rows


class CaseListing:
    """The filter form, counts, messages and current page of one request."""

    per_page = 12

    def __init__(self, request, index):
        self.request = request
        self.locale = index.locale
        self.rows = case_rows(index.cases())
        self.total = len(self.rows)
        self.finder = FacetedFilter(request.GET, self.rows, facets=self._facets())
        self.errors = list(self.finder.messages)
        self.sort = self._read_sort()
        self.matches = sorted_rows(self.finder.results, self.sort)
        self.page_obj = paginate(request, [row["pk"] for row in self.matches], self.per_page)
        self.page_obj.object_list = self._load_cases(list(self.page_obj.object_list), index)

    def _facets(self):
        competence_keys = set().union(*(row["competence"] for row in self.rows)) if self.rows else set()
        project_keys = {acronym for row in self.rows for acronym in row["project"]}
        return [
            # Every country in the visitor's language order; only those in use are offered.
            Facet("country", _("Country"), list(countries)),
            Facet("target", _("Target group"), TargetGroup.choices),
            Facet("outcome", _("Outcome"), OutcomeType.choices),
            Facet("competence", _("Competence"), competence_choices(competence_keys, self.locale)),
            Facet("project", _("Source project"), project_choices(project_keys, self.locale)),
        ]

    def _read_sort(self):
        value = self.request.GET.get("sort", "") or DEFAULT_SORT
        if value not in SORTS:
            self.errors.append(
                _("“%(value)s” is not a way of sorting; the newest cases come first.") % {"value": value[:60]}
            )
            return DEFAULT_SORT
        return value

    def _load_cases(self, ids, index):
        from .queries import attach_localized_partners

        cases = in_order(index.cases().select_related("project").prefetch_related("partners"), ids)
        attach_localized_partners(cases, self.locale)
        return cases

    # For the template ---------------------------------------------------------

    @property
    def facets(self):
        return self.finder.facets

    @property
    def is_filtered(self):
        return self.finder.is_filtered

    @property
    def is_variant(self):
        """Filtered, re-sorted or paginated: a view search engines should not index."""
        return self.is_filtered or any(key in self.request.GET for key in ("sort", "page", *FACET_NAMES))

    @property
    def count(self):
        return len(self.matches)

    @property
    def sort_options(self):
        return [{"value": value, "label": label, "selected": value == self.sort} for value, label in SORTS.items()]


def sorted_rows(rows, sort):
    rows = list(rows)
    if sort == "title":
        rows.sort(key=lambda row: row["title"].casefold())
    elif sort == "country":
        rows.sort(key=lambda row: (str(countries.name(row["country"] or "")), row["title"].casefold()))
    else:
        # Newest first; a page never published (a draft preview) comes last.
        rows.sort(
            key=lambda row: (row["first_published_at"] is not None, row["first_published_at"], row["pk"]), reverse=True
        )
    return rows


def competence_choices(values, locale):
    """(competence value, label) of the competences in use, in the listing's language
    (the default language when an item is not translated), in framework order."""
    if not values:
        return []
    names = {}
    order = {}
    pairs = [parse_competence_value(value) for value in values]
    items = FrameworkItem.objects.filter(
        framework__code__in={framework for framework, _code in pairs}, code__in={code for _framework, code in pairs}
    ).select_related("framework", "parent__parent")
    for item in items:
        value = item_value(item)
        if value in values and (item.locale_id == locale.pk or value not in names):
            names[value] = f"{item.framework.code} {item.code} · {item.name}"
            order[value] = framework_order(item)
    return [(value, names[value]) for value in sorted(names, key=order.get)]


def project_choices(acronyms, locale):
    projects = Project.objects.filter(locale=locale, acronym__in=acronyms).order_by("sort_order", "acronym")
    return [(project.acronym, project.acronym) for project in projects]
