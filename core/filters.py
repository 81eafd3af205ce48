"""Faceted filters for listing pages: validated against allow-lists, with counts.

A listing page describes each of its items as a small record (a dict) fetched in
a constant number of queries, declares its filters, and lets `FacetedFilter`
do the rest::

    rows = list(visible(MyPage.objects.all(), locale).values("id", "title", "kind"))
    finder = FacetedFilter(
        request.GET,
        rows,
        facets=[Facet("kind", _("Kind"), choices=MyPage.Kind.choices)],
        tests=[NumberTest("size", _("Group size"), lambda row, n: row["min"] <= n <= row["max"])],
    )
    finder.results      # the records that pass every active filter, in their original order
    finder.facets       # per facet: the options in use, each with its count and selected state
    finder.messages     # what was ignored in the request, to show on the page
    finder.is_filtered  # for a noindex robots meta on filtered views

Why in Python rather than one SQL query per option: every count has to respect
the *other* active filters, items can have several values per facet (many-to-many
links, multiple choices), and some facets are derived (an item's competence also
counts for its area). Working on records keeps the listing at a fixed number of
queries, whatever the number of items or options; the page of results is then
fetched by id (`in_order`). It suits listings of a few thousand items per
language, which is what a toolkit or a case-study library holds.

Rules the helpers enforce:
- Only values in use are offered: an option appears when at least one record has
  it (before filtering), so a filter never leads to an option nobody could match.
- Within a facet the selected options are alternatives (OR); between facets they
  are all required (AND).
- Unknown or malformed values never raise: they are dropped and reported in
  `messages`, and the rest of the request still applies.

`positive_integer` reads a number from a query parameter (an id, a count) for
the views that take one outside a form.
"""

from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext as _


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False
    group: str = ""
    depth: int = 0


@dataclass
class FacetState:
    """A facet as the template shows it: its options in use, with counts."""

    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]

    @property
    def groups(self):
        """The options grouped by their `group` label, in order: [(group, [options])]."""
        grouped = []
        for option in self.options:
            if not grouped or grouped[-1][0] != option.group:
                grouped.append((option.group, []))
            grouped[-1][1].append(option)
        return grouped


class Facet:
    """A filter whose options are counted: a fixed allow-list of (value, label) choices.

    `values(row)` gives the values one record has for this facet (a single value,
    an iterable of values, or None); by default it reads `row[name]`. `choices` is
    the allow-list in display order, as (value, label) pairs or Option objects (to
    carry a group or a depth); values a record has but the allow-list lacks are
    never offered.
    """

    def __init__(self, name, label, choices, values=None):
        self.name = name
        self.label = label
        self.choices = [
            choice if isinstance(choice, Option) else Option(str(choice[0]), str(choice[1])) for choice in choices
        ]
        self._values = values

    def row_values(self, row):
        raw = self._values(row) if self._values else row.get(self.name)
        if raw is None or raw == "":
            return set()
        if isinstance(raw, str | int):
            return {str(raw)}
        return {str(value) for value in raw if value is not None and value != ""}

    def matches(self, row, selected):
        return bool(self.row_values(row) & set(selected))


class NumberTest:
    """A filter on a typed value the visitor enters (not counted), e.g. "fits a group of N".

    `test(row, value)` says whether a record passes for the cleaned value.
    """

    def __init__(self, name, label, test, min_value=None, max_value=None, help_text=""):
        self.name = name
        self.label = label
        self.test = test
        self.min_value = min_value
        self.max_value = max_value
        self.help_text = help_text

    def form_field(self):
        return forms.IntegerField(label=self.label, required=False, min_value=self.min_value, max_value=self.max_value)

    def matches(self, row, value):
        return self.test(row, value)

    def describe_error(self, raw):
        if self.min_value is not None and self.max_value is not None:
            return _(
                "“%(value)s” is not a valid value for “%(filter)s” "
                "(a whole number from %(min)s to %(max)s); it was ignored."
            ) % {
                "value": raw,
                "filter": self.label,
                "min": self.min_value,
                "max": self.max_value,
            }
        return _("“%(value)s” is not a valid value for “%(filter)s” (a whole number); it was ignored.") % {
            "value": raw,
            "filter": self.label,
        }


def positive_integer(raw, maximum=2**31 - 1):
    """The whole number from 1 to `maximum` that `raw` spells in ASCII digits, or None.

    Neither `str.isdigit()` nor `int()` is a safe test on its own: "²".isdigit() is
    true but int("²") raises, int("١٢") reads Arabic-Indic digits, and int() refuses
    numbers of more than 4,300 digits. Surrounding spaces and leading zeros are allowed.
    """
    text = str(raw).strip()
    if not (text.isascii() and text.isdigit()):
        return None
    significant = text.lstrip("0")
    if not significant or len(significant) > len(str(maximum)):
        return None
    number = int(significant)
    return number if number <= maximum else None


