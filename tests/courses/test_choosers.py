"""A course module's methods are toolkit methods and its films films: the choosers offer
only those, and another type of page is refused."""

import pytest
from django.core.exceptions import ValidationError

from courses.blocks import ModuleBlock
from films.models import FilmPage
from toolkit.models import ToolPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("name", "right", "wrong"), [("methods", ToolPage, FilmPage), ("films", FilmPage, ToolPage)])
def test_module_choosers_offer_and_accept_one_page_type(name, right, wrong):
    chooser = ModuleBlock().child_blocks[name].child_block
    assert chooser.widget.model_names == [right._meta.label_lower]
    chosen = right.objects.first()
    assert chooser.clean(chosen).pk == chosen.pk
    with pytest.raises(ValidationError):
        chooser.clean(wrong.objects.first())
