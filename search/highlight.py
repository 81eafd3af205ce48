"""Highlighted excerpts: the searched words in context, marked with <mark>.

The database backends offer no highlighting, so the excerpt is cut in Python
from the page's own searchable text (the fields it declares in `search_fields`).
Everything is escaped; only the <mark> elements added here are markup.

Matching ignores case and accents and tolerates word endings, so that a search
stemmed by the database ("formations" found "formation") is also highlighted.
"""

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search import index

WORD = re.compile(r"\w[\w'’-]*\w|\w", re.UNICODE)
EXCERPT_LENGTH = 240
# A word and a searched term match when one begins with the other, or when they
# share at least MIN_STEM characters and all but SLACK characters of the longer one.
MIN_STEM = 4
SLACK = 3


@lru_cache(maxsize=50_000)
def fold(text):
    """Lower case without accents: "Déclaration" -> "declaration".

    Cached: excerpts fold every word of a page's text, and pages share most words."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def query_terms(query):
    return [fold(term) for term in WORD.findall(query)]


def _common_prefix(a, b):
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def word_matches(word, terms):
    word = fold(word)
    for term in terms:
        if word == term or (len(term) >= 3 and word.startswith(term)):
            return True
        if _common_prefix(word, term) >= max(MIN_STEM, len(word) - SLACK, len(term) - SLACK):
            return True
    return False


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = value.values()
    if isinstance(value, list | tuple) or hasattr(value, "__iter__"):
        return [text for item in value for text in _flatten(item)]
    return [str(value)]


def searchable_text(page):
    """The page's searchable text other than its title, as the index sees it."""
    texts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            texts.extend(_flatten(field.get_value(page)))
    return _plain(" ".join(texts))


def _plain(text):
    # Rich text and stream blocks may carry markup: keep the words only.
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def indexed_texts(pages):
    """{page id: searchable text other than the title} for these pages, in one query.

    The database search backends keep each object's body text in the index
    (`body_text` on PostgreSQL, `body` elsewhere), the same text
    `searchable_text` assembles field by field, which costs far more for pages
    with long stream fields. Pages the index lacks are read field by field.
    """
    from wagtail.search.models import IndexEntry

    column = "body_text" if any(field.name == "body_text" for field in IndexEntry._meta.fields) else "body"
    wanted = {(page.content_type_id, str(page.pk)): page for page in pages}
    # Both columns of the index's unique key, so the lookup uses it.
    rows = IndexEntry.objects.filter(
        content_type_id__in={type_id for type_id, _object_id in wanted},
        object_id__in=[object_id for _type, object_id in wanted],
    ).values_list("content_type_id", "object_id", column)
    texts = {
        wanted[(type_id, object_id)].pk: _plain(text or "")
        for type_id, object_id, text in rows
        if (type_id, object_id) in wanted
    }
    for page in pages:
        if page.pk not in texts:
            texts[page.pk] = searchable_text(page)
    return texts


def _marked(text, matches):
    """Escape `text`, wrapping the (start, end) spans in <mark>."""
    parts = []
    position = 0
    for start, end in matches:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def _matching_spans(text, terms):
    verdicts = {}  # a word recurs often in one text: decide once per distinct word
    spans = []
    for match in WORD.finditer(text):
        word = match.group()
        verdict = verdicts.get(word)
        if verdict is None:
            verdict = verdicts[word] = word_matches(word, terms)
        if verdict:
            spans.append(match.span())
    return spans


def highlight(text, query):
    """The whole `text`, escaped, with the searched words marked."""
    terms = query_terms(query)
    return mark_safe(_marked(text, _matching_spans(text, terms) if terms else []))  # noqa: S308 (escaped above)


def excerpt(text, query, length=EXCERPT_LENGTH):
    """About `length` characters of `text` around the densest cluster of searched
    words, escaped, with those words marked; the beginning when none occurs."""
    terms = query_terms(query)
    spans = _matching_spans(text, terms) if terms else []
    if not spans:
        start, end = 0, min(len(text), length)
    else:
        # The window that starts a little before a match and holds the most matches.
        lead = length // 5
        best_start, best_count = 0, -1
        # Spans are in order and do not overlap: a window's matches are a run found by bisection.
        starts = [s for s, _e in spans]
        ends = [e for _s, e in spans]
        for first in starts:
            window_start = max(0, first - lead)
            count = max(0, bisect_right(ends, window_start + length) - bisect_left(starts, window_start))
            if count > best_count:
                best_start, best_count = window_start, count
        start, end = best_start, min(len(text), best_start + length)
    # Cut at word boundaries.
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    piece = text[start:end]
    shown = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    html = _marked(piece, shown)
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html)  # noqa: S308 (escaped above)
