"""Finding methods: combined filters, counts, bad input, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from competences.models import FrameworkItem
from demo.context import DemoContext
from toolkit.demo import add_variants
from toolkit.finding import duration_bucket
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db


def competence_values(entry, parents):
    values = set()
    for ref in entry["competences"]:
        framework, code = ref.split(" ")
        values.add(f"{framework}:{code}")
        if parents.get((framework, code)):
            values.add(f"{framework}:{parents[(framework, code)]}")
    return values


@pytest.fixture
def parents(db):
    return {
        (item.framework.code, item.code): item.parent.code if item.parent else None
        for item in FrameworkItem.objects.filter(locale__language_code="en").select_related("framework", "parent")
    }


def expected(methods_data, parents, lang="en", **filters):
    """The titles the filters should give, computed from the demo data file."""
    titles = set()
    for entry in methods_data["methods"]:
        if "competence" in filters and not competence_values(entry, parents) & set(filters["competence"]):
            continue
        if "group" in filters and not set(entry["target_groups"]) & set(filters["group"]):
            continue
        if "setting" in filters and not set(entry["setting"]) & set(filters["setting"]):
            continue
        if "duration" in filters and duration_bucket(entry["duration"]) not in filters["duration"]:
            continue
        if "project" in filters and entry["project"] not in filters["project"]:
            continue
        if "size" in filters and not entry["group_size"][0] <= filters["size"] <= entry["group_size"][1]:
            continue
        titles.add(entry[lang]["title"])
    return titles


def result_titles(response):
    ids = [row["id"] for row in response.context["finder"].results]
    return set(ToolPage.objects.filter(pk__in=ids).values_list("title", flat=True))


def facet(response, name):
    return next(state for state in response.context["finder"].facets if state.name == name)


@pytest.mark.parametrize(
    "filters",
    [
        {"group": ["migrants"]},
        {"group": ["migrants", "sme-mentors"]},
        {"setting": ["online"], "group": ["adult-educators"]},
        {"competence": ["LifeComp:S"], "setting": ["group"]},
        {"competence": ["SPOCC:O"], "duration": ["0-30", "31-60"]},
        {"project": ["SUCCES"], "size": 2},
        {"competence": ["LifeComp:S2"], "group": ["migrants"], "size": 8, "duration": ["31-60"]},
    ],
)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_filters_combine(client, toolkits, methods_data, parents, filters, lang):
    response = client.get(toolkits[lang].url, filters)
    assert response.status_code == 200
    wanted = expected(methods_data, parents, lang=lang, **filters)
    assert wanted, "the example should match something"
    assert result_titles(response) == wanted
    assert response.context["result_count"] == len(wanted)
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


def test_option_counts_follow_the_other_filters(client, toolkits, methods_data, parents):
    filters = {"group": ["young-people"], "setting": ["group"]}
    response = client.get(toolkits["en"].url, filters)
    # A setting option counts the young-people methods in that setting (its own facet aside).
    for option in facet(response, "setting").options:
        assert option.count == len(expected(methods_data, parents, group=["young-people"], setting=[option.value]))
    for option in facet(response, "project").options:
        assert option.count == len(expected(methods_data, parents, project=[option.value], **filters))
    for option in facet(response, "competence").options:
        assert option.count == len(expected(methods_data, parents, competence=[option.value], **filters))
    selected = [option.value for option in facet(response, "setting").selected]
    assert selected == ["group"]


def test_only_values_in_use_are_offered(client, toolkits, methods_data, parents):
    response = client.get(toolkits["nl"].url)
    in_use = set().union(*(competence_values(entry, parents) for entry in methods_data["methods"]))
    offered = {option.value for option in facet(response, "competence").options}
    assert offered == in_use
    assert "EntreComp:1.3" not in offered, "Vision is linked by no method"
    projects = {option.value for option in facet(response, "project").options}
    assert projects == {entry["project"] for entry in methods_data["methods"]}


def test_competence_options_are_in_the_page_language(client, toolkits):
    response = client.get(toolkits["fr"].url)
    labels = {option.value: option.label for option in facet(response, "competence").options}
    assert labels["LifeComp:S1"] == "Empathie"
    assert labels["LifeComp:P3"] == "Bien-être"
    assert labels["SPOCC:S"] == "Compétences sociales"
    groups = {option.group for option in facet(response, "competence").options}
    assert "Référentiel de compétences transversales SoftSkills4EU" in groups


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"duration": "abc"}, "“abc”"),
        ({"competence": "nonexistent"}, "“nonexistent”"),
        ({"size": "-5"}, "“-5”"),
        ({"size": "twelve"}, "“twelve”"),
        ({"group": "<script>"}, "“&lt;script&gt;”"),
        ({"project": "NOPE", "page": "zzz"}, "“NOPE”"),
    ],
)
def test_bad_values_give_a_message_and_are_ignored(client, toolkits, query, message):
    response = client.get(toolkits["en"].url, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert message in html
    assert response.context["result_count"] == response.context["total_count"]


def test_a_bad_value_does_not_cancel_the_good_ones(client, toolkits, methods_data, parents):
    response = client.get(toolkits["en"].url, {"group": ["migrants", "martians"], "size": "abc"})
    assert response.status_code == 200
    assert result_titles(response) == expected(methods_data, parents, group=["migrants"])
    assert len(response.context["finder"].messages) == 2


def test_filters_work_as_a_plain_get_form(client, toolkits):
    html = client.get(toolkits["fr"].url).content.decode()
    assert f'<form class="toolkit-filters" method="get" action="{toolkits["fr"].url}"' in html
    assert 'name="competence" value="LifeComp:S1"' in html
    assert 'name="size"' in html


def test_pagination_keeps_the_filters(client, toolkits):
    toolkit = toolkits["en"]
    response = client.get(toolkit.url, {"setting": "group"})
    if response.context["page_obj"].paginator.num_pages > 1:
        assert "setting=group&amp;page=2" in response.content.decode()
    response = client.get(toolkit.url, {"page": "999"})
    assert response.status_code == 200


def test_listing_query_count_does_not_grow_with_the_methods(client, toolkits, homes):
    toolkit = toolkits["fr"]
    query = {"competence": "LifeComp:S", "size": "6"}

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(toolkit.url, query)
        assert response.status_code == 200
        return len(queries), response.context["total_count"]

    client.get(toolkit.url, query)  # warm caches (content types, site)
    few, total_before = count()
    ctx = DemoContext(scale=3)
    from toolkit.demo import load_methods

    add_variants(ctx, toolkits["en"], load_methods()["methods"], [2, 3])
    many, total_after = count()
    assert total_after == 3 * total_before
    assert many == few
