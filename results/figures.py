"""The cluster's results against its planned outputs, computed from the site's own data.

Everything the results page and the admin report show comes from `results()`,
which returns plain data: the planned outputs with their targets and current
figures, and tables broken down per language or per competence area. The admin
report's CSV is `export_rows()` of the same data, so the two never disagree.

Only what is not an example counts (core/examples.py): example films, events,
publications, methods and cases, and the figures drawn from them (registrations,
attendance, downloads, copies requested by example records), are never added to
a target's progress. They are counted apart, in the `examples` table, labelled.
With only the demonstration content, every target shows no progress, and the
page says why (`Results.note`).

The funder report (results/breakdown.py) breaks the same figures down per partner,
country, sector and language over a period, through the same record queries
(`download_rows` here, `participant_counts` in events/targets.py).

Only aggregate counts are read: no name, address or e-mail of anyone. The number
of queries is fixed (about fifteen), whatever the amount of content; with the page
cache on, a process reads the figures of published content once per content
version, and then only downloads and events (three queries).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from caching.content_version import per_version
from events.choices import Kind
from events.targets import event_figures, progress

# The planned outputs that are not events, as in the cluster's application
# (reference data `targets`); the events' targets live in events/targets.py.
FILMS_TARGET = 10
PLATFORM_TARGET = 1
PUBLICATION_TARGET = 1
PRINTED_COPIES_TARGET = 250


@dataclass(frozen=True)
class Measure:
    """One figure: what was reached, and the target when there is one."""

    label: str
    actual: int
    target: int | None = None
    unit: str = ""
    # Bars of figures without a target are drawn against the largest figure of their table.
    scale: int | None = None

    @property
    def percent(self):
        """Share of the target reached, in whole percent (above 100 when exceeded); None without target."""
        if not self.target:
            return None
        return round(100 * self.actual / self.target)

    @property
    def bar(self):
        """Length of the figure's bar, 0-100."""
        if self.target:
            return min(100, self.percent)
        if self.scale:
            return min(100, round(100 * self.actual / self.scale))
        return 0


@dataclass(frozen=True)
class Output:
    """A planned output of the cluster and its measures (e.g. events held and participants)."""

    key: str
    label: str
    measures: tuple


@dataclass(frozen=True)
class Row:
    header: str
    cells: tuple
    language: str = ""  # the language code of a per-language row


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    caption: str
    row_heading: str
    columns: tuple
    rows: tuple
    note: str = ""
    totals: Row | None = None

    @property
    def all_rows(self):
        return (*self.rows, self.totals) if self.totals else self.rows


@dataclass(frozen=True)
class Results:
    outputs: tuple
    tables: tuple = field(default_factory=tuple)
    # The example figures, counted apart and never added to the targets' progress.
    examples: Table | None = None
    # Why every target shows no progress, when that is because everything is an example.
    note: str = ""

    def table(self, key):
        return next(table for table in self.tables if table.key == key)


@dataclass(frozen=True)
class ExportRow:
    """One number of the results, as a line of the admin report and its CSV."""

    section: str
    item: str
    measure: str
    language: str
    actual: int
    target: int | None
    percent: int | None
    unit: str


def languages():
    """[(code, name)] of the site's languages, in the site's order."""
    return list(settings.LANGUAGES)


# Figures read from the database ---------------------------------------------------------


def _film_figures():
    """(number of films, {language: films published}, {language: films captioned}, example films).

    Example films are counted apart. Two queries.
    """
    from films.models import FilmPage, caption_languages

    published = {}
    keys, example_keys = set(), set()
    for key, code, is_example in (
        FilmPage.objects.live()
        .filter(alias_of__isnull=True)
        .values_list("translation_key", "locale__language_code", "is_example")
    ):
        if is_example:
            example_keys.add(key)
            continue
        keys.add(key)
        published[code] = published.get(code, 0) + 1
    captioned = {}
    films = [FilmPage(translation_key=key) for key in keys]
    for codes in caption_languages(films).values():
        for code in codes:
            captioned[code] = captioned.get(code, 0) + 1
    return len(keys), published, captioned, len(example_keys)


def _live_publications(example=False):
    """Live publications that count (or, with `example`, the example ones)."""
    from publications.models import PublicationPage

    return PublicationPage.objects.live().filter(alias_of__isnull=True, is_example=example)


