"""The translation status matrix has a row for each questionnaire and each course, as for every
other page type.

Apart from tests/assessments/test_coverage.py: its course is built once for the whole module,
and this test builds one of its own."""

import pytest
from wagtail.models import Locale

from editorial.status import page_rows
from tests.courses.conftest import build_course
from tests.factories import QuestionnairePageFactory

pytestmark = pytest.mark.django_db


def rows_by_kind():
    kinds = {"questionnaire": 0, "course": 0}
    for row in page_rows(list(Locale.objects.all())):
        kinds.setdefault(row.kind, 0)
        kinds[row.kind] += 1
    return kinds


def test_the_translation_status_matrix_has_a_row_per_questionnaire_and_course():
    before = rows_by_kind()
    QuestionnairePageFactory()
    build_course()  # one row for the course and its two translations
    after = rows_by_kind()
    assert (after["questionnaire"], after["course"]) == (before["questionnaire"] + 1, before["course"] + 1)
