"""A wrong ARCHIVE_MODE stops the site before it starts, rather than leaving the forms open by mistake."""

from django.conf import settings
from django.core.checks import Error, Warning, register

from .state import InvalidArchiveDate, parse_since


@register()
def archive_settings(app_configs, **kwargs):
    try:
        since = parse_since(getattr(settings, "ARCHIVE_MODE", ""))
    except InvalidArchiveDate as exc:
        return [Error(str(exc), id="archive.E001")]
    problems = []
    if since is not None and not str(getattr(settings, "ARCHIVE_CONTACT", "") or "").strip():
        problems.append(
            Warning(
                "ARCHIVE_MODE is on but ARCHIVE_CONTACT is empty: the archive notice cannot say where to turn instead.",
                hint="Set ARCHIVE_CONTACT to an address (https://…) or an e-mail address.",
                id="archive.W001",
            )
        )
    if since is not None and "ARCHIVE_MODE" not in getattr(settings, "PAGE_CACHE_KEY_SETTINGS", ()):
        problems.append(
            Error(
                "PAGE_CACHE_KEY_SETTINGS must name ARCHIVE_MODE: the page cache would serve pages of the open site.",
                id="archive.E002",
            )
        )
    return problems
