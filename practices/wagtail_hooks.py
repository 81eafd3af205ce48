from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from partners.contributions import CONTRIBUTIONS_HOOK, Contribution

from . import queries


@hooks.register(CONTRIBUTIONS_HOOK)
def case_studies():
    """A partner's and a project's case studies, as cards, first on their pages."""
    return Contribution(
        "cases",
        _("Case studies"),
        queries.credited_cases,
        order=10,
        index_model="practices.CaseStudyIndexPage",
        project_filter="project",
        more_label=_("All case studies from this project"),
        empty_text={
            "partner": _("No case study from this partner has been published in this language yet."),
            "project": _("No case study from this project has been published in this language yet."),
        },
        item_template="practices/includes/contribution_case.html",
        list_class="card-list case-list",
    )
