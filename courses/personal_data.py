"""Course completions hold personal data: the participant's name, e-mail and the trainer's notes.

Export lists a person's completions; erasure deletes them (a badge awarded for a
completion is the badges app's record, erased by its own source); after the
retention period the name, e-mail and notes are blanked and only the count remains.
"""

from django.utils.translation import gettext_lazy as _

from privacy import personal_data

from .models import CourseCompletion


def _completions(email):
    return CourseCompletion.objects.filter(participant_email__iexact=(email or "").strip()).select_related("course")


def export(email):
    return [
        {
            "course": completion.course.title,
            "participant_name": completion.participant_name,
            "completed_on": completion.completed_on.isoformat(),
            "notes": completion.notes,
            "consent_at": completion.consent_at.isoformat(),
            "badge_awarded": completion.award_id is not None,
        }
        for completion in _completions(email)
    ]


def erase(email):
    count, _details = _completions(email).delete()
    return count


def anonymise_expired(now):
    return (
        CourseCompletion.objects.filter(created_at__lt=now - personal_data.retention_period())
        .exclude(participant_email="")
        .update(participant_name="", participant_email="", notes="")
    )


SOURCE = personal_data.Source(
    label="courses.completion",
    name=_("course completions"),
    description="Course completions recorded by trainers (participant's name and e-mail, notes)",
    export=export,
    erase=erase,
    anonymise_expired=anonymise_expired,
)
