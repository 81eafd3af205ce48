"""Restore a backup made by `manage.py backup` into this site's database and media storage.

    python manage.py restore /var/backups/steps-2026-05-01.tar.gz
    python manage.py restore steps.tar.gz --force   # replace a database that has content

The database may be empty or new: restore applies the migrations first. A database
with content (users, pages, documents or images) is refused unless --force is
given, and then everything in it is replaced. The file is checked entirely before
anything is changed; the data is loaded in one transaction, so a failure leaves
the database as it was. Afterwards the search index and the reference index are
rebuilt and cached pages are dropped.
"""

import tempfile

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, IntegrityError, transaction

from operations import backup


class Command(BaseCommand):
    help = "Restore the database and media files from a backup made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file (.tar.gz) to restore.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the content of a database that is not empty (everything in it is lost).",
        )
        parser.add_argument("--no-media", action="store_true", help="Restore the database only, not the media files.")
        parser.add_argument("--database", default="default", help="The database to restore into (default: default).")

    def handle(self, *args, file, force, no_media, database, **options):
        quiet = {"verbosity": 0, "database": database}
        try:
            with backup.open_backup(file) as (archive, manifest):
                if not force and not backup.database_is_empty(database):
                    raise CommandError(
                        "The database is not empty (it has users, pages, documents or images). Restoring replaces "
                        "everything in it: add --force to do so, or restore into an empty database."
                    )
                unknown = backup.unknown_migrations(manifest)
                if unknown:
                    raise CommandError(
                        "The backup was made by a newer version of the site; update the code first. "
                        f"Unknown migrations: {', '.join(unknown[:10])}"
                    )
                backup.verify(archive, manifest)
                self.stdout.write("The backup file is complete and intact. Applying migrations…")
                call_command("migrate", interactive=False, **quiet)
                with tempfile.TemporaryDirectory() as folder:
                    data = backup.extract_data(archive, folder)
                    self._load(data, quiet)
                media = 0
                if manifest.get("media_included") and not no_media:
                    media = backup.restore_media(archive, manifest, default_storage)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self._rebuild(quiet)
        rows = sum(manifest.get("counts", {}).values())
        self.stdout.write(self.style.SUCCESS(f"Restored {rows} rows and {media} media files from {file}."))
        if not manifest.get("media_included"):
            self.stdout.write("The backup holds no media files: restore them from the storage's own backup.")

    def _load(self, data, quiet):
        try:
            with transaction.atomic(using=quiet["database"]):
                backup.clear_database(quiet["database"])
                with backup.signals_muted():
                    call_command("loaddata", str(data), ignorenonexistent=True, **quiet)
        except (DeserializationError, IntegrityError, DatabaseError) as error:
            raise CommandError(
                f"The backup's data could not be loaded, and the database was left as it was: {error}"
            ) from None

    def _rebuild(self, quiet):
        from caching.content_version import bump_version

        self.stdout.write("Rebuilding the search index and the reference index…")
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        bump_version()
