from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from partners.contributions import CONTRIBUTIONS_HOOK, Contribution, linked_pages


@hooks.register(CONTRIBUTIONS_HOOK)
def methods():
    """A partner's and a project's methods; the toolkit filters by project."""
    return Contribution(
        "methods",
        _("Methods"),
        linked_pages("toolkit.ToolPage"),
        order=20,
        index_model="toolkit.ToolkitIndexPage",
        project_filter="project",
        more_label=_("All methods from this project"),
    )
