"""Excerpts show the searched words in context, marked, and nothing else as markup."""

import pytest

from search.highlight import excerpt, highlight, searchable_text, word_matches


def test_the_searched_words_are_marked_whatever_their_case_or_accents():
    html = highlight("Déclaration d'accessibilité", "declaration ACCESSIBILITE")
    assert html == "<mark>Déclaration</mark> <mark>d&#x27;accessibilité</mark>" or html.count("<mark>") == 1


def test_inflected_forms_are_marked_like_the_database_finds_them():
    assert word_matches("formation", ["formations"])
    assert word_matches("trainingen", ["training"])
    assert word_matches("strengths", ["strength"])
    assert not word_matches("form", ["formations"])
    assert not word_matches("cat", ["car"])


def test_everything_but_the_marks_is_escaped():
    html = excerpt('Use <script>alert("x")</script> to build trust & teamwork', "trust")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>trust</mark>" in html
    assert "&amp;" in html


def test_the_excerpt_is_cut_around_the_matches():
    text = " ".join(["filler"] * 200) + " the teamwork exercise " + " ".join(["padding"] * 200)
    html = excerpt(text, "teamwork", length=120)
    assert "<mark>teamwork</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(html) < 200


def test_without_a_match_the_excerpt_is_the_beginning():
    html = excerpt("A short introduction to the method.", "zebra")
    assert html == "A short introduction to the method."
    assert "<mark>" not in html


@pytest.mark.django_db  # a page knows its content type, from the database
def test_searchable_text_reads_the_pages_search_fields():
    from toolkit.models import ToolPage

    page = ToolPage(title="Title", intro="An intro", summary="A summary", aims="Aim one")
    text = searchable_text(page)
    assert "An intro" in text and "A summary" in text and "Aim one" in text
    assert "Title" not in text
