"""Demo content: example badges of SoftSkills4EU and ENTR21 in every language the demo is written in,
their issuers and keys, and a few example awards (one revoked) with baked images."""

import io

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from competences.models import FrameworkItem
from demo.context import DemoDataError, load_yaml
from partners.models import Partner

from .. import issuing, keys, roles
from ..models import AchievementPage, Award, BadgesIndexPage, IssuerProfile


def badge_image(key, title, colour):
    """A round badge image, created once and found by its title."""
    model = get_image_model()
    name = f"Badge: {title}"
    image = model.objects.filter(title=name).first()
    if image is None:
        canvas = PILImage.new("RGBA", (400, 400), (0, 0, 0, 0))
        draw = ImageDraw.Draw(canvas)
        draw.ellipse((10, 10, 390, 390), fill=colour, outline="white", width=12)
        draw.ellipse((70, 70, 330, 330), outline="white", width=6)
        output = io.BytesIO()
        canvas.save(output, format="PNG")
        image = model(title=name, file=ImageFile(output, name=f"badge-{key}.png"))
        image.save()
    return image


def issuer(ctx, partner_name):
    partner = Partner.objects.filter(locale=ctx.default_locale, name=partner_name).first()
    if partner is None:
        raise DemoDataError(f"The demo badges name an unknown partner: {partner_name!r}")
    profile, _created = IssuerProfile.objects.get_or_create(
        partner_key=partner.translation_key, defaults={"name": partner.name, "url": partner.website}
    )
    if not keys.has_key(profile):
        keys.create_key(profile)
    roles.setup_issuer_roles(profile)
    return partner, profile


def values(data, entry, code):
    words = data["words"]
    name = entry[code]
    if "summary" in entry:
        summary, criteria, evidence = entry["summary"][code], entry["criteria"][code], words["module_evidence"][code]
    elif entry["project"] == "ENTR21":
        summary = words["entr_summary"][code] % name
        criteria, evidence = words["entr_criteria"][code], words["entr_evidence"][code]
    else:
        summary = words["module_summary"][code] % name
        criteria, evidence = words["module_criteria"][code], words["module_evidence"][code]
    return {
        "title": name,
        "slug": slugify(name) or entry["key"],
        "summary": f"{summary} {words['example'][code]}",
        "criteria": criteria,
        "evidence_expected": evidence,
        "image_alt": words["alt"][code] % name,
    }


def build_badges(ctx):
    data = load_yaml("badges", "badges.yaml")
    index = ctx.page_in_all_languages("badges", BadgesIndexPage, ctx.pages["home"], data["index"], show_in_menus=True)
    items = {
        f"{item.framework.code} {item.code}": item
        for item in FrameworkItem.objects.filter(locale=ctx.default_locale).select_related("framework")
    }
    pages = {}
    for entry in data["badges"]:
        partner, _profile = issuer(ctx, data["issuers"][entry["project"]])
        missing = [ref for ref in entry["competences"] if ref not in items]
        if missing:
            raise DemoDataError(f"Badge {entry['key']!r} names unknown competences: {missing}")
        key = f"badge:{entry['key']}"
        extra = {
            "achievement_type": entry["type"],
            "partner": partner,
            "is_example": True,
            "image": badge_image(entry["key"], entry["en"], entry["colour"]),
        }
        page = ctx.upsert_page(key, AchievementPage, index, values(data, entry, "en"), **extra)
        wanted = [items[ref] for ref in entry["competences"]]
        if set(page.competences.values_list("pk", flat=True)) != {item.pk for item in wanted}:
            page.competences.set(wanted)
            page.save_revision().publish()
            page.refresh_from_db()
        ctx.translate_page(key, page, {code: values(data, entry, code) for code in ctx.written_in(entry)})
        pages[entry["key"]] = page
    ctx.log(f"  {len(pages)} example badges in every language")
    awarded = 0
    for entry in data["awards"]:
        page = pages[entry["badge"]]
        award = Award.objects.filter(
            achievement__translation_key=page.translation_key, recipient_email=entry["email"]
        ).first()
        if award is None:
            # Example recipients get no e-mail.
            award = issuing.award_badge(
                page,
                entry["name"],
                entry["email"],
                entry["evidence"],
                is_example=True,
                language=entry.get("language", "en"),
                notify=False,
            )
            awarded += 1
        if award.is_public != bool(entry.get("public")):
            award.is_public = bool(entry.get("public"))
            award.save(update_fields=["is_public"])
        if entry.get("revoke") and not award.is_revoked:
            issuing.revoke(award, entry["revoke"])
    ctx.log(f"  {awarded} example awards to example.org recipients")


# After editorial.build_roles (95): the coordinators are given the award permissions.
STEPS = [(96, build_badges)]
