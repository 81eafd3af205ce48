"""Awarding and revoking badges.

Every way of awarding (one at a time, from an event's attendance list, from a
CSV file) ends in `award_badge`, which checks again who may award in whose
name; the lists award every row in one transaction (`award_many`), so a refusal
or a failure on any row saves none of them.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from . import baking, claiming, credentials, roles
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
    language=None,
    notify=True,
):
    """Award a badge: record it, sign its credential, bake its image and e-mail the
    recipient their claim link (through the outbox). Checks who may award.

    The credential is written in the recipient's `language` when the badge is
    translated into it (the default language of the badge page otherwise)."""
    issuer = issuer_for(achievement)
    if by is not None and not roles.may_award_for(by, issuer):
        raise PermissionDenied("You may award badges only in your own partner's name.")
    if language not in dict(settings.LANGUAGES):
        language = achievement.locale.language_code
    status = allocate(issuer)
    award = Award(
        language=language,
        achievement=achievement,
        issuer=issuer,
        recipient_name=recipient_name,
        recipient_email=recipient_email.strip(),
        evidence_narrative=evidence_narrative,
        evidence_links=evidence_links,
        valid_from=timezone.now(),
        valid_until=valid_until,
        status=status,
        awarded_by=by,
        is_example=is_example,
    )
    award.achievement = claiming.achievement_in(award, language)
    award.credential = credentials.sign_credential(award)
    award.save()
    status.credential_id = award.public_id
    status.save(update_fields=["credential_id"])
    baking.store_baked_png(award)
    if notify:
        try:
            claiming.send_claim_email(award)
        except BaseException:
            _delete_baked_images([award])  # the award rolls back with the caller's transaction
            raise
    return award


def _delete_baked_images(awards):
    """Baked images are files, outside any transaction: remove those of awards rolled back."""
    for award in awards:
        if award.baked_png:
            award.baked_png.storage.delete(award.baked_png.name)


def award_many(achievement, rows, by=None):
    """Award `achievement` to every row ({recipient_name, recipient_email, evidence_narrative,
    evidence_links, language, valid_until}) in one transaction: all of them or none.

    The baked images are files, outside the transaction: when a row fails, those already
    written for the rows before it are deleted, so a refused group leaves nothing behind."""
    awarded = []
    try:
        with transaction.atomic():
            for row in rows:
                awarded.append(award_badge(achievement, by=by, **row))
    except BaseException:
        _delete_baked_images(awarded)
        raise
    return awarded


def send_claim_again(award, by=None):
    """E-mail the recipient a fresh claim link (the old one may have expired)."""
    if by is not None and not roles.may_award_for(by, award.issuer):
        raise PermissionDenied("You may send only the badges of your own partner.")
    with transaction.atomic():
        claiming.send_claim_email(award)


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
