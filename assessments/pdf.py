"""The action plan as a one-page A4 PDF, drawn with ReportLab (as the case briefs are,
practices/pdf.py), in the questionnaire's language. Helvetica covers the Latin-1
letters French and Dutch need."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, Paragraph, SimpleDocTemplate, Spacer

from .templatetags.assessments_tags import scale_label

BRAND = colors.HexColor("#0b4f6c")


def _styles():
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=17, leading=21, alignment=0, textColor=BRAND),
        "meta": ParagraphStyle("meta", parent=base["Normal"], fontSize=8.5, leading=11, textColor=colors.grey),
        "heading": ParagraphStyle(
            "heading", parent=base["Heading2"], fontSize=11.5, leading=14, spaceBefore=6, spaceAfter=2, textColor=BRAND
        ),
        "subheading": ParagraphStyle("subheading", parent=base["Heading3"], fontSize=10, leading=12, spaceBefore=4),
        "body": ParagraphStyle("body", parent=base["Normal"], fontSize=9.5, leading=12.5),
    }


def _text(value):
    return escape(str(value))


def render_plan(page, request, context):
    with translation.override(page.locale.language_code):
        return _render(page, request, context)


def _link(request, target):
    url = request.build_absolute_uri(target.get_url(request))
    return f'<a href="{_text(url)}" color="#0b4f6c">{_text(target.title)}</a>'


def _render(page, request, context):
    styles = _styles()
    scale = page.scale
    story = [
        Paragraph(_text(_("My action plan")), styles["title"]),
        Paragraph(_text(f"{page.title} · {formats.date_format(timezone.localdate(), 'DATE_FORMAT')}"), styles["meta"]),
    ]
    if context["strengths"]:
        story.append(Paragraph(_text(_("My strong points")), styles["heading"]))
        story.append(Paragraph(_text(", ".join(row.item.name for row in context["strengths"])), styles["body"]))
    story.append(Paragraph(_text(_("What I will work on")), styles["heading"]))
    for row, found in context["plan"]:
        story.append(Paragraph(_text(row.item.name), styles["subheading"]))
        story.append(
            Paragraph(
                _text(
                    _("Now: %(now)s. I want: %(goal)s.")
                    % {"now": scale_label(row.level, scale), "goal": scale_label(row.target, scale)}
                ),
                styles["body"],
            )
        )
        for label, pages in (
            (_("Methods to try"), found.methods),
            (_("Films to watch"), found.films),
            (_("Events to go to"), found.events),
        ):
            if pages:
                links = ", ".join(_link(request, target) for target in pages)
                story.append(Paragraph(f"<b>{_text(label)}:</b> {links}", styles["body"]))
        if found.empty:
            story.append(
                Paragraph(_text(_("There are no suggestions for this competence yet: ask your coach.")), styles["body"])
            )
    story.append(Paragraph(_text(_("My next steps")), styles["heading"]))
    for step in context["steps"]:
        when = formats.date_format(step["date"], "DATE_FORMAT") if step["date"] else "……………"
        text = step["text"] or "……………………………………………………"
        story.append(Paragraph(_text(f"{step['number']}. {text} · {_('Date:')} {when}"), styles["body"]))
    story.append(Spacer(1, 4 * mm))
    url = request.build_absolute_uri(page.route_url(request, "result")) + "?a=" + context["code"]
    story.append(Paragraph(_text(_("Link to my result:")) + " " + _text(url), styles["meta"]))
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=_("My action plan"),
        lang=page.locale.language_code,
        invariant=1,
    )
    # Whatever the plan holds, it stays on one page: shrunk to fit if need be.
    frame = KeepInFrame(document.width, document.height, story, mode="shrink")
    document.build([frame])
    return buffer.getvalue()
