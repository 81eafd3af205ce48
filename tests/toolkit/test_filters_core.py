"""The generic faceted filter of core/filters.py, on plain records."""

from django.http import QueryDict
from django.utils import translation

from core.filters import Facet, FacetedFilter, NumberTest, Option, in_order

ROWS = [
    {"id": 1, "colour": ["red", "blue"], "size": 2},
    {"id": 2, "colour": ["red"], "size": 5},
    {"id": 3, "colour": ["green"], "size": 5},
    {"id": 4, "colour": [], "size": 9},
]
COLOURS = [("red", "Red"), ("blue", "Blue"), ("green", "Green"), ("pink", "Pink")]


def finder(query):
    return FacetedFilter(
        QueryDict(query),
        ROWS,
        facets=[Facet("colour", "Colour", COLOURS)],
        tests=[NumberTest("max", "At most", lambda row, value: row["size"] <= value, min_value=1, max_value=10)],
    )


def test_no_filter_keeps_everything_and_offers_values_in_use():
    result = finder("")
    assert [row["id"] for row in result.results] == [1, 2, 3, 4]
    assert not result.is_filtered
    options = result.facets[0].options
    assert [(o.value, o.count) for o in options] == [("red", 2), ("blue", 1), ("green", 1)]


def test_options_of_one_facet_are_alternatives():
    result = finder("colour=blue&colour=green")
    assert [row["id"] for row in result.results] == [1, 3]
    assert [o.value for o in result.facets[0].selected] == ["blue", "green"]


def test_counts_respect_the_other_filters():
    result = finder("max=4")
    assert [row["id"] for row in result.results] == [1]
    assert {o.value: o.count for o in result.facets[0].options} == {"red": 1, "blue": 1, "green": 0}


def test_bad_values_are_reported_and_ignored():
    with translation.override("en"):
        result = finder("colour=pink&colour=red&max=-1")
    assert [row["id"] for row in result.results] == [1, 2]
    assert len(result.messages) == 2
    assert "“pink”" in result.messages[0]
    assert "“-1”" in result.messages[1]


def test_option_objects_carry_groups():
    facet = Facet("colour", "Colour", [Option("red", "Red", group="Warm"), Option("blue", "Blue", group="Cold")])
    result = FacetedFilter(QueryDict(""), ROWS, facets=[facet])
    assert [group for group, _options in result.facets[0].groups] == ["Warm", "Cold"]


def test_in_order_keeps_the_order_of_ids(db):
    from wagtail.models import Page

    ids = list(Page.objects.order_by("-pk").values_list("pk", flat=True)[:3])
    assert [page.pk for page in in_order(Page.objects.all(), ids)] == ids
