from django.core.management.base import BaseCommand

from core.languages import language_codes
from editorial.languages import setup_languages


class Command(BaseCommand):
    help = (
        "Gives every language in the LANGUAGES setting its locale, untranslated drafts of the home and section "
        "pages, its editor group and media collection (idempotent; `migrate` runs it too)."
    )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else None
        done = setup_languages(log=log)
        if options["verbosity"] > 0:
            added = ", ".join(f"{code} ({count} drafts)" for code, count in done.items()) or "nothing new"
            self.stdout.write(f"Languages: {', '.join(language_codes())}; {added}.")
