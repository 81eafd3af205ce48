"""The results broken down for funder reports: per partner, country, sector and language, over a period.

Each indicator is read from the site's own records as a list of `Record`s: one event,
one group of registrations, one publication's downloads in one language, one method…
with the value it adds and the partners, countries, sectors and languages it belongs
to. A breakdown adds the values per partner (or country, sector, language); a record
that belongs to several (a case study run by two partners, a method published in three
languages) counts under each of them, and once in the total. A record that carries no
value for a dimension (downloads have no partner) is counted under "Not recorded", so
every breakdown adds up to at least the total.

The counting is the results page's (results/figures.py, events/targets.py): the same
queries and rules, narrowed to a period. Example content (core/examples.py) and the
figures drawn from it never count. Nothing about a person is read: counts only.

A fixed number of queries (about ten) whatever the number of records.
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries as country_names

from events.choices import Kind, RegistrantSector
from events.targets import participant_counts, participants

from .figures import download_rows

PARTNER, COUNTRY, SECTOR, LANGUAGE = "partner", "country", "sector", "language"
DIMENSIONS = {
    PARTNER: _("Partner"),
    COUNTRY: _("Country"),
    SECTOR: _("Audience sector"),
    LANGUAGE: _("Language"),
}
_ATTRIBUTE = {PARTNER: "partners", COUNTRY: "countries", SECTOR: "sectors", LANGUAGE: "languages"}
NOT_RECORDED = ""


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included, in the site's time zone."""

    start: datetime.date
    end: datetime.date

    @property
    def bounds(self):
        """(first instant, first instant after) as aware datetimes."""
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        first = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=zone)
        after = datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
        return first, after

    def __contains__(self, moment):
        first, after = self.bounds
        return moment is not None and first <= moment < after


@dataclass(frozen=True)
class Record:
    """What one record adds to an indicator, and what it belongs to (partner translation keys,
    country codes, sector codes, language codes)."""

    key: tuple
    value: int
    partners: frozenset = frozenset()
    countries: frozenset = frozenset()
    sectors: frozenset = frozenset()
    languages: frozenset = frozenset()


@dataclass(frozen=True)
class Line:
    code: str  # the partner's translation key, the country, sector or language code; "" for not recorded
    label: str
    count: int


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: str
    records: tuple
    # The dimensions its records carry; in the others every record is "not recorded".
    dimensions: frozenset
    note: str = ""

    @property
    def total(self):
        return sum(record.value for record in self.records)


@dataclass(frozen=True)
class Names:
    """The labels of every value of each dimension, in the order a report lists them."""

    partners: dict  # translation key -> name
    partner_countries: dict  # translation key -> country code
    project_partners: dict  # project translation key -> {partner translation keys}
    languages: dict = field(default_factory=lambda: dict(settings.LANGUAGES))

    def label(self, dimension, code):
        if code == NOT_RECORDED:
            return str(_("Not recorded"))
        if dimension == PARTNER:
            return self.partners.get(code, code)
        if dimension == COUNTRY:
            return str(country_names.name(code) or code)
        if dimension == SECTOR:
            return str(dict(RegistrantSector.choices).get(code, code))
        return str(self.languages.get(code, code))

    def order(self, dimension):
        """The values listed even when nothing counts under them (so gaps show)."""
        if dimension == PARTNER:
            return list(self.partners)
        if dimension == SECTOR:
            return [code for code, _label in RegistrantSector.choices]
        if dimension == LANGUAGE:
            return list(self.languages)
        return sorted({code for code in self.partner_countries.values() if code}, key=lambda c: self.label(COUNTRY, c))


@dataclass(frozen=True)
class Report:
    period: Period
    indicators: tuple
    names: Names
    partner: str | None = None  # a partner's translation key when the report is that partner's alone

    def lines(self, indicator, dimension):
        """The indicator's breakdown by `dimension`: [Line], every listed value, then any other
        value found, then "Not recorded" when some record has no value for the dimension."""
        counts, unrecorded = {}, 0
        attribute = _ATTRIBUTE[dimension]
        for record in indicator.records:
            values = getattr(record, attribute)
            if dimension == PARTNER and self.partner:
                values = values & {self.partner}
            if not values:
                unrecorded += record.value
            for code in values:
                counts[code] = counts.get(code, 0) + record.value
        codes = self.names.order(dimension)
        if dimension == PARTNER and self.partner:
            codes = [self.partner]
        codes += sorted((code for code in counts if code not in codes), key=lambda c: self.names.label(dimension, c))
        lines = [Line(code, self.names.label(dimension, code), counts.get(code, 0)) for code in codes]
        if unrecorded:
            lines.append(Line(NOT_RECORDED, self.names.label(dimension, NOT_RECORDED), unrecorded))
        return lines

    def rows(self):
        """Every number, long format: (indicator, dimension, value, count), totals as dimension "total"."""
        for indicator in self.indicators:
            yield indicator, "total", "", indicator.total
            for dimension in DIMENSIONS:
                for line in self.lines(indicator, dimension):
                    yield indicator, dimension, line.label, line.count


