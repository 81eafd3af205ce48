"""Serve a stored file with HTTP byte ranges (RFC 9110 §14), for video players.

Browsers fetch video in pieces and need `206 Partial Content` to seek. Neither
Django's FileResponse nor Wagtail's document view answers ranges, so films are
served through `ranged_file_response`. Only single ranges are answered with 206;
a multi-range request gets the whole file (200), which the RFC allows and players
never need. An unsatisfiable range gets 416 with the file's size.
"""

import re

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import http_date, parse_etags

CHUNK_SIZE = 64 * 1024
# ASCII digits only: \d would also accept other scripts' digits.
_RANGE = re.compile(r"^bytes=(?P<first>[0-9]*)-(?P<last>[0-9]*)$")
# A position past any file: longer numbers are read as this rather than converted
# (int() refuses more than 4,300 digits, and nothing is gained by reading them).
_BEYOND_ANY_FILE = 10**18


class Unsatisfiable(Exception):
    pass


def _position(digits):
    significant = digits.lstrip("0") or "0"
    return _BEYOND_ANY_FILE if len(significant) > len(str(_BEYOND_ANY_FILE)) else int(significant)


def parse_range(header, size):
    """The (first, last) inclusive byte positions asked for by a Range header.

    None means "send the whole file": no header, a header this server ignores
    (another unit, several ranges, a malformed value — the RFC lets a server
    ignore a Range it does not understand). Raises Unsatisfiable when the range
    is well formed but lies outside the file.
    """
    if not header:
        return None
    match = _RANGE.match(header.strip().replace(" ", ""))
    if not match:
        return None
    first, last = match["first"], match["last"]
    if not first and not last:
        return None
    if not first:
        # Suffix range: the last N bytes.
        length = _position(last)
        if length == 0 or size == 0:
            raise Unsatisfiable
        return max(0, size - length), size - 1
    first = _position(first)
    if last and _position(last) < first:
        return None  # invalid, so ignored
    if first >= size:
        raise Unsatisfiable
    last = _position(last) if last else size - 1
    return first, min(last, size - 1)


def _read(handle, first, length):
    handle.seek(first)
    remaining = length
    try:
        while remaining > 0:
            chunk = handle.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        handle.close()


def ranged_file_response(request, open_file, size, content_type, etag=None, last_modified=None):
    """A 200, 206 or 416 response for a file opened in binary mode.

    `open_file` is a callable returning a new binary file object; it is only
    called when bytes are sent (not for HEAD, 304 or 416).
    """
    headers = {"Accept-Ranges": "bytes"}
    if etag:
        headers["ETag"] = etag
    if last_modified:
        headers["Last-Modified"] = http_date(last_modified.timestamp())

    if etag and etag in parse_etags(request.headers.get("If-None-Match", "")):
        return HttpResponse(status=304, headers=headers)

    range_header = request.headers.get("Range")
    if_range = request.headers.get("If-Range")
    if if_range and (not etag or if_range.strip() != etag):
        # The client's copy is out of date (or we cannot tell): send it all.
        range_header = None

    try:
        byte_range = parse_range(range_header, size)
    except Unsatisfiable:
        response = HttpResponse(status=416, headers={**headers, "Content-Range": f"bytes */{size}"})
        return response

    if byte_range is None:
        first, length, status = 0, size, 200
    else:
        first, last = byte_range
        length, status = last - first + 1, 206
        headers["Content-Range"] = f"bytes {first}-{last}/{size}"

    if request.method == "HEAD":
        response = HttpResponse(status=status, content_type=content_type, headers=headers)
    else:
        response = StreamingHttpResponse(
            _read(open_file(), first, length), status=status, content_type=content_type, headers=headers
        )
    response["Content-Length"] = str(length)
    return response
