from django.core.management.base import BaseCommand

from editorial.roles import setup_roles


class Command(BaseCommand):
    help = "Creates or updates the editorial groups, their permissions and the review workflow (idempotent)."

    def handle(self, *args, **options):
        groups = setup_roles()
        self.stdout.write(f"Roles ready: {', '.join(sorted(groups))}.")
