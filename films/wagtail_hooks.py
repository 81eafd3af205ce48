from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from partners.contributions import CONTRIBUTIONS_HOOK, Contribution, linked_pages


@hooks.register(CONTRIBUTIONS_HOOK)
def films():
    """A project's films (and a partner's, once films credit partners); the film index has no filter."""
    return Contribution(
        "films",
        _("Films"),
        linked_pages("films.FilmPage"),
        order=30,
        index_model="films.FilmIndexPage",
        all_label=_("All films"),
    )
