"""Build the demo site in every language, idempotently.

python manage.py load_demo            # the demo site
python manage.py load_demo --scale 10 # ten times the generated items, for benchmarks
python manage.py load_demo --scale 63 # about 10,000 live pages (demo/scaled.py)
python manage.py load_demo --if-empty # only when the database has no content yet

It runs in development only (settings DEMO_ALLOWED: dev and test settings) and
refuses elsewhere, unless given --allow-outside-development, which builds the
content and never the demo accounts (demo/development.py).
"""

import time

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import override_settings

from core.languages import ensure_locales
from demo.context import DemoContext
from demo.development import ALLOW_FLAG, demo_accounts_allowed, demo_allowed
from demo.indexing import indexed_at_the_end
from demo.registry import demo_steps


class Command(BaseCommand):
    help = "Builds the demo site in every configured language (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help=(
                "Multiply the generated items (methods, cases, films, events) by this factor for benchmarks: "
                "each step above 1 adds 159 live pages (53 in each language); --scale 63 gives about 10,000."
            ),
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has content (used by `make setup`).",
        )
        parser.add_argument(
            ALLOW_FLAG,
            action="store_true",
            dest="allow_outside_development",
            help=(
                "Build the demo content where the settings do not allow it (DEMO_ALLOWED off, as in production "
                "settings), e.g. for a benchmark database. The demo accounts are never created with it."
            ),
        )

    def handle(self, *args, scale, if_empty, allow_outside_development, **options):
        if not (demo_allowed() or allow_outside_development):
            raise CommandError(
                "The demo is for development and these settings do not allow it (DEMO_ALLOWED is off). "
                f"To build its content anyway, without the demo accounts, pass {ALLOW_FLAG}."
            )
        if scale < 1:
            raise CommandError("--scale must be 1 or more.")
        # The flag is for content only: no account with the demo's published password.
        accounts = demo_accounts_allowed() and not allow_outside_development
        if if_empty and self.has_content():
            if options["verbosity"] > 0:
                self.stdout.write("The database already has content; demo not loaded.")
            return
        started = time.monotonic()
        ensure_locales()
        # Translations are created with their source's slug and then given their own:
        # no visitor ever used the old addresses, so no redirects are due (and at a
        # large scale, Wagtail's redirect batch for a busy section outgrows SQLite).
        context = DemoContext(stdout=self.stdout if options["verbosity"] > 0 else None, scale=scale)
        with indexed_at_the_end():
            with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False, DEMO_USERS=accounts), transaction.atomic():
                for _order, label, step in demo_steps():
                    context.log(f"{label}…")
                    step(context)
            context.log("Search and reference indexes…")
        context.log(self.style.SUCCESS(f"Demo site ready in {time.monotonic() - started:.1f} s."))

    @staticmethod
    def has_content():
        # By app label: the machinery sits below the content apps and imports none of them.
        return apps.get_model("home", "HomePage").objects.exists()
