"""Recording that a participant completed a course, and awarding the course's badge.

The badge is awarded through the badges app's issuing code, which signs the
credential and checks that the trainer may award in the issuer's name.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from badges import issuing
from privacy import personal_data

from .models import CourseCompletion

TRAINERS = "Trainers"
TRAINER_PERMISSIONS = ["add_coursecompletion", "view_coursecompletion"]


def setup_trainers():
    """The “Trainers” group: record completions in the admin. Coordinators get the same. Idempotent."""
    permissions = Permission.objects.filter(content_type__app_label="courses", codename__in=TRAINER_PERMISSIONS)
    group, _created = Group.objects.get_or_create(name=TRAINERS)
    group.permissions.add(*permissions)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    coordinators = Group.objects.filter(name="Coordinators").first()
    if coordinators is not None:
        coordinators.permissions.add(*permissions)
    return group


@transaction.atomic
def record_completion(course, name, email, completed_on, notes="", award_badge=False, by=None, evidence_url=""):
    """Record a completion (the participant's consent is given by the caller's form) and,
    when asked and the course leads to a badge, award it. Raises PermissionDenied or
    issuing.NoIssuer from the badges app, leaving nothing recorded."""
    completion = CourseCompletion.objects.create(
        course=course,
        participant_name=name,
        participant_email=email.strip(),
        completed_on=completed_on,
        notes=notes,
        consent_at=timezone.now(),
        consent_version=personal_data.CONSENT_VERSION,
        recorded_by=by,
    )
    badge = course.badge
    if award_badge and badge is not None:
        narrative = notes or f"Completed the course “{course.title}” on {completed_on.isoformat()}."
        completion.award = issuing.award_badge(badge, name, email, narrative, evidence_links=evidence_url, by=by)
        completion.save(update_fields=["award"])
    return completion
