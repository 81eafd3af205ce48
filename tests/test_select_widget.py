"""The country list of the copy-request form is rendered once per language and choice, then reused."""

from django import forms
from django.utils import translation

from core.widgets import RememberedSelect
from publications.forms import PrintRequestForm


def test_it_writes_the_same_markup_as_djangos_select():
    choices = [("", "—"), ("a", "A & B"), ("Group", [("x", "X"), ("y", "Y")])]
    plain = forms.Select(choices=choices, attrs={"required": True})
    remembered = RememberedSelect("sample", choices=choices, attrs={"required": True})
    for value in ("", "a", "y"):
        assert remembered.render("field", value, {"id": "id_field"}) == plain.render("field", value, {"id": "id_field"})


def test_the_copy_request_form_keeps_the_chosen_country_and_names_countries_in_the_visitors_language():
    with translation.override("fr"):
        html = str(PrintRequestForm(data={"country": "BE"})["country"])
    assert '<option value="BE" selected>Belgique</option>' in html
    assert html.count("<option") > 200
    with translation.override("nl"):
        html = str(PrintRequestForm(data={"country": "BE"})["country"])
    assert '<option value="BE" selected>België</option>' in html
    with translation.override("nl"):
        html = str(PrintRequestForm(data={"country": "NL"})["country"])
    assert '<option value="NL" selected>Nederland</option>' in html and 'BE" selected' not in html


def test_a_second_render_is_reused_not_rebuilt(monkeypatch):
    form = PrintRequestForm(data={"country": "FR"})
    first = str(form["country"])
    monkeypatch.setattr(forms.Select, "render", lambda *args, **kwargs: "rebuilt")
    assert str(PrintRequestForm(data={"country": "FR"})["country"]) == first
