"""Create or rotate a partner's badge signing key: `manage.py badge_keys create|rotate|list <partner>`."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from partners.models import Partner

from ... import keys, roles
from ...models import IssuerProfile


def issuer_for_partner(name):
    partner = (
        Partner.objects.filter(locale__language_code=settings.LANGUAGE_CODE, name__iexact=name).first()
        or Partner.objects.filter(name__iexact=name).first()
    )
    if partner is None:
        raise CommandError(f"No partner named {name!r}.")
    issuer, _created = IssuerProfile.objects.get_or_create(
        partner_key=partner.translation_key, defaults={"name": partner.name, "url": partner.website}
    )
    return issuer


class Command(BaseCommand):
    help = "Create, rotate or list the Ed25519 signing keys of a badge issuer (a partner)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["create", "rotate", "list"])
        parser.add_argument("partner", help="The partner's name, as in the admin.")

    def handle(self, action, partner, **options):
        issuer = issuer_for_partner(partner)
        roles.setup_issuer_roles(issuer)
        if action == "create":
            if keys.has_key(issuer):
                self.stdout.write(f"{issuer.name} already has a signing key; use rotate for a new one.")
                return
            kid = keys.create_key(issuer)
            self.stdout.write(f"Created signing key {kid} for {issuer.name}.")
        elif action == "rotate":
            kid = keys.create_key(issuer)
            self.stdout.write(f"{issuer.name} now signs with {kid}; earlier keys stay published.")
        for key in keys.public_keys(issuer):
            self.stdout.write(f"  {key.kid}")