# Reading the records ------------------------------------------------------------------------


def _names():
    """Partners in the default language, in their order, with their country and project. One query."""
    from partners.models import Partner

    partners, countries, projects = {}, {}, {}
    rows = (
        Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("sort_order", "name")
        .values_list("translation_key", "name", "country", "project__translation_key")
    )
    for key, name, country, project in rows:
        key = str(key)
        partners[key], countries[key] = name, country
        if project:
            projects.setdefault(str(project), set()).add(key)
    return Names(partners=partners, partner_countries=countries, project_partners=projects)


def _keys(*values):
    return frozenset(str(value) for value in values if value)


def _event_records(period, names, now):
    """Events held in the period, and their participants (the targets' rule: those marked present
    once attendance is recorded, else the confirmed registrations). Two queries."""
    from events.models import EventPage

    first, after = period.bounds
    events = {}
    rows = (
        EventPage.objects.live()
        .filter(alias_of__isnull=True, is_example=False, end__gte=first, end__lt=min(after, now))
        .order_by("locale_id")
        .values_list(
            "translation_key", "kind", "country", "host_partner__translation_key", "audience_sectors", "event_language"
        )
    )
    for key, kind, country, host, sectors, language in rows:
        host = str(host) if host else None
        events.setdefault(
            key,
            {
                "kind": kind,
                "partners": _keys(host),
                "countries": _keys(country or names.partner_countries.get(host)),
                "sectors": frozenset(sectors or ()),
                "language": language,
            },
        )
    held = tuple(
        Record(
            (key,),
            1,
            event["partners"],
            event["countries"],
            event["sectors"],
            _keys(event["language"]),
        )
        for key, event in events.items()
    )
    groups, marked = participant_counts(events)
    people = {kind: [] for kind in (None, Kind.WORKSHOP, Kind.CONFERENCE)}
    for key, counts in groups.items():
        event = events[key]
        for (language, sector), (confirmed, attended) in counts.items():
            value = participants(confirmed, attended, key in marked)
            if not value:
                continue
            record = Record(
                (key, language, sector), value, event["partners"], event["countries"], _keys(sector), _keys(language)
            )
            people[None].append(record)
            if event["kind"] in people:
                people[event["kind"]].append(record)
    return held, people


def _download_records(period):
    """Downloads (COUNTER rules) of the publications that count, per publication and language. One query."""
    return tuple(
        Record((key, language), total, languages=_keys(language))
        for key, language, total in download_rows(start=period.start, end=period.end)
        if total
    )


def _copy_records(period):
    """Printed copies sent, per language and country of the request, requested in the period.
    Requests that are examples, or for an example publication, are left out (as on the results page).
    One query."""
    from publications.models import PrintRequest, PublicationPage

    first, after = period.bounds
    example_keys = PublicationPage.objects.filter(is_example=True).values("translation_key")
    rows = (
        PrintRequest.objects.filter(
            status=PrintRequest.Status.SENT, is_example=False, created_at__gte=first, created_at__lt=after
        )
        .exclude(stock__publication_key__in=example_keys)
        .order_by()
        .values_list("language", "country")
        .annotate(copies=Sum("copies"))
    )
    return tuple(
        Record((language, country), copies, countries=_keys(country), languages=_keys(language))
        for language, country, copies in rows
        if copies
    )


def _project_partners(project, names):
    partners = frozenset(names.project_partners.get(str(project), ())) if project else frozenset()
    return partners, _keys(*(names.partner_countries.get(key) for key in partners))


def _film_records(period, names):
    """Films that count, captioned in a language whose version was first published in the period,
    credited to the partners of the film's source project. Two queries."""
    from films.models import FilmPage, caption_languages

    first, after = period.bounds
    projects = {}
    for key, project in (
        FilmPage.objects.live()
        .filter(alias_of__isnull=True, is_example=False)
        .order_by("locale_id")
        .values_list("translation_key", "source_project__translation_key")
    ):
        projects.setdefault(key, project)
    captioned = caption_languages(
        [FilmPage(translation_key=key) for key in projects], published_from=first, published_before=after
    )
    records = []
    for key, codes in captioned.items():
        partners, countries = _project_partners(projects[key], names)
        records.append(Record((key,), 1, partners, countries, languages=frozenset(codes)))
    return tuple(records)


def _published(model, period, *fields):
    """{translation key: (languages first published in the period, values of `fields` of the first
    version read)} of the live pages of `model` that count. One query."""
    first, after = period.bounds
    found = {}
    for key, language, *values in (
        model.objects.live()
        .filter(alias_of__isnull=True, is_example=False, first_published_at__gte=first, first_published_at__lt=after)
        .order_by("locale_id")
        .values_list("translation_key", "locale__language_code", *fields)
    ):
        found.setdefault(key, (set(), values))[0].add(language)
    return found


