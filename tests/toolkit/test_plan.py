"""The workshop plan: kept in the URL, totals, group sizes, materials, steps, bad ids."""

import pytest

from tests.factories import FrameworkItemFactory, ToolPageFactory, translate
from tests.factories.pages import steps

pytestmark = pytest.mark.django_db


def plan_url(toolkit, *pages):
    return toolkit.url + "plan/?" + "&".join(f"m={page.pk}" for page in pages)


@pytest.fixture
def conversation():
    return ToolPageFactory(
        title="Strengths conversation",
        group_size_min=1,
        group_size_max=1,
        materials="Pens\nStrength cards",
        steps=steps("Welcome", "Ask about a good day"),
    )


@pytest.fixture
def circle():
    return ToolPageFactory(
        title="Strengths circle",
        group_size_min=6,
        group_size_max=12,
        materials="Pens\nFlip chart\nTimer",
        steps=steps("Sit in a circle", "Name a strength", "Close the round"),
    )


@pytest.fixture
def tower():
    return ToolPageFactory(title="Tower challenge", duration_minutes=45, group_size_min=6, group_size_max=24)


def test_plan_totals_and_group_size_that_fits_all(client, toolkits):
    interview = ToolPageFactory(duration_minutes=120, group_size_min=3, group_size_max=12)
    tower = ToolPageFactory(duration_minutes=45, group_size_min=6, group_size_max=24)
    letter = ToolPageFactory(duration_minutes=90, group_size_min=1, group_size_max=10)
    response = client.get(plan_url(toolkits["en"], interview, tower, letter))
    assert response.status_code == 200
    assert response.context["total_minutes"] == 255
    fit = response.context["group_fit"]
    assert (fit["min"], fit["max"], fit["fits"]) == (6, 10, True)
    html = response.content.decode()
    assert "4 h 15 min" in html
    assert "6 to 10 people" in html
    assert [item["method"].pk for item in response.context["plan_items"]] == [interview.pk, tower.pk, letter.pk]
    assert '<meta name="robots" content="noindex, follow">' in html


def test_plan_says_when_no_group_size_fits(client, toolkits, conversation, circle):
    response = client.get(plan_url(toolkits["en"], conversation, circle))
    fit = response.context["group_fit"]
    assert fit["fits"] is False
    assert "No group size suits every method" in response.content.decode()


def test_plan_merges_materials_and_orders_steps(client, toolkits, conversation, circle):
    response = client.get(plan_url(toolkits["en"], conversation, circle))
    materials = [entry["text"] for entry in response.context["materials"]]
    assert materials.count("Pens") == 1, "a material both methods need is listed once"
    assert set(materials) == {"Pens", "Strength cards", "Flip chart", "Timer"}
    steps = response.context["steps"]
    assert [step["number"] for step in steps] == [1, 2, 3, 4, 5]
    assert [step["method"].pk for step in steps] == [conversation.pk] * 2 + [circle.pk] * 3
    assert [step["title"] for step in steps][:3] == ["Welcome", "Ask about a good day", "Sit in a circle"]


def test_moving_and_removing_methods_are_plain_links(client, toolkits, conversation, circle):
    response = client.get(plan_url(toolkits["en"], conversation, circle))
    items = response.context["plan_items"]
    assert items[0]["down_url"].endswith(f"plan/?m={circle.pk}&m={conversation.pk}")
    assert items[0]["up_url"] is None
    assert items[0]["remove_url"].endswith(f"plan/?m={circle.pk}")


@pytest.mark.parametrize("bad", ["abc", "-3", "99999999", "1.5", "99999999999999999999"])
def test_bad_ids_give_a_message_never_an_error(client, toolkits, tower, bad):
    response = client.get(toolkits["en"].url + f"plan/?m={bad}&m={tower.pk}")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert [item["method"].pk for item in response.context["plan_items"]] == [tower.pk]
    assert response.context["plan_messages"]


def test_ids_of_other_pages_are_not_methods(client, toolkits, homes):
    response = client.get(toolkits["en"].url + f"plan/?m={homes['en'].pk}")
    assert response.status_code == 200
    assert response.context["plan_items"] == []
    assert response.context["plan_messages"]


def test_empty_plan_explains_itself(client, toolkits):
    response = client.get(toolkits["nl"].url + "plan/")
    assert response.status_code == 200
    assert response.context["plan_items"] == []


def test_a_shared_plan_opens_in_another_language(client, toolkits, tower):
    listening = ToolPageFactory(title="Listening in pairs")
    french = [
        translate(tower, "fr", title="Le défi de la tour"),
        translate(listening, "fr", title="L'écoute en binôme"),
    ]
    for page in (tower, listening):
        translate(page, "nl")
    response = client.get(plan_url(toolkits["fr"], tower, listening))
    assert response.status_code == 200
    assert [item["method"].title for item in response.context["plan_items"]] == [
        "Le défi de la tour",
        "L'écoute en binôme",
    ]
    query = f"plan/?m={french[0].pk}&m={french[1].pk}"
    assert [item["method"].pk for item in response.context["plan_items"]] == [page.pk for page in french]
    assert response.context["share_url"].endswith(toolkits["fr"].url + query)
    links = {other["code"]: other["url"] for other in response.context["other_languages"]}
    assert links["nl"] == toolkits["nl"].url + query


def test_add_and_remove_from_a_method_page(client, toolkits, tower):
    tower = translate(tower, "fr")
    listening = translate(ToolPageFactory(), "fr")
    plan = toolkits["fr"].url + "plan/"
    html = client.get(tower.url).content.decode()
    assert f'href="{plan}?m={tower.pk}"' in html
    # With a plan in progress the method page adds to it, and offers removal once included.
    html = client.get(tower.url, {"m": listening.pk}).content.decode()
    assert f'href="{plan}?m={listening.pk}&amp;m={tower.pk}"' in html
    response = client.get(tower.url, {"m": [listening.pk, tower.pk]})
    assert response.context["in_plan"] is True
    assert response.context["remove_from_plan_url"] == f"{plan}?m={listening.pk}"


def test_listing_carries_the_plan(client, toolkits):
    # A competence only this method is linked to: the filter puts it on the first page.
    item = FrameworkItemFactory()
    tower = ToolPageFactory(duration_minutes=45, competences=[item])
    response = client.get(toolkits["en"].url, {"m": tower.pk, "competence": f"{item.framework.code}:{item.code}"})
    html = response.content.decode()
    assert response.context["plan"]["count"] == 1
    assert response.context["plan"]["minutes"] == 45
    assert f'<input type="hidden" name="m" value="{tower.pk}">' in html
    card = next(item for item in response.context["methods"] if item["page"].pk == tower.pk)
    assert card["in_plan"] and card["plan_url"].endswith("plan/")


def test_plan_query_count_is_flat(client, toolkits):
    pages = ToolPageFactory.create_batch(8, materials="Pens", steps=steps("One step"))
    client.get(plan_url(toolkits["en"], *pages[:2]))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as two:
        client.get(plan_url(toolkits["en"], *pages[:2]))
    with CaptureQueriesContext(connection) as eight:
        client.get(plan_url(toolkits["en"], *pages))
    assert len(eight) == len(two)
