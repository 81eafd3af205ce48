"""Downloads counted as COUNTER Release 5 counts them, without keeping anything about the reader.

The rules of the COUNTER Code of Practice (Release 5) that apply to a file served
by the site:

- Double clicks: the same client asking for the same file again within 30
  seconds is one download, however many times it clicks. As COUNTER says, of
  several clicks less than 30 seconds apart only the last one counts, so the
  window starts again at every click.
- Robots: a request whose user agent is on the COUNTER-Robots list (read with
  the counter-robots package, which ships the list) is not counted. An empty
  user agent is on the list.
- Only a request that delivers the file from its start is a download: HEAD
  requests and Range requests that continue a download (starting after byte 0)
  are not counted.

"The same client" is its address and user agent, as COUNTER allows when there is
no session. They are not stored: the cache holds, for 30 seconds after the last
click, a keyed hash (HMAC-SHA256 salted with SECRET_KEY) of address, user agent
and file, which cannot be turned back into an address without the secret. The
daily count in the database holds no more than a number. When the cache cannot
be reached, the download is counted (a double click may then count twice) and a
warning is logged: a download is never refused or lost for want of the cache.

Written here rather than taken from a library because the COUNTER libraries for
Python (e.g. in Invenio) are built into whole repository platforms; the robots
list, the part that changes, comes from its package.
"""

import logging
import re

import counter_robots
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from privacy.protection import client_ip

logger = logging.getLogger(__name__)

DOUBLE_CLICK_SECONDS = 30
_KEY_SALT = "publications.counting.double-click"
_RANGE_START = re.compile(r"^\s*bytes\s*=\s*([0-9]*)\s*-")


def is_robot(request):
    return counter_robots.is_robot(request.headers.get("User-Agent", ""))


def delivers_the_whole_file(request):
    """A GET without a Range header, or whose range starts at the first byte."""
    if request.method != "GET":
        return False
    header = request.headers.get("Range")
    if not header:
        return True
    match = _RANGE_START.match(header)
    # Read as digits, not converted: int() refuses a position of thousands of digits.
    return bool(match and match[1] and not match[1].strip("0"))


def _client_key(request, item):
    identity = "\n".join([client_ip(request), request.headers.get("User-Agent", ""), item])
    return "download-click:" + salted_hmac(_KEY_SALT, identity, algorithm="sha256").hexdigest()


def is_first_click(request, item):
    """False when this client asked for `item` less than 30 seconds ago (a double click)."""
    key = _client_key(request, item)
    try:
        if cache.add(key, 1, timeout=DOUBLE_CLICK_SECONDS):
            return True
        # The key is there: a double click, and its window starts again. A cache that
        # answers every call as a miss while its server is away (add and touch both
        # False) lets the download count.
        return not cache.touch(key, timeout=DOUBLE_CLICK_SECONDS)
    except Exception:  # any cache backend's error: the download still counts
        logger.warning("Download counted without the double-click check: the cache did not answer.", exc_info=True)
        return True


def count_download(publication_key, language, file_format):
    """One more download today: an atomic increment, the row created on the day's first."""
    from .models import DownloadCount

    lookup = {
        "publication_key": publication_key,
        "language": language,
        "format": file_format,
        "day": timezone.localdate(),
    }
    if DownloadCount.objects.filter(**lookup).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DownloadCount.objects.create(count=1, **lookup)
    except IntegrityError:
        # Another request created the day's row in between: count on it.
        DownloadCount.objects.filter(**lookup).update(count=F("count") + 1)


def record(request, publication_key, language, file_format):
    """Count this request for the edition if COUNTER would; returns whether it counted."""
    if not delivers_the_whole_file(request) or is_robot(request):
        return False
    if not is_first_click(request, f"{publication_key}:{language}:{file_format}"):
        return False
    count_download(publication_key, language, file_format)
    return True
