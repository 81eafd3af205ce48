"""Reading an edition's file: its size and, for a PDF, its number of pages."""

import logging

logger = logging.getLogger(__name__)


def pdf_page_count(handle):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return len(PdfReader(handle).pages)
    except (PdfReadError, ValueError, OSError, KeyError, TypeError) as exc:
        # A damaged or unusual PDF must not stop an editor from saving the page.
        logger.warning("Could not count the pages of a PDF: %s", exc)
        return None


def measure_document(document, file_format):
    """(size in bytes, page count or None) of a Wagtail document's file."""
    try:
        size = document.file.size
    except (OSError, ValueError):
        return None, None
    pages = None
    if file_format == "pdf":
        try:
            with document.file.open("rb") as handle:
                pages = pdf_page_count(handle)
        except (OSError, ValueError):
            pages = None
    return size, pages
