"""Where the demo may be built: in development, and elsewhere only when asked for by name.

The demo content fills a site with invented pages, events and registrations; the
demo accounts have a published password and would open the admin to anyone. So:

- `load_demo` runs where the settings say ``DEMO_ALLOWED = True``: development
  (config/settings/dev.py) and the test suite (config/settings/test.py, which
  builds the demo to test against). Base and production settings say False.
  Elsewhere it refuses, unless given ``--allow-outside-development`` (a benchmark
  database built under production settings, say).
- The demo accounts are created only in development proper: ``DEMO_ALLOWED``,
  ``DEMO_USERS`` and ``DEBUG`` all on, and never with that flag.
  `require_demo_accounts_allowed` stops any other caller.
"""

from django.conf import settings

ALLOW_FLAG = "--allow-outside-development"


class DemoRefused(Exception):
    """The settings in use are not development ones."""


def demo_allowed():
    return bool(getattr(settings, "DEMO_ALLOWED", False))


def demo_accounts_allowed():
    return demo_allowed() and bool(settings.DEBUG) and bool(getattr(settings, "DEMO_USERS", False))


def require_demo_accounts_allowed():
    if not demo_accounts_allowed():
        raise DemoRefused(
            "Demo accounts (with their published password) are created in development only: "
            "DEMO_ALLOWED, DEMO_USERS and DEBUG must all be on."
        )
