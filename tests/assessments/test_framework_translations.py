"""A questionnaire's framework is re-pointed at its translation; deleting that translation (to
translate the framework again) leaves the questionnaire on another translation of the same
framework, and the framework a questionnaire uses cannot disappear altogether."""

import pytest
from django.db.models import ProtectedError

from assessments.models import QuestionnairePage
from competences.models import Framework

pytestmark = pytest.mark.django_db


def test_deleting_a_framework_translation_falls_back_to_the_default_language(client):
    page = QuestionnairePage.objects.get(locale__language_code="nl", framework__code="SPOCC")
    dutch = page.framework
    assert dutch.locale.language_code == "nl"
    dutch.delete()
    page.refresh_from_db()
    assert page.framework.translation_key == dutch.translation_key
    assert page.framework.locale.language_code == "en"
    assert client.get(page.url).status_code == 200


def test_the_last_translation_of_a_framework_in_use_is_protected():
    english = Framework.objects.get(locale__language_code="en", code="SPOCC")
    with pytest.raises(ProtectedError):
        Framework.objects.filter(translation_key=english.translation_key).delete()
    assert Framework.objects.filter(translation_key=english.translation_key).count() >= 2
