"""One crawl of the demo site, shared by the tests that read every page of it.

Rendering every page of the demo in every language takes most of a minute. The tests that
read every page (canonical and hreflang links, the example banner and notices) share one
crawl: the `demo_crawl` session fixture (tests/conftest.py), built once by the xdist worker
their group (`GROUP`) goes to. It starts at each home page the demo is written in and
follows the links of every page it reaches (not those with a query string: filtered and
paged variants of a page, whose canonical link is the page itself).
"""

from collections import deque
from dataclasses import dataclass
from urllib.parse import urldefrag, urlsplit

import lxml.html
import pytest

# The tests that use the crawl run on one worker, which crawls once.
GROUP = pytest.mark.xdist_group("demo-crawl")
# Far above the demo's size (a few hundred pages per language): a crawl that never ends fails.
LIMIT = 5000


@dataclass(frozen=True)
class CrawledPage:
    html: str
    canonical: str | None
    alternates: dict
    indexed: bool
    links: list


ALTERNATES = "//link[@rel='alternate'][@hreflang]"


def read(html):
    # lxml's own tree rather than BeautifulSoup's: the crawl reads hundreds of pages.
    tree = lxml.html.fromstring(html)
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    robots = " ".join(tree.xpath("//meta[@name='robots']/@content"))
    return CrawledPage(
        html=html,
        canonical=canonical[0] if canonical else None,
        alternates={
            link.get("hreflang"): link.get("href") for link in tree.xpath("//link[@rel='alternate'][@hreflang]")
        },
        indexed="noindex" not in robots,
        links=tree.xpath("//a/@href"),
    )


def crawl(client, languages):
    """{path: CrawledPage} of every HTML page (answered 200) reachable from the home pages."""
    prefixes = tuple(f"/{code}/" for code in languages)
    pages, seen = {}, set()
    queue = deque(prefixes)
    while queue:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        assert len(seen) < LIMIT, "the crawl does not end"
        response = client.get(path)
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            continue
        page = pages[path] = read(response.content.decode())
        for href in page.links:
            parts = urlsplit(urldefrag(href)[0])
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver") or parts.query:
                continue
            if parts.path.startswith(prefixes) and parts.path not in seen:
                queue.append(parts.path)
    return pages