def _edition_figures():
    """(publications with a file, {language: edition available}). One query."""
    from publications.models import Edition

    editions = (
        Edition.objects.filter(page__in=_live_publications(), document__isnull=False)
        .values_list("page__translation_key", "language")
        .distinct()
    )
    keys, available = set(), {}
    for key, code in editions:
        keys.add(key)
        available.setdefault(code, set()).add(key)
    return len(keys), {code: len(found) for code, found in available.items()}


def download_rows(example=False, start=None, end=None):
    """(publication key, language, downloads) of the publications that count (or the example
    ones), on the days from `start` to `end` (dates, both included; None: no bound). One query.

    The one way downloads are counted: the results page per language, the funder report
    (results/breakdown.py) per language and period.
    """
    from publications.models import DownloadCount

    counts = DownloadCount.objects.filter(publication_key__in=_live_publications(example).values("translation_key"))
    if start is not None:
        counts = counts.filter(day__gte=start)
    if end is not None:
        counts = counts.filter(day__lte=end)
    return list(
        counts.order_by()
        .values("publication_key", "language")
        .annotate(total=Sum("count"))
        .values_list("publication_key", "language", "total")
    )


def _download_figures(example=False):
    """{language: downloads} of the publications that count (or the example ones). One query."""
    per_language = {}
    for _key, language, total in download_rows(example):
        per_language[language] = per_language.get(language, 0) + total
    return per_language


def _copy_figures():
    """({status: {language: copies}}, copies printed, {status: example copies}). Two queries.

    Requests that are example records, or for an example publication, are counted apart.
    """
    from django.db.models import BooleanField, Case, Q, Value, When

    from publications.models import PrintRequest, PrintStock, PublicationPage

    example_keys = PublicationPage.objects.filter(is_example=True).values("translation_key")
    example_q = Q(is_example=True) | Q(stock__publication_key__in=example_keys)
    by_status, examples = {}, {}
    rows = (
        PrintRequest.objects.annotate(
            example=Case(When(example_q, then=Value(True)), default=Value(False), output_field=BooleanField())
        )
        .order_by()
        .values("status", "language", "example")
        .annotate(copies=Sum("copies"))
    )
    for row in rows:
        if row["example"]:
            examples[row["status"]] = examples.get(row["status"], 0) + (row["copies"] or 0)
        else:
            by_status.setdefault(row["status"], {})[row["language"]] = row["copies"] or 0
    printed = PrintStock.objects.exclude(publication_key__in=example_keys).aggregate(total=Sum("total"))["total"] or 0
    return by_status, printed, examples


def _live_homes():
    """The languages with a live home page. One query."""
    from home.models import HomePage

    return set(HomePage.objects.live().filter(alias_of__isnull=True).values_list("locale__language_code", flat=True))


def _translation_figures():
    """(live pages in the default language, {language: live translations of them}). Two queries."""
    from wagtail.models import Page

    live = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True)
    sources = live.filter(locale__language_code=settings.LANGUAGE_CODE)
    total = sources.count()
    translated = dict(
        live.exclude(locale__language_code=settings.LANGUAGE_CODE)
        .filter(translation_key__in=sources.values("translation_key"))
        .order_by()  # pages are ordered by path, which would split the groups
        .values("locale__language_code")
        .annotate(n=Count("pk"))
        .values_list("locale__language_code", "n")
    )
    return total, translated


def _linked_keys(model):
    """{translation_key of a live page of `model`: {linked framework item ids}}. One query.

    Pages link default-language items in every translation, so the translations of
    a page add nothing: each page is identified by its translation key.
    """
    through = model.competences.through
    page_field = next(f.name for f in through._meta.get_fields() if f.is_relation and f.related_model is model)
    links = {}
    rows = through.objects.filter(
        **{f"{page_field}__live": True, f"{page_field}__alias_of__isnull": True, f"{page_field}__is_example": False}
    ).values_list(f"{page_field}__translation_key", "frameworkitem_id")
    for key, item_id in rows:
        links.setdefault(key, set()).add(item_id)
    return links


def _live_counts(model):
    """(live pages of `model` that count, example ones), each once across its translations. One query."""
    counts = dict(
        model.objects.live()
        .filter(alias_of__isnull=True)
        .order_by()
        .values("is_example")
        .annotate(n=Count("translation_key", distinct=True))
        .values_list("is_example", "n")
    )
    return counts.get(False, 0), counts.get(True, 0)


