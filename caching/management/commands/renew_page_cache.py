"""Renew every cached page and per-process memo at once, e.g. after a release changed templates."""

from django.core.management.base import BaseCommand, CommandError

from caching.content_version import bump_version, current_version


class Command(BaseCommand):
    help = "Move the content version on: every cached page is rendered afresh at its next visit."

    def handle(self, *args, **options):
        bump_version()
        version = current_version()
        if version is None:
            raise CommandError("The shared cache cannot be reached; nothing was renewed.")
        self.stdout.write(f"Cached pages renewed (content version {version}).")
