"""manage.py send_alerts: write the digest of new content to every subscriber (run it from cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from alerts.digest import send_alerts

# The backends that deliver nothing to anybody: what development may use.
SAFE_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


class Command(BaseCommand):
    help = "Send the e-mail alerts: one digest per subscriber of the content published since the last run."

    def handle(self, *args, **options):
        if settings.DEBUG and settings.EMAIL_BACKEND not in SAFE_BACKENDS:
            raise CommandError(
                "In development (DEBUG) alerts are written only with the console (or another non-sending) e-mail "
                f"backend; EMAIL_BACKEND is {settings.EMAIL_BACKEND}."
            )
        try:
            outcome = send_alerts()
        except IntegrityError:
            # Another run recorded the same items first: it sends them, this one sends nothing.
            self.stderr.write("Another send_alerts run is announcing the same items; nothing written by this one.")
            return
        self.stdout.write(f"{outcome.items} new item(s), {outcome.digests} digest(s) written to the outbox.")
