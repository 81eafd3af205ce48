"""A plain static server for a folder, and a crawler that follows every link it serves."""

import re
import threading
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urljoin, urlsplit

import lxml.html

CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def static_server(folder):
    """Python's own http.server serving `folder` on 127.0.0.1; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Links:
    """Every address an HTML page refers to, with canonical and hreflang links apart."""

    links: list
    canonical: list
    alternates: list

    @classmethod
    def of(cls, html):
        # lxml's own tree: the crawl reads every page of the copy.
        tree = lxml.html.fromstring(html)
        links = tree.xpath("//*/@href | //*/@src | //*/@poster")
        for srcset in tree.xpath("//*/@srcset"):
            links += [item.split()[0] for item in srcset.split(",") if item.strip()]
        return cls(
            links=[link for link in links if link],
            canonical=tree.xpath("//link[@rel='canonical']/@href"),
            alternates=tree.xpath("//link[@rel='alternate'][@hreflang]/@href"),
        )


def crawl(base_url, start_paths):
    """Follow every same-site link from `start_paths`; returns (statuses, pages) where
    statuses maps each address to its HTTP status and pages each HTML address to its Links."""
    statuses, pages = {}, {}
    queue = list(start_paths)
    while queue:
        path = queue.pop()
        if path in statuses:
            continue
        try:
            with urllib.request.urlopen(base_url + path, timeout=10) as response:  # noqa: S310 - local server
                statuses[path] = response.status
                kind = response.headers.get_content_type()
                body = response.read()
        except urllib.error.HTTPError as error:
            statuses[path] = error.code
            continue
        found = []
        if kind == "text/html":
            pages[path] = Links.of(body.decode("utf-8", "replace"))
            found = pages[path].links
        elif kind == "text/css":
            found = CSS_URL.findall(body.decode("utf-8", "replace"))
        for link in found:
            if link.startswith(("mailto:", "tel:", "data:", "#")):
                continue
            parts = urlsplit(urljoin(base_url + path, link))
            if f"{parts.scheme}://{parts.netloc}" != base_url:
                continue  # another site
            if parts.path not in statuses:
                queue.append(parts.path)
    return statuses, pages