def _area_figures(language):
    """Methods and case studies per top-level area of each framework they link to.

    Returns (areas, {area id: methods}, {area id: cases}, methods in all, cases in all),
    where areas are dicts in the frameworks' order with the area's name in `language`.
    Seven queries at most.
    """
    from competences.models import FrameworkItem
    from practices.models import CaseStudyPage
    from toolkit.models import ToolPage

    methods, cases = _linked_keys(ToolPage), _linked_keys(CaseStudyPage)
    linked = set().union(*methods.values(), *cases.values())
    # The framework has at most three levels: an item's area is its furthest parent.
    area_of, frameworks = {}, set()
    for pk, parent, grandparent, framework in FrameworkItem.objects.filter(pk__in=linked).values_list(
        "pk", "parent_id", "parent__parent_id", "framework_id"
    ):
        area_of[pk] = grandparent or parent or pk
        frameworks.add(framework)

    def per_area(pages):
        counts = {}
        for items in pages.values():
            for area in {area_of[pk] for pk in items if pk in area_of}:
                counts[area] = counts.get(area, 0) + 1
        return counts

    method_counts, case_counts = per_area(methods), per_area(cases)
    # Every area of the frameworks in use, even those no page links to yet, so gaps show.
    areas = list(
        FrameworkItem.objects.filter(parent__isnull=True, framework__in=frameworks)
        .order_by("framework__sort_order", "framework__code", "sort_order", "code")
        .values("pk", "translation_key", "code", "name", "framework__code")
    )
    if areas and language != settings.LANGUAGE_CODE:
        names = dict(
            FrameworkItem.objects.filter(
                locale__language_code=language, translation_key__in=[area["translation_key"] for area in areas]
            ).values_list("translation_key", "name")
        )
        for area in areas:
            area["name"] = names.get(area["translation_key"], area["name"])
    (methods_counted, methods_examples), (cases_counted, cases_examples) = (
        _live_counts(ToolPage),
        _live_counts(CaseStudyPage),
    )
    return areas, method_counts, case_counts, methods_counted, cases_counted, methods_examples, cases_examples


@per_version(tags=("print-requests",))
def _content_figures(language):
    """The figures read from content that editors publish and from copy requests.

    A publish or a copy request renews them (and the pages that show them), so
    each process reads them once per version; downloads, counted without one, and
    events, which are held as time passes, are read at every call.
    """
    return (
        _film_figures(),
        _edition_figures(),
        _copy_figures(),
        _live_homes(),
        _translation_figures(),
        _area_figures(language),
    )


# The results ------------------------------------------------------------------------------


def _event_outputs(rows):
    labels = {
        Kind.REGIONAL: (
            _("Regional preparatory events"),
            _("Regional preparatory events held"),
            _("Participants in regional preparatory events"),
        ),
        Kind.WORKSHOP: (
            _("Cross-practice workshops"),
            _("Cross-practice workshops held"),
            _("Participants in cross-practice workshops"),
        ),
        Kind.CONFERENCE: (
            _("Final conference"),
            _("Final conference held"),
            _("Participants in the final conference"),
        ),
    }
    outputs = []
    for row in rows:
        label, held_label, participants_label = labels.get(row.kind, (row.label, _("Events held"), _("Participants")))
        outputs.append(
            Output(
                key=f"events-{row.kind}",
                label=label,
                measures=(
                    Measure(held_label, row.events_held, row.events_target, _("events")),
                    Measure(participants_label, row.participants, row.participants_target, _("participants")),
                ),
            )
        )
    return outputs


