"""The demo publication's files: a real PDF per language (reportlab) and a cover (Pillow).

The PDFs are built from the demo text (title, table of contents, one page per
chapter) with reportlab's `invariant` mode, so the same text always gives the
same bytes; they are cached on disk by a fingerprint of their text.
"""

import hashlib
import json
from io import BytesIO
from pathlib import Path

from django.conf import settings

GENERATOR_VERSION = 1


def fingerprint(data):
    payload = json.dumps([GENERATOR_VERSION, data], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]


def cache_dir():
    return Path(settings.MEDIA_ROOT) / "demo-cache" / "publications"


def cached_pdf(name, data):
    """The PDF for `data` (see publication_pdf), from the cache or built and cached."""
    path = cache_dir() / f"{name}-{fingerprint(data)}.pdf"
    if path.exists():
        return path.read_bytes()
    pdf = publication_pdf(**data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf)
    return pdf


def publication_pdf(*, title, language, edition, authors, date, contents_heading, page_word, colophon, chapters):
    """chapters: [(title, summary, body, sections)], one page each, starting on page 3."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A5,
        title=title,
        author=authors,
        subject=edition,
        lang=language,
        invariant=1,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
    )
    styles = getSampleStyleSheet()
    story = [
        Spacer(1, 30 * mm),
        Paragraph(escape(title), styles["Title"]),
        Paragraph(escape(edition), styles["Heading3"]),
        Spacer(1, 10 * mm),
        Paragraph(escape(authors), styles["Normal"]),
        Spacer(1, 4 * mm),
        Paragraph(escape(date), styles["Normal"]),
        Spacer(1, 20 * mm),
        Paragraph(escape(colophon), styles["Italic"]),
        PageBreak(),
        Paragraph(escape(contents_heading), styles["Heading1"]),
    ]
    for number, (chapter_title, _summary, _body, sections) in enumerate(chapters):
        story.append(Paragraph(f"{escape(chapter_title)} — {escape(page_word)} {number + 3}", styles["Heading4"]))
        for section in sections:
            story.append(Paragraph(f"&nbsp;&nbsp;&nbsp;{escape(section)}", styles["Normal"]))
    for number, (chapter_title, summary, body, sections) in enumerate(chapters, start=1):
        story += [PageBreak(), Paragraph(f"{number}. {escape(chapter_title)}", styles["Heading1"])]
        if summary:
            story.append(Paragraph(escape(summary), styles["Italic"]))
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(escape(body), styles["BodyText"]))
        for section in sections:
            story.append(Paragraph(escape(section), styles["Heading4"]))

    def number_pages(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(A5[0] / 2, 10 * mm, str(doc.page))
        canvas.restoreState()

    document.build(story, onFirstPage=lambda canvas, doc: None, onLaterPages=number_pages)
    return buffer.getvalue()


def cover_png(title_lines, colour="#1f4e79", accent="#ffd166"):
    from PIL import Image, ImageDraw, ImageFont

    width, height = 800, 1130
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 40], fill=accent)
    draw.rectangle([0, height - 40, width, height], fill=accent)
    for step in range(6):
        # Six rising steps: the cluster's name as a picture.
        x = 80 + step * 100
        top = 900 - step * 70
        draw.rectangle([x, top, x + 90, 1000], fill=accent if step % 2 == 0 else "#f4f4f4")
    big = ImageFont.load_default(size=150)
    small = ImageFont.load_default(size=44)
    draw.text((80, 150), "STEPS", font=big, fill="#ffffff")
    y = 360
    for line in title_lines:
        draw.text((80, y), line, font=small, fill="#ffffff")
        y += 60
    output = BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()
