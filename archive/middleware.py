"""Archive mode closes every public form: no request that could store something is taken.

While the site is an archive (archive/state.py), a POST, PUT, PATCH or DELETE to
any public address is answered before the view, the CSRF check or the session
run, with the archive page (status 405, `Allow: GET, HEAD`): the request body is
never read and nothing is stored. A form added to the site later is closed the
same way without knowing about archive mode.

Left open (`ARCHIVE_OPEN_PATHS`, regular expressions matched against the path):
the editors' admin, and the requests that store nothing (checking a badge, the
password form of a private page).
"""

import re

from django.conf import settings
from django.template.response import TemplateResponse

from . import state

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DEFAULT_OPEN_PATHS = (
    r"^/admin/",
    # Checking a badge stores nothing: /badges/verify.json and each language's verify/ page.
    r"^/badges/verify\.json$",
    r"^/[a-z]{2}(?:-[a-z0-9]+)?/[^/]+/verify/$",
    # A private page's password form only opens a session.
    r"^/[a-z]{2}(?:-[a-z0-9]+)?/_util/authenticate_with_password/",
)


def _open_paths():
    patterns = getattr(settings, "ARCHIVE_OPEN_PATHS", DEFAULT_OPEN_PATHS)
    return [re.compile(pattern) for pattern in patterns]


def stays_open(path):
    return any(pattern.search(path) for pattern in _open_paths())


def closed_response(request, archive):
    """The archive page, answering a request the archive does not take."""
    response = TemplateResponse(request, "archive/closed.html", {"archive": archive}, status=405)
    response["Allow"] = "GET, HEAD"
    response["Cache-Control"] = "no-store"
    return response.render()


class ArchiveMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        archive = state.current()
        if archive is None or stays_open(request.path):
            return self.get_response(request)
        return closed_response(request, archive)
