"""The one-page policy brief of a case, as a PDF drawn on the server with ReportLab.

ReportLab is pure Python plus wheels (no system libraries). The brief is written
in the page's language: interface words come from the catalogues under that
language, content from the page itself. The standard Helvetica font covers the
Latin-1 letters French and Dutch need.
"""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .compare import label_text
from .templatetags.practices_tags import figure_text

BRAND = colors.HexColor("#0b4f6c")


def _styles():
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=17, leading=21, alignment=0, textColor=BRAND),
        "meta": ParagraphStyle(
            "meta", parent=base["Normal"], fontSize=8.5, leading=11, textColor=colors.HexColor("#4a5560")
        ),
        "lead": ParagraphStyle("lead", parent=base["Normal"], fontSize=10.5, leading=14, spaceAfter=4),
        "heading": ParagraphStyle(
            "heading", parent=base["Heading2"], fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=2, textColor=BRAND
        ),
        "body": ParagraphStyle("body", parent=base["Normal"], fontSize=8.8, leading=11.5),
        "small": ParagraphStyle(
            "small", parent=base["Normal"], fontSize=7.5, leading=9.5, textColor=colors.HexColor("#4a5560")
        ),
    }


def _text(value):
    """Plain text for a ReportLab paragraph: escaped, line breaks kept."""
    return escape(str(value)).replace("\n", "<br/>")


def render_brief(page, request):
    with translation.override(page.locale.language_code):
        return _render(page, request)


def _render(page, request):
    styles = _styles()
    buffer = BytesIO()
    url = request.build_absolute_uri(page.get_url(request))
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=page.title,
        author=", ".join(partner.name for partner in page.localized_partners) or "STEPS",
        subject=_("Policy brief"),
        lang=page.locale.language_code,
    )
    story = [Paragraph(_text(_("STEPS policy brief")), styles["meta"]), Paragraph(_text(page.title), styles["title"])]

    project = page.localized_project
    meta = [
        ", ".join(part for part in (page.region, page.country.name) if part),
        project.acronym if project else "",
        ", ".join(partner.name for partner in page.localized_partners),
    ]
    story.append(Paragraph(_text(" · ".join(part for part in meta if part)), styles["meta"]))
    if page.is_example:
        story.append(
            Paragraph(
                _text(
                    _(
                        "Example content. This was written to demonstrate the platform. It is not a record of real "
                        "work, people or results, and its figures are not counted in the cluster's results."
                    )
                ),
                styles["meta"],
            )
        )
    story.append(Spacer(1, 3 * mm))
    if page.intro:
        story.append(Paragraph(_text(page.intro), styles["lead"]))

    def section(title, text):
        if text:
            story.append(Paragraph(_text(title), styles["heading"]))
            story.append(Paragraph(_text(text), styles["body"]))

    section(_("Context and challenge"), page.context)
    section(_("Approach"), page.approach)

    figures = [block.value for block in page.key_figures if block.block_type == "figure"]
    if figures or page.results:
        story.append(Paragraph(_text(_("Results")), styles["heading"]))
    if figures:
        headers = (_("What was measured"), _("Value"), _("Year"), _("Source"))
        rows = [[Paragraph(_text(label), styles["small"]) for label in headers]]
        for figure in figures:
            rows.append(
                [
                    Paragraph(_text(figure["measure"]), styles["body"]),
                    Paragraph(_text(figure_text(figure)), styles["body"]),
                    Paragraph(_text(figure["year"] or ""), styles["body"]),
                    Paragraph(_text(figure["source"]), styles["small"]),
                ]
            )
        table = Table(rows, colWidths=[68 * mm, 32 * mm, 14 * mm, 64 * mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, BRAND),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#d4dde3")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        story.append(table)
    if page.results:
        story.append(Spacer(1, 1.5 * mm))
        story.append(Paragraph(_text(page.results), styles["body"]))
    facts = [
        (_("Target groups"), ", ".join(str(label) for label in page.target_group_labels)),
        (_("Outcome types"), ", ".join(str(label) for label in page.outcome_type_labels)),
        (_("Evidence level"), page.get_evidence_level_display()),
        (_("Competences"), ", ".join(f"{item.code} {item.name}" for item in page.localized_competences)),
        (_("Good-practice label"), label_text(page)),
    ]
    for label, value in facts:
        if value:
            story.append(Paragraph(f"<b>{_text(label)}:</b> {_text(value)}", styles["body"]))

    section(_("Transferability"), page.transferability)
    section(_("Resources and costs"), page.resources)
    section(_("Lessons learned"), page.lessons)

    contact = ", ".join(part for part in (page.contact_name, page.contact_role, page.contact_email) if part)
    if contact:
        section(_("Contact"), contact)
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(_text(_("Full case study: %(url)s") % {"url": url}), styles["small"]))
    story.append(
        Paragraph(
            _text(
                _(
                    "STEPS, an Interreg IVA 2 Seas cluster co-funded by the European Regional Development "
                    "Fund. The content reflects the authors' views; the programme authorities are not liable "
                    "for any use of it."
                )
            ),
            styles["small"],
        )
    )
    document.build(story)
    return buffer.getvalue()
