"""Awarding and revoking badges."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from . import baking, credentials, roles
from .models import Award, IssuerProfile
from .status_list import allocate


class NoIssuer(Exception):
    """The badge's partner is not an issuer yet (no profile or no key)."""


def issuer_for(achievement):
    partner = achievement.partner
    if partner is None:
        raise NoIssuer("The badge has no issuing partner.")
    issuer = IssuerProfile.objects.filter(partner_key=partner.translation_key).first()
    if issuer is None:
        raise NoIssuer(f"{partner.name} is not a badge issuer yet: run manage.py badge_keys create.")
    return issuer


@transaction.atomic
def award_badge(
    achievement,
    recipient_name,
    recipient_email,
    evidence_narrative,
    evidence_links="",
    valid_until=None,
    by=None,
    is_example=False,
):
    """Award a badge: record it, sign its credential and bake its image. Checks who may award."""
    issuer = issuer_for(achievement)
    if by is not None and not roles.may_award_for(by, issuer):
        raise PermissionDenied("You may award badges only in your own partner's name.")
    award = Award(
        achievement=achievement,
        issuer=issuer,
        recipient_name=recipient_name,
        recipient_email=recipient_email.strip(),
        evidence_narrative=evidence_narrative,
        evidence_links=evidence_links,
        valid_from=timezone.now(),
        valid_until=valid_until,
        status=allocate(issuer),
        awarded_by=by,
        is_example=is_example,
    )
    award.credential = credentials.sign_credential(award)
    award.save()
    baking.store_baked_png(award)
    return award


@transaction.atomic
def revoke(award, reason, by=None):
    if by is not None and not by.has_perm("badges.revoke_award"):
        raise PermissionDenied("Only coordinators revoke badges.")
    entry = award.status
    if entry.revoked_at is None:
        entry.revoked_at = timezone.now()
        entry.save(update_fields=["revoked_at"])
    award.revocation_reason = reason
    award.save(update_fields=["revocation_reason"])
    return award
