"""Form widgets shared by the public forms."""

from django import forms
from django.utils.translation import get_language

_rendered = {}
_MAX_RENDERED = 256


class RememberedSelect(forms.Select):
    """A select over a fixed, long list (the countries) that each process renders once
    per language, value and attributes, then reuses.

    Building some 250 translated, sorted options costs tens of milliseconds a render.
    `list_name` names the list: the list only changes with a new release, which
    starts new processes.
    """

    def __init__(self, list_name, attrs=None, choices=()):
        super().__init__(attrs, choices)
        self.list_name = list_name

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        key = (self.list_name, get_language(), name, str(value), tuple(sorted(map(str, final_attrs.items()))))
        html = _rendered.get(key)
        if html is None:
            html = super().render(name, value, attrs, renderer)
            if len(_rendered) >= _MAX_RENDERED:
                _rendered.clear()
            _rendered[key] = html
        return html
