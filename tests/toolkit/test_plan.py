"""The workshop plan: kept in the URL, totals, group sizes, materials, steps, bad ids."""

import pytest

from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db


def by_slug(lang, slug):
    return ToolPage.objects.get(locale__language_code=lang, slug=slug)


def plan_url(toolkit, *pages):
    return toolkit.url + "plan/?" + "&".join(f"m={page.pk}" for page in pages)


def test_plan_totals_and_group_size_that_fits_all(client, toolkits):
    interview = by_slug("en", "job-interview-rehearsal")  # 120 min, 3-12
    tower = by_slug("en", "tower-challenge")  # 45 min, 6-24
    letter = by_slug("en", "application-letter-from-strengths")  # 90 min, 1-10
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


def test_plan_says_when_no_group_size_fits(client, toolkits):
    one_to_one = by_slug("en", "strengths-conversation")  # 1-1
    circle = by_slug("en", "strengths-circle")  # 6-12
    response = client.get(plan_url(toolkits["en"], one_to_one, circle))
    fit = response.context["group_fit"]
    assert fit["fits"] is False
    assert "No group size suits every method" in response.content.decode()


def test_plan_merges_materials_and_orders_steps(client, toolkits):
    first = by_slug("en", "strengths-conversation")
    second = by_slug("en", "strengths-circle")
    response = client.get(plan_url(toolkits["en"], first, second))
    materials = [entry["text"] for entry in response.context["materials"]]
    assert materials.count("Pens") == 1, "a material both methods need is listed once"
    assert set(first.materials_list) | set(second.materials_list) == set(materials)
    steps = response.context["steps"]
    assert [step["number"] for step in steps] == list(range(1, len(first.steps) + len(second.steps) + 1))
    assert [step["method"].pk for step in steps] == [first.pk] * len(first.steps) + [second.pk] * len(second.steps)
    assert steps[0]["title"] == first.steps[0].value["title"]


def test_moving_and_removing_methods_are_plain_links(client, toolkits):
    first = by_slug("en", "strengths-conversation")
    second = by_slug("en", "strengths-circle")
    response = client.get(plan_url(toolkits["en"], first, second))
    items = response.context["plan_items"]
    assert items[0]["down_url"].endswith(f"plan/?m={second.pk}&m={first.pk}")
    assert items[0]["up_url"] is None
    assert items[0]["remove_url"].endswith(f"plan/?m={second.pk}")


@pytest.mark.parametrize("bad", ["abc", "-3", "99999999", "1.5", "99999999999999999999"])
def test_bad_ids_give_a_message_never_an_error(client, toolkits, bad):
    good = by_slug("en", "tower-challenge")
    response = client.get(toolkits["en"].url + f"plan/?m={bad}&m={good.pk}")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert [item["method"].pk for item in response.context["plan_items"]] == [good.pk]
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


def test_a_shared_plan_opens_in_another_language(client, toolkits):
    english = [by_slug("en", "tower-challenge"), by_slug("en", "listening-in-pairs")]
    response = client.get(plan_url(toolkits["fr"], *english))
    assert response.status_code == 200
    titles = [item["method"].title for item in response.context["plan_items"]]
    assert titles == ["Le défi de la tour", "L'écoute en binôme"]
    french_ids = [item["method"].pk for item in response.context["plan_items"]]
    assert response.context["share_url"].endswith(f"/fr/boite-a-outils/plan/?m={french_ids[0]}&m={french_ids[1]}")
    links = {other["code"]: other["url"] for other in response.context["other_languages"]}
    assert links["nl"] == f"/nl/methodenkoffer/plan/?m={french_ids[0]}&m={french_ids[1]}"


def test_add_and_remove_from_a_method_page(client, toolkits):
    tower = by_slug("fr", "defi-de-la-tour")
    listening = by_slug("fr", "ecoute-en-binome")
    html = client.get(tower.url).content.decode()
    assert f'href="/fr/boite-a-outils/plan/?m={tower.pk}"' in html
    # With a plan in progress the method page adds to it, and offers removal once included.
    html = client.get(tower.url, {"m": listening.pk}).content.decode()
    assert f'href="/fr/boite-a-outils/plan/?m={listening.pk}&amp;m={tower.pk}"' in html
    response = client.get(tower.url, {"m": [listening.pk, tower.pk]})
    assert response.context["in_plan"] is True
    assert response.context["remove_from_plan_url"] == f"/fr/boite-a-outils/plan/?m={listening.pk}"


def test_listing_carries_the_plan(client, toolkits):
    tower = by_slug("en", "tower-challenge")
    # Sharing tasks in a team: a filter that puts the tower challenge on the first page.
    response = client.get(toolkits["en"].url, {"m": tower.pk, "competence": "SPOCC:EX-C1"})
    html = response.content.decode()
    assert response.context["plan"]["count"] == 1
    assert response.context["plan"]["minutes"] == 45
    assert f'<input type="hidden" name="m" value="{tower.pk}">' in html
    card = next(item for item in response.context["methods"] if item["page"].pk == tower.pk)
    assert card["in_plan"] and card["plan_url"].endswith("plan/")


def test_plan_query_count_is_flat(client, toolkits, django_assert_max_num_queries):
    pages = list(ToolPage.objects.filter(locale__language_code="en").order_by("pk")[:8])
    client.get(plan_url(toolkits["en"], *pages[:2]))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as two:
        client.get(plan_url(toolkits["en"], *pages[:2]))
    with CaptureQueriesContext(connection) as eight:
        client.get(plan_url(toolkits["en"], *pages))
    assert len(eight) == len(two)
