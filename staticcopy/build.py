"""A static copy of the whole public site, for any static host or a USB stick.

`manage.py build_static_copy FOLDER` writes every public page, document, film,
caption file, feed, the sitemap and the open-data files, in every language, to
FOLDER. Any plain static server (directory `index.html`) serves it: every link in
the copy leads to a file in the copy.

Why our own builder rather than django-bakery / wagtail-bakery: wagtail-bakery
0.8 (on django-bakery 0.13) renders each page's `serve()` with a bare
RequestFactory request, outside the middleware stack (no language activation,
no redirects, no sub-routes), so it writes the pages only: none of the routable
sub-routes (films' captions and video, print views, citations, downloads), the
documents, feeds, sitemap or open data, nor the search. It also pulls in boto3
and pyfilesystem2 for its publishing to S3, which this site does not use. What
this needs is a crawl of the real site, which Django's test Client does through
the whole middleware stack without a server.

How it works:

- **Crawl.** From each language's home page, the sitemap, robots.txt and every
  live page, each address is requested through the Client (the page cache off)
  and the links of each HTML page and style sheet are followed, once each.
  Static files and media are copied from their storages.
- **Archive.** The copy is rendered in archive mode (archive/): it is dated
  (`ARCHIVE_MODE`, else the day of the build), events are a record and the
  forms are closed. A page that still holds a form to post (checking a badge,
  say) is left out: its links lead to the language's "About this copy" page,
  which says what the copy cannot do and where to turn instead.
- **Addresses.** Absolute addresses of the site become root-relative (or start
  with `--base-url`, which the sitemap and feeds need to be valid). Files served
  at a folder-like address (`…/captions/`, `…/download/fr/`) are written as
  `…/captions.vtt`, `…/download/fr.pdf` and every link follows. A listing's
  `?page=2` becomes `…/page-2/`; other query strings are dropped (the unfiltered
  listing), except on the search page, whose static version reads them.
- **Search.** Each language gets `/<lang>/search/` (a small page and script,
  staticcopy/static/staticcopy/search.js) and `/<lang>/search/index.json`, an
  index of every page of that language built from the pages' own text.

The result of a build (files written, pages left out, addresses that failed) is
returned as a `Report`.
"""

import json
import mimetypes
import re
import shutil
from collections import deque
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

SKIPPED_PREFIXES = ("/admin/", "/api/", "/django-admin/")
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/rss+xml", "application/atom+xml")
TEXT_TYPES += ("application/ld+json", "application/javascript")
ABOUT_SLUG = "about-this-copy"
SEARCH_TEXT_CHARACTERS = 1500
# Not part of a page's own text: the frame, the archive notice, forms.
SKIPPED_TEXT = ("script", "style", "nav", "aside", "form", "template")
# Attributes holding one address; srcset holds several.
URL_ATTRIBUTE = re.compile(r"""(?P<lead>\s(?:href|src|poster|action)=)(?P<quote>["'])(?P<url>[^"'<>]*)(?P=quote)""")
SRCSET_ATTRIBUTE = re.compile(r"""(?P<lead>\ssrcset=)(?P<quote>["'])(?P<value>[^"'<>]*)(?P=quote)""")
CSS_URL = re.compile(r"""url\(\s*(?P<quote>["']?)(?P<url>[^"')]+)(?P=quote)\s*\)""")
XML_URL = re.compile(r"""(?P<lead><loc>|<link>|<id>|\shref=["'])(?P<url>/[^<"']*)""")
SUGGEST_ATTRIBUTE = re.compile(r"""\sdata-suggest-(?:url|css)=(["'])[^"']*\1""")


@dataclass
class Resource:
    """What one address of the site answered."""

    kind: str  # "html", "text", "file", "redirect", "form", "missing"
    content_type: str = ""
    body: bytes = b""
    target: str = ""  # where a redirect leads
    filename: str = ""  # a download's own name (Content-Disposition)


@dataclass
class Report:
    folder: Path
    files: int = 0
    pages: int = 0
    left_out: list = field(default_factory=list)  # pages holding a form
    failed: dict = field(default_factory=dict)  # address -> status


