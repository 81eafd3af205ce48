"""The team group of each partner: its members are the partner's people (reporting/access.py)."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction


def team_group_name(partner_name):
    return f"Partner team: {partner_name}"[:150]


@transaction.atomic
def setup_partner_teams():
    """A team group for every partner (in the default language), with access to the admin. Idempotent.

    Returns {partner translation key: group}."""
    from partners.models import Partner

    from .models import PartnerTeam

    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    groups = {}
    for partner in Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        team = PartnerTeam.objects.filter(partner_key=partner.translation_key).select_related("group").first()
        if team is None:
            group, _created = Group.objects.get_or_create(name=team_group_name(partner.name))
            team = PartnerTeam.objects.create(group=group, partner_key=partner.translation_key)
        team.group.permissions.add(access_admin)
        groups[str(partner.translation_key)] = team.group
    return groups
