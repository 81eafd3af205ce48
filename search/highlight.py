"""Highlighted excerpts: the searched words in context, marked with <mark>.

The database backends offer no highlighting, so the excerpt is cut in Python
from the page's own searchable text (the fields it declares in `search_fields`).
Everything is escaped; only the <mark> elements added here are markup.

Matching ignores case and accents and tolerates word endings, so that a search
stemmed by the database ("formations" found "formation") is also highlighted.
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search import index

WORD = re.compile(r"\w[\w'’-]*\w|\w", re.UNICODE)
EXCERPT_LENGTH = 240
# A word and a searched term match when one begins with the other, or when they
# share at least MIN_STEM characters and all but SLACK characters of the longer one.
MIN_STEM = 4
SLACK = 3


def fold(text):
    """Lower case without accents: "Déclaration" -> "declaration"."""
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
    # Rich text and stream blocks may carry markup: keep the words only.
    text = " ".join(re.sub(r"<[^>]+>", " ", text) for text in texts)
    return " ".join(text.split())


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
    return [match.span() for match in WORD.finditer(text) if word_matches(match.group(), terms)]


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
        for first, _end in spans:
            window_start = max(0, first - lead)
            count = sum(1 for s, e in spans if s >= window_start and e <= window_start + length)
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
