"""Counsellor mode: coaches (one “Coaches: <partner>” group per partner) run a questionnaire
with a client, add their own observation of each competence beside the client's
self-rating and, with the client's recorded consent, save the session. A saved
session is personal data (assessments/personal_data.py). From it the coach may
award a badge with the assessment as evidence, through the badges app's issuing code.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from badges import issuing
from badges import roles as badge_roles
from partners.models import Partner
from privacy import personal_data

from .models import CoachGroup, CoachingSession

COACH_PERMISSIONS = ["add_coachingsession", "view_coachingsession"]
OBSERVATION_LENGTH = 1000


def coach_group_name(partner):
    return f"Coaches: {partner.name}"[:150]


def _permissions():
    return Permission.objects.filter(content_type__app_label="assessments", codename__in=COACH_PERMISSIONS)


def setup_coach_groups():
    """A “Coaches” group for every partner (default language), and the coordinators' permissions. Idempotent."""
    permissions = list(_permissions())
    admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    groups = []
    for partner in Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        link = CoachGroup.objects.filter(partner_key=partner.translation_key).select_related("group").first()
        if link is None:
            group, _created = Group.objects.get_or_create(name=coach_group_name(partner))
            link = CoachGroup.objects.create(group=group, partner_key=partner.translation_key)
        link.group.permissions.add(*permissions, admin)
        groups.append(link.group)
    coordinators = Group.objects.filter(name=badge_roles.COORDINATORS).first()
    if coordinators is not None:
        coordinators.permissions.add(*permissions)
    return groups


def is_coach(user):
    return bool(user and user.is_authenticated and user.has_perm("assessments.add_coachingsession"))


def partner_keys_for(user):
    """The partners a user coaches for (empty for coordinators, who see every session)."""
    return list(CoachGroup.objects.filter(group__user=user).values_list("partner_key", flat=True))


def sessions_for(user):
    sessions = CoachingSession.objects.select_related("questionnaire", "award")
    if badge_roles.is_coordinator(user):
        return sessions
    if not is_coach(user):
        return sessions.none()
    return sessions.filter(partner_key__in=partner_keys_for(user))


def save_session(questionnaire, code, targets, observations, client_name, client_email, coach):
    """Save a session; the caller has checked the client's consent."""
    keys = partner_keys_for(coach)
    return CoachingSession.objects.create(
        questionnaire=questionnaire,
        answers=code,
        targets=targets,
        observations={key: text[:OBSERVATION_LENGTH] for key, text in observations.items() if text.strip()},
        client_name=client_name,
        client_email=client_email.strip(),
        partner_key=keys[0] if keys else None,
        coach=coach,
        consent_at=timezone.now(),
        consent_version=personal_data.CONSENT_VERSION,
    )


@transaction.atomic
def award_from_session(session, achievement, narrative, evidence_url, by):
    """Award `achievement` to the session's client with the assessment as evidence (badges' issuing
    code checks that `by` may award in the issuer's name)."""
    award = issuing.award_badge(
        achievement, session.client_name, session.client_email, narrative, evidence_links=evidence_url, by=by
    )
    session.award = award
    session.save(update_fields=["award"])
    return award
