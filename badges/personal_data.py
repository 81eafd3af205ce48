"""Awards hold personal data: the recipient's name and e-mail, and the evidence about them.

Export lists a person's awards; erasure deletes the award records and their baked
images but keeps each award's status-list entry, so a revoked credential stays
revoked (the credential itself names the recipient only by a salted hash). After
the retention period the name, e-mail and evidence are blanked: the credential the
recipient holds still verifies, and only the fact of an award remains here.
"""

from django.utils.translation import gettext_lazy as _

from privacy import personal_data

from .models import Award


def _awards(email):
    return Award.objects.filter(recipient_email__iexact=(email or "").strip()).select_related("achievement", "status")


def export(email):
    return [
        {
            "badge": award.achievement.title,
            "recipient_name": award.recipient_name,
            "awarded_at": award.created_at.isoformat(),
            "evidence": award.evidence_narrative,
            "evidence_links": award.evidence_links.splitlines(),
            "revoked": award.is_revoked,
            "language": award.language,
            "public_page": award.is_public,
            "claim_link_opened_at": award.claimed_at.isoformat() if award.claimed_at else None,
            "credential": award.credential,
        }
        for award in _awards(email)
    ]


def erase(email):
    count = 0
    for award in _awards(email):
        if award.baked_png:
            award.baked_png.delete(save=False)
        award.delete()  # the StatusEntry stays: a revoked credential stays revoked
        count += 1
    return count


def anonymise_expired(now):
    return (
        Award.objects.filter(created_at__lt=now - personal_data.retention_period())
        .exclude(recipient_email="")
        .update(recipient_name="", recipient_email="", evidence_narrative="", evidence_links="")
    )


SOURCE = personal_data.Source(
    label="badges.award",
    name=_("badge awards"),
    description="Badges awarded (recipient's name and e-mail, evidence)",
    export=export,
    erase=erase,
    anonymise_expired=anonymise_expired,
)