def results(language=None):
    """Every figure of the results, with area names in `language` (the default language if None)."""
    codes = dict(languages())
    language = language if language in codes else settings.LANGUAGE_CODE

    (
        (films, films_published, films_captioned, example_films),
        (publications, editions),
        (copies, printed, example_copies),
        homes,
        (source_pages, translated),
        (areas, method_counts, case_counts, all_methods, all_cases, example_methods, example_cases),
    ) = _content_figures(language)
    downloads = _download_figures()
    events = event_figures()
    event_rows = progress(events)
    examples_table = _examples_table(
        progress(events, examples=True),
        example_films,
        _live_publications(example=True).order_by().values("translation_key").distinct().count(),
        sum(_download_figures(example=True).values()),
        example_copies,
        example_methods,
        example_cases,
    )

    sent = sum(copies.get("sent", {}).values())
    requested = sum(copies.get("requested", {}).values())
    # A site that shows example content is a demonstration, not yet the cluster's platform.
    platform_live = int(all(code in homes for code in codes) and not examples_table.rows)

    outputs = (
        *_event_outputs(event_rows),
        Output(
            "films",
            _("Short films"),
            (Measure(_("Short films published"), films, FILMS_TARGET, _("films")),),
        ),
        Output(
            "platform",
            _("Web platform"),
            (Measure(_("Web platform live in every language"), platform_live, PLATFORM_TARGET, _("platform")),),
        ),
        Output(
            "publication",
            _("Final publication"),
            (
                Measure(_("Publication available to download"), publications, PUBLICATION_TARGET, _("publication")),
                Measure(_("Printed copies sent to readers"), sent, PRINTED_COPIES_TARGET, _("copies")),
            ),
        ),
    )

    def per_language(build):
        return tuple(Row(name, build(code), code) for code, name in codes.items())

    films_table = Table(
        "films",
        _("Films per language"),
        _("Short films published and captioned in each language"),
        _("Language"),
        (_("Films published"), _("Films captioned")),
        per_language(
            lambda code: (
                Measure(_("Films published"), films_published.get(code, 0), FILMS_TARGET, _("films")),
                Measure(_("Films captioned"), films_captioned.get(code, 0), FILMS_TARGET, _("films")),
            )
        ),
        note=_("A film is captioned in a language when that language's page has caption cues."),
    )

    top_downloads = max(downloads.values(), default=0)
    publication_table = Table(
        "publication",
        _("Publication per language"),
        _("Editions of the final publication and their downloads in each language"),
        _("Language"),
        (_("Edition available"), _("Downloads (COUNTER rules)")),
        per_language(
            lambda code: (
                Measure(_("Edition available"), editions.get(code, 0), PUBLICATION_TARGET, _("publication")),
                Measure(
                    _("Downloads (COUNTER rules)"), downloads.get(code, 0), None, _("downloads"), scale=top_downloads
                ),
            )
        ),
        note=_(
            "Downloads are counted per language of the file as COUNTER Release 5 counts them: the same reader "
            "clicking again within 30 seconds counts once and known robots are not counted. Nothing about the "
            "reader is recorded."
        ),
        totals=Row(
            _("All languages"),
            (
                Measure(_("Edition available"), publications, PUBLICATION_TARGET, _("publication")),
                Measure(
                    _("Downloads (COUNTER rules)"),
                    sum(downloads.values()),
                    None,
                    _("downloads"),
                    scale=sum(downloads.values()),
                ),
            ),
        ),
    )

    waiting = copies.get("waiting", {})
    top_copies = max([*copies.get("sent", {}).values(), *copies.get("requested", {}).values(), *waiting.values(), 0])

    def copy_cells(sent_copies, requested_copies, waiting_copies, scale):
        return (
            Measure(_("Copies sent"), sent_copies, None, _("copies"), scale=scale),
            Measure(_("Copies requested, to be sent"), requested_copies, None, _("copies"), scale=scale),
            Measure(_("Copies on the waiting list"), waiting_copies, None, _("copies"), scale=scale),
        )

    copies_table = Table(
        "copies",
        _("Printed copies"),
        _("Printed copies of the final publication per language of the request"),
        _("Language of the request"),
        (_("Copies sent"), _("Copies requested, to be sent"), _("Copies on the waiting list")),
        per_language(
            lambda code: copy_cells(
                copies.get("sent", {}).get(code, 0),
                copies.get("requested", {}).get(code, 0),
                waiting.get(code, 0),
                top_copies,
            )
        ),
        note=_("%(printed)s copies printed; %(left)s not yet promised to a reader.")
        % {"printed": printed, "left": max(printed - sent - requested, 0)},
        totals=Row(
            _("All languages"),
            copy_cells(sent, requested, sum(waiting.values()), max(sent, requested, sum(waiting.values()))),
        ),
    )

    languages_table = Table(
        "languages",
        _("Pages per language"),
        _("Live pages translated from English, and the web platform's home page, in each language"),
        _("Language"),
        (_("Pages translated"), _("Home page live")),
        per_language(
            lambda code: (
                Measure(
                    _("Pages translated"),
                    source_pages if code == settings.LANGUAGE_CODE else translated.get(code, 0),
                    source_pages,
                    _("pages"),
                ),
                Measure(_("Home page live"), int(code in homes), PLATFORM_TARGET, _("platform")),
            )
        ),
        note=_("English pages are the sources the other languages are translated from."),
    )

    top_area = max([*method_counts.values(), *case_counts.values(), 0])
    areas_table = Table(
        "areas",
        _("Methods and case studies per competence area"),
        _("Toolkit methods and case studies that develop each area of the competence frameworks"),
        _("Competence area"),
        (_("Methods"), _("Case studies")),
        tuple(
            Row(
                pgettext_lazy("framework area", "%(framework)s %(code)s: %(name)s")
                % {"framework": area["framework__code"], "code": area["code"], "name": area["name"]},
                (
                    Measure(_("Methods"), method_counts.get(area["pk"], 0), None, _("methods"), scale=top_area),
                    Measure(_("Case studies"), case_counts.get(area["pk"], 0), None, _("case studies"), scale=top_area),
                ),
            )
            for area in areas
        ),
        note=_("A method or case study linked to several areas counts in each of them."),
        totals=Row(
            _("All methods and case studies"),
            (
                Measure(_("Methods"), all_methods, None, _("methods"), scale=max(all_methods, all_cases)),
                Measure(_("Case studies"), all_cases, None, _("case studies"), scale=max(all_methods, all_cases)),
            ),
        ),
    )

    counted = any(measure.actual for output in outputs for measure in output.measures)
    note = ""
    if not counted and examples_table.rows:
        note = _(
            "No progress is shown towards any target: everything this site holds so far is example content, "
            "written to demonstrate the platform, and example figures never count towards the cluster's targets. "
            "They are shown apart below."
        )
    return Results(
        outputs=outputs,
        tables=(films_table, publication_table, copies_table, languages_table, areas_table),
        examples=examples_table,
        note=note,
    )


