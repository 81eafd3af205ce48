"""Back up the whole site into one file: the database and the media files it refers to.

    python manage.py backup /var/backups/steps-2026-05-01.tar.gz
    python manage.py backup steps.tar.gz --no-media   # when the media bucket is backed up on its own

Restore with `manage.py restore <file>`. See operations/backup.py for what the file holds.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations import backup


class Command(BaseCommand):
    help = "Write the database and its media files into one .tar.gz backup file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file to write (.tar.gz).")
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="Leave the media files out (e.g. when the storage bucket has its own backups).",
        )
        parser.add_argument("--overwrite", action="store_true", help="Replace the file if it exists.")
        parser.add_argument("--database", default="default", help="The database to back up (default: default).")

    def handle(self, *args, file, no_media, overwrite, database, **options):
        path = Path(file)
        if path.exists() and not overwrite:
            raise CommandError(f"{path} exists already; choose another name or add --overwrite.")
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        try:
            manifest = backup.write_backup(path, include_media=not no_media, using=database, log=log)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"The backup could not be written to {path}: {error}") from None
        rows = sum(manifest["counts"].values())
        media = f"{len(manifest['media'])} media files" if manifest["media_included"] else "no media files"
        self.stdout.write(self.style.SUCCESS(f"Backed up {rows} rows and {media} to {path}."))
        if manifest["media_missing"]:
            self.stderr.write(
                f"{len(manifest['media_missing'])} file(s) the database refers to were missing from the storage "
                f"and are not in the backup: {', '.join(manifest['media_missing'][:10])}"
            )