class _PageText(HTMLParser):
    """The title, description and main text of a page, and whether it holds a form to post."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.description, self.heading = "", "", ""
        self.text = []
        self.posts = False
        self._in_main = self._in_title = self._in_h1 = False
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.posts = True
        elif tag == "main":
            self._in_main = True
        elif tag == "title":
            self._in_title = True
        elif tag == "h1":
            self._in_h1 = True
        elif tag == "meta" and attrs.get("name") == "description":
            self.description = attrs.get("content") or ""
        elif tag in SKIPPED_TEXT:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False
        elif tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_h1 = False
        elif tag in SKIPPED_TEXT and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._in_h1:
            self.heading += data
        if self._in_main and not self._skip:
            self.text.append(data)


def _normal_text(text):
    return " ".join(text.split())


class StaticCopy:
    def __init__(self, folder, base_url="", archive_date=None):
        self.folder = Path(folder)
        self.base_url = base_url.rstrip("/")
        self.archive_date = archive_date or getattr(settings, "ARCHIVE_MODE", "") or date.today().isoformat()
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        self.host = site.hostname if site else "localhost"
        self.languages = [code for code, _name in settings.LANGUAGES]
        self.resources = {}  # address -> Resource
        self.page_urls = set()  # the live pages' own addresses: what the search index lists
        self.report = Report(self.folder)

    # The build ---------------------------------------------------------------------------------

    def build(self):
        overrides = {
            "ALLOWED_HOSTS": [*settings.ALLOWED_HOSTS, self.host],
            "PAGE_CACHE_ENABLED": False,
            "RATELIMIT_ENABLE": False,
            "ARCHIVE_MODE": self.archive_date,
        }
        with override_settings(**overrides):
            self.client = Client(HTTP_HOST=self.host)
            self.origins = [f"{scheme}://{self.host}" for scheme in ("https", "http")]
            self._crawl(self._seeds())
            if self.folder.exists():
                shutil.rmtree(self.folder)
            self.folder.mkdir(parents=True)
            self._write_all()
            self._write_extra_pages()
        return self.report

    def _seeds(self):
        seeds = [f"/{code}/" for code in self.languages] + ["/sitemap.xml", "/robots.txt"]
        for page in Page.objects.live().public().filter(depth__gt=1).specific().iterator():
            url = page.get_url()
            if url and url.startswith("/"):
                seeds.append(url)
                self.page_urls.add(url)
        return seeds

    def _crawl(self, seeds):
        queue = deque()
        seen = set()

        def add(address):
            if address is not None and address not in seen:
                seen.add(address)
                queue.append(address)

        for seed in seeds:
            add(self._address(seed, "/"))
        while queue:
            address = queue.popleft()
            resource = self._fetch(address)
            self.resources[address] = resource
            for link in self._links(address, resource):
                add(self._address(link, address))

    def _address(self, link, base):
        """The address to fetch for a link found on `base`, or None for what the copy leaves alone."""
        link = self._strip_origin(link.strip())
        if not link or link.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
            return None
        parts = urlsplit(urljoin(base, link))
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            return None  # another site
        path = parts.path
        if path.startswith(SKIPPED_PREFIXES) or self._is_search(path):
            return None
        query = dict(parse_qsl(parts.query))
        if set(query) == {"page"} and query["page"].isdigit() and query["page"] != "1":
            return f"{path}?page={query['page']}"
        return path

    def _is_search(self, path):
        return any(path.startswith(self._search_path(code)) for code in self.languages)

    def _search_path(self, code):
        with translation.override(code):
            return reverse("search")

    def _fetch(self, address):
        if address.startswith(settings.STATIC_URL):
            return self._from_storage(address, settings.STATIC_URL, static=True)
        if address.startswith(settings.MEDIA_URL):
            return self._from_storage(address, settings.MEDIA_URL, static=False)
        response = self.client.get(address)
        if response.status_code in (301, 302, 303, 307, 308):
            return Resource("redirect", target=response["Location"])
        if response.status_code != 200:
            self.report.failed[address] = response.status_code
            return Resource("missing")
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        body = b"".join(response.streaming_content) if response.streaming else response.content
        filename = ""
        disposition = response.get("Content-Disposition", "")
        found = re.search(r'filename="?([^";]+)"?', disposition)
        if found:
            filename = found.group(1)
        if content_type == "text/html":
            page = _PageText()
            page.feed(body.decode("utf-8", "replace"))
            return Resource("form" if page.posts else "html", content_type, body)
        kind = "text" if content_type.startswith(TEXT_TYPES) else "file"
        return Resource(kind, content_type, body, filename=filename)

    def _from_storage(self, address, prefix, static):
        name = address[len(prefix) :]
        try:
            if static:
                found = finders.find(name) or (staticfiles_storage.exists(name) and staticfiles_storage.path(name))
                if not found:
                    raise FileNotFoundError(name)
                body = Path(found).read_bytes()
            else:
                with default_storage.open(name) as stored:
                    body = stored.read()
        except (FileNotFoundError, OSError, NotImplementedError):
            self.report.failed[address] = 404
            return Resource("missing")
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        kind = "text" if content_type in ("text/css", "application/javascript", "text/javascript") else "file"
        return Resource(kind, content_type, body)

    def _links(self, address, resource):
        if resource.kind == "redirect":
            return [resource.target]
        if resource.kind == "html":
            html = resource.body.decode("utf-8", "replace")
            # A form's action is not followed: it answers only with the form's fields.
            links = [
                match.group("url") for match in URL_ATTRIBUTE.finditer(html) if "action" not in match.group("lead")
            ]
            for match in SRCSET_ATTRIBUTE.finditer(html):
                links += [item.split()[0] for item in match.group("value").split(",") if item.strip()]
            return links
        if resource.content_type == "text/css":
            return [match.group("url") for match in CSS_URL.finditer(resource.body.decode("utf-8", "replace"))]
        if resource.content_type.endswith("xml"):
            text = self._relative(resource.body.decode("utf-8", "replace"))
            return [match.group("url") for match in XML_URL.finditer(text)]
        return []

    # Where each address goes in the copy ----------------------------------------------------

    def _final(self, address, hops=0):
        """The address a chain of redirects ends at, and what it answered."""
        resource = self.resources.get(address)
        while resource is not None and resource.kind == "redirect" and hops < 10:
            address = self._address(resource.target, address)
            resource = self.resources.get(address)
            hops += 1
        return address, resource

    def _about_url(self, address):
        code = address.strip("/").split("/")[0]
        return f"/{code if code in self.languages else self.languages[0]}/{ABOUT_SLUG}/"

    def copy_url(self, address):
        """The address of `address`'s file in the copy (root-relative)."""
        first = address
        address, resource = self._final(address)
        if resource is None or address is None or resource.kind == "missing":
            # An address that did not answer (a comparison with nothing to compare, say).
            return self._about_url(first)
        if resource.kind == "form":
            return self._about_url(address)
        path, _sep, query = address.partition("?")
        if query:
            return f"{path}page-{query.split('=')[1]}/"
        if resource.kind in ("text", "file") and path.endswith("/"):
            return path.rstrip("/") + self._extension(resource)
        return path

    @staticmethod
    def _extension(resource):
        if resource.filename and "." in resource.filename:
            return "." + resource.filename.rsplit(".", 1)[1]
        known = {"text/vtt": ".vtt", "text/calendar": ".ics", "application/json": ".json", "text/plain": ".txt"}
        return known.get(resource.content_type) or mimetypes.guess_extension(resource.content_type) or ".bin"

    def _file_path(self, url):
        relative = url.lstrip("/")
        if not relative or relative.endswith("/"):
            relative += "index.html"
        target = (self.folder / relative).resolve()
        if not str(target).startswith(str(self.folder.resolve())):
            raise ValueError(f"{url} leads outside the copy")
        return target

    # Rewriting ------------------------------------------------------------------------------

    def _rewrite_link(self, link, base):
        address = self._address(link, base)
        if address is None:
            local = self._strip_origin(link)
            if local is not None and urlsplit(urljoin(base, local)).path.startswith(SKIPPED_PREFIXES):
                return self._about_url(base)  # the JSON API and the admin live on the live site only
            return local or link
        fragment = "#" + link.split("#", 1)[1] if "#" in link else ""
        target = self.copy_url(address)
        return link if target is None else target + fragment

    def _strip_origin(self, link):
        """`link` root-relative when it is an absolute address of the site; None for another site."""
        for origin in self.origins:
            if link == origin or link.startswith(origin + "/"):
                return link[len(origin) :] or "/"
        if link.startswith(("http://", "https://", "//")):
            return None
        return link

    def _relative(self, text, absolute=False):
        """Absolute addresses of the site made root-relative (or, with `absolute`, based on --base-url)."""
        for origin in self.origins:
            text = text.replace(origin + "/", (self.base_url if absolute else "") + "/")
        return text

    def _rewrite_html(self, address, html):
        html = SUGGEST_ATTRIBUTE.sub("", html)

        def one(match):
            link = self._strip_origin(match.group("url").replace("&amp;", "&"))
            if link is None:
                return match.group(0)
            if self._is_search(urlsplit(link).path):
                # The static search page reads the query in the browser: keep it.
                new = link.replace("&", "&amp;")
            else:
                new = self._rewrite_link(link, address)
            return f"{match.group('lead')}{match.group('quote')}{new}{match.group('quote')}"

        def srcset(match):
            items = []
            for item in match.group("value").split(","):
                parts = item.split()
                if parts:
                    parts[0] = self._rewrite_link(parts[0], address)
                    items.append(" ".join(parts))
            return f"{match.group('lead')}{match.group('quote')}{', '.join(items)}{match.group('quote')}"

        html = URL_ATTRIBUTE.sub(one, html)
        html = SRCSET_ATTRIBUTE.sub(srcset, html)
        return self._relative(html)

    def _rewrite_css(self, address, css):
        def one(match):
            url = match.group("url")
            if url.startswith("data:"):
                return match.group(0)
            return f"url({match.group('quote')}{self._rewrite_link(url, address)}{match.group('quote')})"

        return CSS_URL.sub(one, css)

    def _rewrite_xml(self, address, text):
        text = self._relative(text)

        def one(match):
            url = match.group("url")
            return match.group("lead") + self.base_url + (self._rewrite_link(url, address) or url)

        return XML_URL.sub(one, text)

    # Writing --------------------------------------------------------------------------------

    def _write(self, url, content):
        target = self._file_path(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        self.report.files += 1

    def _write_all(self):
        self.search_entries = {code: [] for code in self.languages}
        for address, resource in self.resources.items():
            if resource.kind in ("redirect", "missing"):
                continue
            if resource.kind == "form":
                self.report.left_out.append(address)
                continue
            url = self.copy_url(address)
            if resource.kind == "html":
                html = self._rewrite_html(address, resource.body.decode("utf-8", "replace"))
                self._write(url, html)
                self.report.pages += 1
                self._index(address, url, html)
            elif resource.kind == "text":
                text = resource.body.decode("utf-8", "replace")
                if resource.content_type == "text/css":
                    text = self._rewrite_css(address, text)
                elif "xml" in resource.content_type:
                    text = self._rewrite_xml(address, text)
                else:
                    text = self._relative(text, absolute=True)
                self._write(url, text)
            else:
                self._write(url, resource.body)

    def _index(self, address, url, html):
        code = url.strip("/").split("/")[0]
        if code not in self.search_entries or address not in self.page_urls:
            return  # sub-routes (print views, …) and further listing pages repeat their page
        page = _PageText()
        page.feed(html)
        if page.posts:
            return
        title = _normal_text(page.heading) or _normal_text(page.title).rsplit(" · ", 1)[0]
        text = _normal_text(" ".join(page.text))[:SEARCH_TEXT_CHARACTERS]
        self.search_entries[code].append({"t": title, "u": url, "d": _normal_text(page.description), "x": text})

    def _render(self, template, code, path, context):
        request = RequestFactory(HTTP_HOST=self.host).get(path)
        request.user = AnonymousUser()
        with translation.override(code):
            request.LANGUAGE_CODE = code
            html = render_to_string(template, context, request=request)
        return self._rewrite_html(path, html)

    def _write_extra_pages(self):
        archive_contact = getattr(settings, "ARCHIVE_CONTACT", "")
        # The search page's own script and style, fetched before the pages that link them are rendered.
        for name in ("staticcopy/search.js", "staticcopy/search.css"):
            address = staticfiles_storage.url(name)
            if address not in self.resources:
                self.resources[address] = self._from_storage(address, settings.STATIC_URL, static=True)
                self._write(address, self.resources[address].body)
        for code in self.languages:
            search_path = self._search_path(code)
            entries = sorted(self.search_entries[code], key=lambda entry: entry["t"].casefold())
            self._write(search_path + "index.json", json.dumps(entries, ensure_ascii=False, separators=(",", ":")))
            context = {"index_url": search_path + "index.json", "language": code}
            self._write(search_path, self._render("staticcopy/search.html", code, search_path, context))
            about = f"/{code}/{ABOUT_SLUG}/"
            left_out = sorted(address for address in self.report.left_out if address.startswith(f"/{code}/"))
            context = {"left_out": left_out, "built": self.archive_date, "contact": archive_contact}
            self._write(about, self._render("staticcopy/about.html", code, about, context))
        languages = [(code, name) for code, name in settings.LANGUAGES]
        self._write("/", render_to_string("staticcopy/languages.html", {"languages": languages}))
        self.report.pages += 1 + 2 * len(self.languages)


def build(folder, base_url="", archive_date=None):
    return StaticCopy(folder, base_url=base_url, archive_date=archive_date).build()
