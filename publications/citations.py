"""The publication as a citation: BibTeX, RIS and CSL-JSON.

Each builder takes the page (in the language being viewed) and the absolute URL
of the page; the citation's language and ISBN are those of that language's edition.
"""

import json
import re

from .doi import url as doi_url

FORMATS = {
    # key: (content type, file extension)
    "bib": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}

_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text):
    return "".join(_BIBTEX_SPECIALS.get(char, char) for char in str(text))


def _one_line(text):
    return re.sub(r"\s+", " ", str(text or "")).strip()


def _isbn(page):
    """The ISBN of this language's edition, if a citation may carry it (PublicationPage.cited_isbn)."""
    edition = page.own_edition
    return page.cited_isbn(edition.isbn) if edition and edition.isbn else ""


def citation_key(page):
    first = page.creators[0].family_name if page.creators else page.publisher
    word = re.sub(r"[^A-Za-z0-9]", "", first.split()[0] if first.split() else "") or "publication"
    return f"{word.lower()}{page.publication_date.year}"


def _bibtex_name(person):
    # Organisations in double braces so that BibTeX does not split them into names.
    if person.is_person and person.given_names:
        return f"{bibtex_escape(person.family_name)}, {bibtex_escape(person.given_names)}"
    return "{" + bibtex_escape(person.family_name) + "}"


def bibtex(page, url):
    fields = [("title", "{" + bibtex_escape(page.title) + "}")]
    if page.authors:
        fields.append(("author", " and ".join(_bibtex_name(person) for person in page.authors)))
    if page.editors:
        fields.append(("editor", " and ".join(_bibtex_name(person) for person in page.editors)))
    fields += [
        ("publisher", bibtex_escape(page.publisher)),
        ("year", str(page.publication_date.year)),
        ("month", str(page.publication_date.month)),
        ("date", page.publication_date.isoformat()),
        ("language", page.locale.language_code),
    ]
    if _isbn(page):
        fields.append(("isbn", _isbn(page)))
    if page.cited_doi:
        fields.append(("doi", bibtex_escape(page.cited_doi)))
    fields.append(("url", url))
    if page.abstract:
        fields.append(("abstract", bibtex_escape(_one_line(page.abstract))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@book{{{citation_key(page)},\n{body}\n}}\n"


def _ris_name(person):
    if person.is_person and person.given_names:
        return f"{person.family_name}, {person.given_names}"
    return person.family_name


def ris(page, url):
    lines = [("TY", "BOOK"), ("TI", _one_line(page.title))]
    lines += [("AU", _ris_name(person)) for person in page.authors]
    lines += [("A2", _ris_name(person)) for person in page.editors]
    date = page.publication_date
    lines += [
        ("PY", str(date.year)),
        ("DA", f"{date.year:04d}/{date.month:02d}/{date.day:02d}/"),
        ("PB", _one_line(page.publisher)),
        ("LA", page.locale.language_code),
    ]
    if _isbn(page):
        lines.append(("SN", _isbn(page)))
    if page.cited_doi:
        lines.append(("DO", page.cited_doi))
    lines.append(("UR", url))
    if page.abstract:
        lines.append(("AB", _one_line(page.abstract)))
    lines.append(("ER", ""))
    # RIS: "XX  - value", CRLF line ends; the ER line ends the record.
    return "".join(f"{tag}  - {value}".rstrip() + "\r\n" for tag, value in lines)


def _csl_name(person):
    if person.is_person and person.given_names:
        return {"family": person.family_name, "given": person.given_names}
    return {"literal": person.family_name}


def csl_item(page, url):
    date = page.publication_date
    item = {
        "id": citation_key(page),
        "type": "book",
        "title": page.title,
        "author": [_csl_name(person) for person in page.authors],
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "publisher": page.publisher,
        "language": page.locale.language_code,
        "URL": url,
    }
    if page.editors:
        item["editor"] = [_csl_name(person) for person in page.editors]
    if _isbn(page):
        item["ISBN"] = _isbn(page)
    if page.cited_doi:
        item["DOI"] = page.cited_doi
    if page.abstract:
        item["abstract"] = _one_line(page.abstract)
    if page.own_edition and page.own_edition.page_count:
        item["number-of-pages"] = page.own_edition.page_count
    return item


def csl_json(page, url):
    return json.dumps([csl_item(page, url)], ensure_ascii=False, indent=2) + "\n"


def render(kind, page, url):
    return {"bib": bibtex, "ris": ris, "json": csl_json}[kind](page, url)


def identifier_url(page, url):
    return doi_url(page.cited_doi) if page.cited_doi else url