def shorten(value, length=40):
    """A submitted value, cut short for quoting back in a message."""
    return Truncator(str(value)).chars(length)


def values_in_use(rows, facet):
    """How many records have each value of `facet`, before any filtering."""
    counter = Counter()
    for row in rows:
        counter.update(facet.row_values(row))
    return counter


class FilterForm(forms.Form):
    """The GET form of a listing, built from its facets and tests.

    Choice fields only accept the values in use (the allow-list); unknown values
    are removed from the data before validation and reported, so that the valid
    ones still apply. Typed fields that fail validation are reported and ignored.
    """

    def __init__(self, data, facets, tests, in_use):
        self.ignored = []
        data = data.copy() if data is not None else None
        if data is not None:
            for facet in facets:
                allowed = {option.value for option in facet.choices if in_use[facet.name][option.value]}
                submitted = data.getlist(facet.name)
                valid = [value for value in submitted if value in allowed]
                for value in submitted:
                    if value not in allowed:
                        self.ignored.append(
                            _("“%(value)s” is not a known option for “%(filter)s”; it was ignored.")
                            % {"value": shorten(value), "filter": facet.label}
                        )
                data.setlist(facet.name, list(dict.fromkeys(valid)))
        super().__init__(data)
        for facet in facets:
            choices = [(option.value, option.label) for option in facet.choices if in_use[facet.name][option.value]]
            self.fields[facet.name] = forms.MultipleChoiceField(
                label=facet.label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple
            )
        for test in tests:
            self.fields[test.name] = test.form_field()
        self.tests = {test.name: test for test in tests}

    def valid_values(self):
        """The cleaned value of each field that validated; invalid fields are left out."""
        self.is_valid()
        for name, test in self.tests.items():
            if name in self.errors:
                self.ignored.append(test.describe_error(shorten(self.data.get(name, ""))))
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "", [])}


class FacetedFilter:
    """Filters `rows` by the request's GET data and counts each facet's options.

    Each option's count is the number of records it would give, combined with the
    other active filters (the same facet's own selection aside, since options of
    one facet are alternatives).
    """

    def __init__(self, data, rows, facets=(), tests=()):
        self.rows = rows
        self._facets = list(facets)
        self._tests = list(tests)
        # Each record's values per facet, computed once: every count reuses them.
        self._values = {facet.name: [facet.row_values(row) for row in rows] for facet in self._facets}
        in_use = {
            name: Counter(value for values in column for value in values) for name, column in self._values.items()
        }
        self.form = FilterForm(data, self._facets, self._tests, in_use)
        self.active = self.form.valid_values()
        # The same mistake repeated (?group=x&group=x) is reported once.
        self.messages = list(dict.fromkeys(self.form.ignored))
        # For each active filter, which records pass it (one pass over the records per filter).
        self._passing = {}
        for facet in self._facets:
            if facet.name in self.active:
                selected = set(self.active[facet.name])
                self._passing[facet.name] = [bool(values & selected) for values in self._values[facet.name]]
        for test in self._tests:
            if test.name in self.active:
                value = self.active[test.name]
                self._passing[test.name] = [test.matches(row, value) for row in rows]
        self.results = [row for index, row in enumerate(rows) if self._passes(index)]
        self.facets = [self._state(facet, in_use[facet.name]) for facet in self._facets]

    @property
    def is_filtered(self):
        return bool(self.active)

    def _passes(self, index, exclude=None):
        return all(passing[index] for name, passing in self._passing.items() if name != exclude)

    def _state(self, facet, in_use):
        counts = Counter()
        for index, values in enumerate(self._values[facet.name]):
            if self._passes(index, exclude=facet.name):
                counts.update(values)
        selected = set(self.active.get(facet.name, []))
        options = [
            Option(
                value=choice.value,
                label=choice.label,
                count=counts[choice.value],
                selected=choice.value in selected,
                group=choice.group,
                depth=choice.depth,
            )
            for choice in facet.choices
            if in_use[choice.value]
        ]
        return FacetState(facet.name, facet.label, options)

    def value(self, name):
        """The active value of a filter, or None."""
        return self.active.get(name)


def in_order(queryset, ids):
    """The objects of `queryset` with these ids, in the order of `ids` (one query)."""
    by_id = {obj.pk: obj for obj in queryset.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]
