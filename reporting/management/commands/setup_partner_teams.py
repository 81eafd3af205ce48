from django.core.management.base import BaseCommand

from reporting.teams import setup_partner_teams


class Command(BaseCommand):
    help = "Create the team group of every partner (its members see the partner's dashboard and evidence)."

    def handle(self, *args, **options):
        groups = setup_partner_teams()
        if options["verbosity"]:
            for group in groups.values():
                self.stdout.write(group.name)
