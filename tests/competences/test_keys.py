"""A competence reads the same in every address (LifeComp:S1), and competences are listed
in one order everywhere: by framework, then down each item's lineage."""

import pytest

from competences.keys import competence_value, framework_order, item_value, parse_competence_value
from competences.models import FrameworkItem

pytestmark = pytest.mark.django_db


def test_a_competence_value_is_the_framework_code_and_the_item_code():
    assert competence_value("LifeComp", "S1") == "LifeComp:S1"
    assert parse_competence_value("LifeComp:S1") == ("LifeComp", "S1")
    assert parse_competence_value("EntreComp:1.2") == ("EntreComp", "1.2")


@pytest.mark.parametrize("value", ["", "LifeComp", ":S1", "LifeComp:", "00000000-0000-0000-0000-000000000000"])
def test_anything_else_is_not_a_competence_value(value):
    assert parse_competence_value(value) is None


def test_every_language_writes_the_same_value_for_an_item():
    items = FrameworkItem.objects.filter(framework__code="LifeComp", code="S1").select_related("framework")
    assert {item_value(item) for item in items} == {"LifeComp:S1"}
    assert items.count() == 3


def test_areas_come_just_before_their_competences_and_frameworks_in_their_order():
    items = list(
        FrameworkItem.objects.filter(locale__language_code="en").select_related("framework", "parent__parent__parent")
    )
    ordered = sorted(items, key=framework_order)
    frameworks = [item.framework.sort_order for item in ordered]
    assert frameworks == sorted(frameworks)
    for position, item in enumerate(ordered):
        if item.parent_id:
            parent_position = next(i for i, other in enumerate(ordered) if other.pk == item.parent_id)
            assert parent_position < position
            between = ordered[parent_position + 1 : position]
            assert all(other.parent_id is not None for other in between)
