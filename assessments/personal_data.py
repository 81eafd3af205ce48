"""Saved coaching sessions hold personal data: the client's name and e-mail, their answers and
the coach's observations. Anonymous runs of a questionnaire store nothing at all.

Export lists a person's sessions; erasure deletes them (a badge awarded from a session
is the badges app's record, erased by its own source); after the retention period the
name, e-mail and observations are blanked.
"""

from django.utils.translation import gettext_lazy as _

from privacy import personal_data

from .models import CoachingSession


def exported(session):
    return {
        "questionnaire": session.questionnaire.title,
        "client_name": session.client_name,
        "saved_at": session.created_at.isoformat(),
        "answers": session.answers,
        "levels_wanted": session.targets,
        "observations": session.observations,
        "consent_at": session.consent_at.isoformat(),
        "badge_awarded": session.award_id is not None,
    }


SOURCE = personal_data.records_source(
    label="assessments.session",
    name=_("coaching sessions"),
    description="Self-assessments saved by a coach with the client's consent (name, e-mail, answers, observations)",
    records=lambda: CoachingSession.objects.select_related("questionnaire"),
    email_field="client_email",
    exported=exported,
    blanked={"client_name": "", "client_email": "", "observations": {}, "targets": {}},
)