def _method_records(period, names):
    """Toolkit methods published in the period, per language, credited to their partner. One query."""
    from toolkit.models import ToolPage

    records = []
    for key, (languages, (partner,)) in _published(ToolPage, period, "partner__translation_key").items():
        partners = _keys(partner)
        countries = _keys(*(names.partner_countries.get(each) for each in partners))
        records.append(Record((key,), 1, partners, countries, languages=frozenset(languages)))
    return tuple(records)


def _case_records(period, names):
    """Case studies published in the period, per language, credited to their partners, in their
    country. Two queries."""
    from practices.models import CaseStudyPage

    published = _published(CaseStudyPage, period, "country")
    partners = {}
    through = CaseStudyPage.partners.through
    for key, partner in through.objects.filter(casestudypage__translation_key__in=list(published)).values_list(
        "casestudypage__translation_key", "partner__translation_key"
    ):
        partners.setdefault(key, set()).add(str(partner))
    return tuple(
        Record((key,), 1, frozenset(partners.get(key, ())), _keys(country), languages=frozenset(languages))
        for key, (languages, (country,)) in published.items()
    )


def _badge_records(period, names):
    """Badges awarded in the period and not revoked, per issuing partner and recipient's language.
    Example awards and awards of example badges are left out. One query."""
    from badges.models import Award

    first, after = period.bounds
    rows = (
        Award.objects.filter(
            is_example=False,
            achievement__is_example=False,
            status__revoked_at__isnull=True,
            created_at__gte=first,
            created_at__lt=after,
        )
        .order_by()
        .values_list("achievement__partner__translation_key", "language")
        .annotate(n=Count("pk"))
    )
    records = []
    for partner, language, n in rows:
        partners = _keys(partner)
        countries = _keys(*(names.partner_countries.get(each) for each in partners))
        records.append(Record((partner, language), n, partners, countries, languages=_keys(language)))
    return tuple(records)


ALL = frozenset(DIMENSIONS)


def report(period, partner=None, now=None):
    """The funder report for `period`: every indicator, each with its records.

    With `partner` (a partner's translation key), only what that partner is credited with.
    """
    now = now or timezone.now()
    names = _names()
    held, people = _event_records(period, names, now)
    indicators = (
        Indicator(
            "events",
            _("Events held"),
            _("events"),
            held,
            ALL,
            _("Events that ended in the period; an event for several sectors counts under each."),
        ),
        Indicator(
            "participants",
            _("Participants"),
            _("participants"),
            tuple(people[None]),
            ALL,
            _(
                "People marked present once attendance is recorded for an event, otherwise its confirmed "
                "registrations; by the registrant's sector and language."
            ),
        ),
        Indicator(
            "workshop-attendance",
            _("Workshop attendance"),
            _("participants"),
            tuple(people[Kind.WORKSHOP]),
            ALL,
            _("Participants in cross-practice workshops."),
        ),
        Indicator(
            "conference-attendance",
            _("Conference attendance"),
            _("participants"),
            tuple(people[Kind.CONFERENCE]),
            ALL,
            _("Participants in the final conference."),
        ),
        Indicator(
            "downloads",
            _("Downloads"),
            _("downloads"),
            _download_records(period),
            frozenset({LANGUAGE}),
            _("Downloads of the publication counted under COUNTER rules, by language of the file."),
        ),
        Indicator(
            "copies-sent",
            _("Printed copies sent"),
            _("copies"),
            _copy_records(period),
            frozenset({COUNTRY, LANGUAGE}),
            _("Copies sent to requests made in the period, by the requester's country and language."),
        ),
        Indicator(
            "films-captioned",
            _("Films captioned"),
            _("films"),
            _film_records(period, names),
            frozenset({PARTNER, COUNTRY, LANGUAGE}),
            _("Films with captions in a language first published in the period; partners of the source project."),
        ),
        Indicator(
            "methods",
            _("Methods published"),
            _("methods"),
            _method_records(period, names),
            frozenset({PARTNER, COUNTRY, LANGUAGE}),
            _("Toolkit methods first published in the period, in each language."),
        ),
        Indicator(
            "cases",
            _("Case studies published"),
            _("case studies"),
            _case_records(period, names),
            frozenset({PARTNER, COUNTRY, LANGUAGE}),
            _("Case studies first published in the period, in each language."),
        ),
        Indicator(
            "badges",
            _("Badges awarded"),
            _("badges"),
            _badge_records(period, names),
            frozenset({PARTNER, COUNTRY, LANGUAGE}),
            _("Badges awarded in the period and not revoked, by issuing partner and recipient's language."),
        ),
    )
    if partner:
        partner = str(partner)
        indicators = tuple(
            Indicator(
                each.key,
                each.label,
                each.unit,
                tuple(record for record in each.records if partner in record.partners),
                each.dimensions,
                each.note,
            )
            for each in indicators
        )
    return Report(period=period, indicators=indicators, names=names, partner=partner)
