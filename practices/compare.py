"""Two to four cases side by side, field by field.

Cases are named in the URL by their translation key, which every language
version of a case shares: a comparison link works in any language and shows the
cases in the language of the URL.
"""

import uuid

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .queries import attach_localized_partners

MIN_CASES = 2
MAX_CASES = 4

# (label, attribute, kind) of each compared field, in reading order.
ROWS = [
    (gettext_lazy("Country and region"), "place", "text"),
    (gettext_lazy("Source project"), "project_name", "text"),
    (gettext_lazy("Partners"), "partner_names", "list"),
    (gettext_lazy("Sector"), "sector_label", "text"),
    (gettext_lazy("Target groups"), "target_group_labels", "list"),
    (gettext_lazy("Context and challenge"), "context", "paragraphs"),
    (gettext_lazy("Approach"), "approach", "paragraphs"),
    (gettext_lazy("Key figures"), "key_figures", "figures"),
    (gettext_lazy("Outcome types"), "outcome_type_labels", "list"),
    (gettext_lazy("Evidence level"), "evidence_label", "text"),
    (gettext_lazy("Transferability"), "transferability", "paragraphs"),
    (gettext_lazy("Resources and costs"), "resources", "paragraphs"),
    (gettext_lazy("Lessons learned"), "lessons", "paragraphs"),
    (gettext_lazy("Competences"), "competence_names", "list"),
    (gettext_lazy("Good-practice label"), "label_text", "text"),
]


class Comparison:
    def __init__(self, request, index):
        self.index = index
        self.requested = list(dict.fromkeys(value.strip() for value in request.GET.getlist("case") if value.strip()))
        self.cases = []
        self.rows = []
        self.error = self._validate()
        if not self.error:
            self.rows = [
                {"label": label, "kind": kind, "cells": [getattr(case.compare_view, attribute) for case in self.cases]}
                for label, attribute, kind in ROWS
            ]

    def _validate(self):
        if len(self.requested) < MIN_CASES:
            return _("Choose at least two cases to compare.")
        if len(self.requested) > MAX_CASES:
            return _("You can compare at most four cases at a time; you chose %(count)d.") % {
                "count": len(self.requested)
            }
        keys = []
        for value in self.requested:
            try:
                keys.append(uuid.UUID(value))
            except ValueError:
                return _("“%(value)s” is not a case of this library.") % {"value": value[:60]}
        found = {
            str(case.translation_key): case
            for case in self.index.cases()
            .filter(translation_key__in=keys)
            .select_related("project")
            .prefetch_related("partners", "competences__framework")
        }
        missing = [str(key) for key in keys if str(key) not in found]
        if missing:
            return _("These cases were not found in this language: %(cases)s.") % {"cases": ", ".join(missing)}
        self.cases = [found[str(key)] for key in keys]
        attach_localized_partners(self.cases, self.index.locale)
        for case in self.cases:
            case.compare_view = CaseView(case)
        return ""


class CaseView:
    """Display values of one case for the comparison table."""

    def __init__(self, case):
        self.case = case
        self.context = case.context
        self.approach = case.approach
        self.transferability = case.transferability
        self.resources = case.resources
        self.lessons = case.lessons
        self.key_figures = case.key_figures
        self.target_group_labels = case.target_group_labels
        self.outcome_type_labels = case.outcome_type_labels

    @property
    def place(self):
        return ", ".join(part for part in (self.case.region, self.case.country.name) if part)

    @property
    def project_name(self):
        project = self.case.localized_project
        if project is None:
            return ""
        if project.full_name and project.full_name != project.acronym:
            return f"{project.acronym} – {project.full_name}"
        return project.acronym

    @property
    def partner_names(self):
        return [partner.name for partner in self.case.localized_partners]

    @property
    def sector_label(self):
        return self.case.get_sector_display()

    @property
    def evidence_label(self):
        return self.case.get_evidence_level_display()

    @property
    def competence_names(self):
        return [f"{item.code} {item.name}" for item in self.case.localized_competences]

    @property
    def label_text(self):
        return label_text(self.case)


def label_text(case):
    if not case.good_practice:
        return ""
    parts = [case.good_practice_label or _("Good practice")]
    if case.good_practice_year:
        parts.append(str(case.good_practice_year))
    return " ".join(parts)
