"""Export, erase or anonymise personal data across every registered source.

    python manage.py personal_data export --email someone@example.org   # JSON on stdout
    python manage.py personal_data erase --email someone@example.org
    python manage.py personal_data anonymise-expired                     # run daily

Sources are registered by the apps in privacy.personal_data.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from privacy import personal_data


class Command(BaseCommand):
    help = "Export or erase one person's data, or anonymise the records past their retention period."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="action", required=True)
        export = subcommands.add_parser("export", help="Print one person's records as JSON.")
        export.add_argument("--email", required=True)
        erase = subcommands.add_parser("erase", help="Erase (anonymise) one person's records.")
        erase.add_argument("--email", required=True)
        subcommands.add_parser(
            "anonymise-expired",
            help=f"Anonymise records older than the retention period "
            f"(PERSONAL_DATA_RETENTION_DAYS, default {personal_data.DEFAULT_RETENTION_DAYS}).",
        )

    def handle(self, *args, action, **options):
        if action in {"export", "erase"}:
            email = personal_data.normalise_email(options["email"])
            try:
                validate_email(email)
            except Exception as exc:
                raise CommandError(f"{options['email']!r} is not an email address.") from exc
        if action == "export":
            data = personal_data.export(email)
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str))
            return
        with transaction.atomic():
            if action == "erase":
                counts = personal_data.erase(email)
                verb = "erased"
            else:
                counts = personal_data.anonymise_expired()
                verb = "anonymised"
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count} record(s) {verb}")
        if not counts:
            self.stdout.write("No source of personal data is registered.")
