"""Import framework items from a CSV file (the format of /<lang>/framework/<code>.csv).

    python manage.py import_framework lifecomp-descriptors.csv

The whole file is checked first and imported in one transaction: a bad row stops
the import with its row number, and nothing is written.
"""

import csv

from django.core.management.base import BaseCommand, CommandError

from competences.opendata import FrameworkImportError, import_csv


class Command(BaseCommand):
    help = "Imports competence framework items (with their en/fr/nl names) from a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file, UTF-8, with the columns of the framework CSV export.")

    def handle(self, *args, path, **options):
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                created, updated = import_csv(handle)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{path} is not UTF-8 text: {error}") from error
        except csv.Error as error:
            raise CommandError(f"{path} is not valid CSV: {error}") from error
        except FrameworkImportError as error:
            raise CommandError(f"{path}: {error}. Nothing was imported.") from error
        self.stdout.write(self.style.SUCCESS(f"{created} items created, {updated} updated."))
