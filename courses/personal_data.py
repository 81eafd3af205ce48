"""Course completions hold personal data: the participant's name, e-mail and the trainer's notes.

Export lists a person's completions; erasure deletes them (a badge awarded for a
completion is the badges app's record, erased by its own source); after the
retention period the name, e-mail and notes are blanked and only the count remains.
"""

from django.utils.translation import gettext_lazy as _

from privacy import personal_data

from .models import CourseCompletion


def exported(completion):
    return {
        "course": completion.course.title,
        "participant_name": completion.participant_name,
        "completed_on": completion.completed_on.isoformat(),
        "notes": completion.notes,
        "consent_at": completion.consent_at.isoformat(),
        "badge_awarded": completion.award_id is not None,
    }


SOURCE = personal_data.records_source(
    label="courses.completion",
    name=_("course completions"),
    description="Course completions recorded by trainers (participant's name and e-mail, notes)",
    records=lambda: CourseCompletion.objects.select_related("course"),
    email_field="participant_email",
    exported=exported,
    blanked={"participant_name": "", "participant_email": "", "notes": ""},
)
