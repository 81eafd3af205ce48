"""Who sees which partner's figures, dashboard and attendance evidence.

Coordinators (and superusers) see every partner. Anyone else sees the partners
they work for: the members of a partner's team group (reporting.models.PartnerTeam)
or of its badge assessor group (badges.models.AssessorGroup). Nobody else sees any.
"""

from editorial.roles import is_coordinator


def partner_keys(user):
    """The translation keys (as text) of the partners `user` works for. Two queries at most."""
    from badges.models import IssuerProfile

    from .models import PartnerTeam

    if not (user and user.is_authenticated and user.is_active):
        return set()
    teams = PartnerTeam.objects.filter(group__user=user).values_list("partner_key", flat=True)
    assessors = IssuerProfile.objects.filter(assessors__group__user=user).values_list("partner_key", flat=True)
    return {str(key) for key in [*teams, *assessors]}


def may_report(user):
    """Whether `user` may open the progress report at all."""
    return is_coordinator(user) or bool(partner_keys(user))


def may_see_partner(user, partner_key):
    return is_coordinator(user) or str(partner_key) in partner_keys(user)


def event_partner(event_key):
    """The host partner's translation key (as text) of the event `event_key`, or None. One query."""
    from events.models import EventPage

    key = (
        EventPage.objects.filter(translation_key=event_key, host_partner__isnull=False)
        .order_by("locale_id")
        .values_list("host_partner__translation_key", flat=True)
        .first()
    )
    return str(key) if key else None


def may_see_event_evidence(user, event_key):
    """Coordinators, and the people of the partner that hosts the event."""
    if is_coordinator(user):
        return True
    partner = event_partner(event_key)
    return partner is not None and partner in partner_keys(user)