def _examples_table(event_rows, films, publications, downloads, copies, methods, cases):
    """The example figures, one row each, never compared with a target. Only figures above zero are listed."""
    unit_events, unit_people = _("events"), _("participants")
    rows = []

    def add(header, actual, unit):
        if actual:
            rows.append(Row(header, (Measure(header, actual, None, unit),)))

    for row in event_rows:
        add(_("%(kind)s held (examples)") % {"kind": row.label}, row.events_held, unit_events)
        add(_("Participants in example events: %(kind)s") % {"kind": row.label}, row.participants, unit_people)
    add(_("Example films published"), films, _("films"))
    add(_("Example publications available"), publications, _("publication"))
    add(_("Downloads of example publications"), downloads, _("downloads"))
    add(_("Copies sent to example requests"), copies.get("sent", 0), _("copies"))
    add(_("Copies requested by example requests"), copies.get("requested", 0), _("copies"))
    add(_("Example training methods"), methods, _("methods"))
    add(_("Example case studies"), cases, _("case studies"))
    return Table(
        "examples",
        _("Example figures, not counted"),
        _("Figures of the example content written to demonstrate the platform; none counts towards a target"),
        _("Example figure"),
        (_("Figure"),),
        tuple(rows),
        note=_("Example content is marked as such wherever it appears, and its figures stay out of the results."),
    )


def export_rows(data):
    """The results as one line per number, in the order the page shows them."""
    rows = []
    for output in data.outputs:
        for measure in output.measures:
            rows.append(_export_row(_("Results against targets"), output.label, measure, ""))
    for table in data.tables:
        for row in table.all_rows:
            for measure in row.cells:
                rows.append(_export_row(table.title, row.header, measure, row.language))
    if data.examples is not None:
        # Labelled apart: the section names them as examples, and they have no target.
        for row in data.examples.all_rows:
            for measure in row.cells:
                rows.append(_export_row(data.examples.title, row.header, measure, row.language))
    return rows


def _export_row(section, item, measure, language):
    return ExportRow(
        section=str(section),
        item=str(item),
        measure=str(measure.label),
        language=language,
        actual=measure.actual,
        target=measure.target,
        percent=measure.percent,
        unit=str(measure.unit),
    )


__all__ = ["Measure", "Output", "Results", "Row", "Table", "export_rows", "languages", "results"]
