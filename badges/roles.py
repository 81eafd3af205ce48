"""Who may award and revoke badges.

Coordinators (editorial.roles) award for every issuer and revoke. Each issuer has
an "Assessors: <partner>" group (the SoftSkills mentors, the coaches) whose
members award only in that partner's name and cannot revoke.
"""

from django.contrib.auth.models import Group, Permission

COORDINATORS = "Coordinators"  # the group editorial.roles creates
ASSESSOR_PERMISSIONS = ["add_award", "view_award"]
COORDINATOR_PERMISSIONS = ["add_award", "view_award", "revoke_award"]


def assessor_group_name(issuer):
    return f"Assessors: {issuer.name}"[:150]


def _permissions(codenames):
    return Permission.objects.filter(content_type__app_label="badges", codename__in=codenames)


def setup_issuer_roles(issuer):
    """The issuer's Assessors group, and the coordinators' award permissions. Idempotent."""
    from .models import AssessorGroup

    link = AssessorGroup.objects.filter(issuer=issuer).select_related("group").first()
    if link is None:
        group, _created = Group.objects.get_or_create(name=assessor_group_name(issuer))
        link = AssessorGroup.objects.create(group=group, issuer=issuer)
    group = link.group
    group.permissions.add(*_permissions(ASSESSOR_PERMISSIONS))
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    coordinators = Group.objects.filter(name=COORDINATORS).first()
    if coordinators is not None:
        coordinators.permissions.add(*_permissions(COORDINATOR_PERMISSIONS))
    return group


def is_coordinator(user):
    return bool(
        user and user.is_authenticated and (user.is_superuser or user.groups.filter(name=COORDINATORS).exists())
    )


def issuers_for(user):
    """The issuers in whose name the user may award badges."""
    from .models import IssuerProfile

    if is_coordinator(user):
        return IssuerProfile.objects.all()
    if not (user and user.is_authenticated and user.has_perm("badges.add_award")):
        return IssuerProfile.objects.none()
    return IssuerProfile.objects.filter(assessors__group__user=user)


def may_award_for(user, issuer):
    return issuers_for(user).filter(pk=issuer.pk).exists()
