"""Baking: the credential carried inside the badge image, as Open Badges 3.0 describes.

PNG: an iTXt chunk with the keyword `openbadgecredential` holding the VC-JWT,
written and read by Pillow. SVG: an `openbadges:credential` element (namespace
https://purl.imsglobal.org/ob/v3p0) as the first child of the root, read with
defusedxml because the file comes from a visitor.
"""

import base64
import io
from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

from defusedxml import ElementTree as SafeET
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, PngImagePlugin, UnidentifiedImageError

PNG_KEYWORD = "openbadgecredential"
SVG_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0"
SVG = "http://www.w3.org/2000/svg"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class NotBaked(ValueError):
    """The file is not a badge image, or carries no credential."""


def plain_badge_png(size=256, colour=(37, 99, 235)):
    """A plain round badge, for a badge without an image of its own."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 4, size - 4), fill=colour, outline=(255, 255, 255), width=6)
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def bake_png(png_bytes, credential):
    try:
        image = Image.open(io.BytesIO(png_bytes))
        image.load()
    except (UnidentifiedImageError, OSError) as error:
        raise NotBaked("not an image") from error
    info = PngImagePlugin.PngInfo()
    # Keep the other text chunks, drop an earlier credential.
    for key, value in getattr(image, "text", {}).items():
        if key != PNG_KEYWORD:
            info.add_itxt(key, value)
    info.add_itxt(PNG_KEYWORD, credential)
    output = io.BytesIO()
    image.save(output, format="PNG", pnginfo=info)
    return output.getvalue()


def extract_png(png_bytes):
    try:
        image = Image.open(io.BytesIO(png_bytes))
    except (UnidentifiedImageError, OSError) as error:
        raise NotBaked("not an image") from error
    if image.format != "PNG":
        raise NotBaked("not a PNG image")
    image.load()
    value = getattr(image, "text", {}).get(PNG_KEYWORD)
    if not value:
        raise NotBaked("no credential in the image")
    return str(value).strip()


def bake_svg(svg_text, credential):
    register_namespace("", SVG)
    register_namespace("openbadges", SVG_NAMESPACE)
    try:
        root = SafeET.fromstring(svg_text)
    except Exception as error:  # defusedxml raises several kinds
        raise NotBaked("not an SVG image") from error
    for old in root.findall(f"{{{SVG_NAMESPACE}}}credential"):
        root.remove(old)
    element = Element(f"{{{SVG_NAMESPACE}}}credential")
    element.text = credential
    root.insert(0, element)
    return tostring(root, encoding="unicode")


def extract_svg(svg_bytes):
    try:
        root = SafeET.fromstring(svg_bytes)
    except Exception as error:
        raise NotBaked("not an SVG image") from error
    element = root.find(f"{{{SVG_NAMESPACE}}}credential")
    if element is None or not (element.text or "").strip():
        raise NotBaked("no credential in the image")
    return element.text.strip()


def plain_badge_svg(title):
    root = Element(f"{{{SVG}}}svg", {"viewBox": "0 0 100 100", "width": "256", "height": "256", "role": "img"})
    SubElement(root, f"{{{SVG}}}title").text = title
    SubElement(root, f"{{{SVG}}}circle", {"cx": "50", "cy": "50", "r": "46", "fill": "#2563eb"})
    register_namespace("", SVG)
    return tostring(root, encoding="unicode")


def svg_around_png(png_bytes, title):
    """An SVG badge that shows a PNG (embedded as a data: address), for baking as SVG."""
    with Image.open(io.BytesIO(png_bytes)) as image:
        width, height = image.size
    root = Element(
        f"{{{SVG}}}svg",
        {"viewBox": f"0 0 {width} {height}", "width": str(width), "height": str(height), "role": "img"},
    )
    SubElement(root, f"{{{SVG}}}title").text = title
    data = "data:image/png;base64," + base64.b64encode(png_bytes).decode("ascii")
    SubElement(root, f"{{{SVG}}}image", {"href": data, "width": str(width), "height": str(height)})
    register_namespace("", SVG)
    return tostring(root, encoding="unicode")


def extract(data):
    """The credential baked in a PNG or SVG file (bytes)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise NotBaked("the file is too large")
    if data.startswith(b"\x89PNG"):
        return extract_png(data)
    head = data[:512].lstrip()
    if head.startswith(b"<"):
        return extract_svg(data)
    raise NotBaked("not a PNG or SVG image")


def base_png(achievement):
    if achievement.image_id:
        rendition = achievement.image.get_rendition("max-400x400|format-png")
        with rendition.file.open("rb") as stream:
            return stream.read()
    return plain_badge_png()


def baked_png(award):
    """The award's baked PNG: the stored file, or baked again when it is missing."""
    if award.baked_png:
        try:
            with award.baked_png.open("rb") as stream:
                return stream.read()
        except OSError:
            pass
    return bake_png(base_png(award.achievement), award.credential)


def baked_svg(award, title):
    """The award's badge as an SVG with the credential baked in (made on demand, not stored)."""
    return bake_svg(svg_around_png(base_png(award.achievement), title), award.credential)


def store_baked_png(award):
    data = bake_png(base_png(award.achievement), award.credential)
    award.baked_png.save(f"{award.public_id}.png", ContentFile(data), save=False)
    award.save(update_fields=["baked_png"])
