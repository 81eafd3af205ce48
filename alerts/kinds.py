"""The kinds of content a visitor may follow, and the page type behind each.

The same kinds as the feeds (methods, cases, films, events), and the badges. Page
types are named, not imported: a kind whose app is not installed is left out.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

KINDS = {
    "methods": ("toolkit.ToolPage", _("New methods in the toolkit")),
    "cases": ("practices.CaseStudyPage", _("New best-practice case studies")),
    "films": ("films.FilmPage", _("New films")),
    "events": ("events.EventPage", _("New events")),
    "badges": ("badges.AchievementPage", _("New badges")),
}

CHOICE_LABELS = {
    "methods": _("Training methods"),
    "cases": _("Case studies"),
    "films": _("Films"),
    "events": _("Events"),
    "badges": _("Badges"),
}


def model_of(kind):
    try:
        return apps.get_model(KINDS[kind][0])
    except (KeyError, LookupError):
        return None


def available():
    """The kinds whose app is installed, in their fixed order."""
    return [kind for kind in KINDS if model_of(kind) is not None]


def choices():
    return [(kind, CHOICE_LABELS[kind]) for kind in available()]


def heading(kind):
    return KINDS[kind][1]
