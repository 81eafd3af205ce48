"""Real, tiny video files and posters for the demo films, made on the spot.

Each film is a few seconds of title cards drawn with Pillow (Pillow's own
bundled font, so no system font is needed) and encoded to WebM/VP8 with PyAV,
whose wheels ship FFmpeg. Debian's Chromium and every current browser decode
VP8. Files are small (320×180, 4 frames a second) and cached on disk by the
hash of what they show, so loading the demo again does not encode them again.
"""

import hashlib
import io
import os
import tempfile
from fractions import Fraction
from pathlib import Path

from django.core.management.base import CommandError
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 320, 180
FPS = 4
KEYFRAME_EVERY = 4  # one keyframe a second, so seeking lands close to the asked time
GENERATOR_VERSION = "1"  # change to regenerate every cached file


def cache_dir():
    path = Path(os.environ.get("STEPS_DEMO_CACHE", Path(tempfile.gettempdir()) / "steps-demo-films"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _font(size):
    return ImageFont.load_default(size=size)


def _wrap(draw, text, font, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _hex(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def card(width, height, background, heading, text="", footer="STEPS"):
    """One title card: a heading, some text and a footer, on a plain colour."""
    image = Image.new("RGB", (width, height), _hex(background))
    draw = ImageDraw.Draw(image)
    scale = width / 320
    margin = round(16 * scale)
    heading_font, text_font, small_font = _font(round(18 * scale)), _font(round(14 * scale)), _font(round(10 * scale))
    y = margin
    for line in _wrap(draw, heading, heading_font, width - 2 * margin)[:3]:
        draw.text((margin, y), line, font=heading_font, fill=(255, 255, 255))
        y += round(22 * scale)
    draw.line((margin, y + 4, margin + round(48 * scale), y + 4), fill=(249, 176, 0), width=max(2, round(3 * scale)))
    y += round(14 * scale)
    for line in _wrap(draw, text, text_font, width - 2 * margin)[:5]:
        draw.text((margin, y), line, font=text_font, fill=(235, 240, 245))
        y += round(18 * scale)
    draw.text((margin, height - margin - round(10 * scale)), footer, font=small_font, fill=(249, 176, 0))
    return image


def poster_png(title, subtitle, background):
    """A 960×540 poster image (PNG bytes)."""
    image = card(960, 540, background, title, subtitle)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _encode_webm(frames, path):
    # PyAV is a demo requirement only (requirements-demo.txt): the site itself never encodes video.
    try:
        import av
    except ImportError as error:
        raise CommandError(
            "The demo films are encoded with PyAV, which is not installed: "
            "pip install -r requirements-demo.txt (make run installs it)."
        ) from error

    with av.open(str(path), mode="w", format="webm") as container:
        stream = container.add_stream("libvpx", rate=FPS)
        stream.width, stream.height = WIDTH, HEIGHT
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, FPS)
        stream.codec_context.gop_size = KEYFRAME_EVERY
        stream.options = {"crf": "20", "b:v": "200k", "deadline": "good", "cpu-used": "5"}
        for index, image in enumerate(frames):
            frame = av.VideoFrame.from_image(image)
            frame.pts = index
            frame.time_base = Fraction(1, FPS)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)


def film_webm(title, scenes, background, seconds):
    """WebM bytes: the title, then each (start_ms, end_ms, text) scene on its own card.

    The same inputs give the same file from the cache, without encoding again.
    """
    key = hashlib.sha256(repr((GENERATOR_VERSION, title, scenes, background, seconds)).encode()).hexdigest()[:24]
    cached = cache_dir() / f"{key}.webm"
    if cached.exists() and cached.stat().st_size > 0:
        return cached.read_bytes()
    title_card = card(WIDTH, HEIGHT, background, title)
    scene_cards = [(start, end, card(WIDTH, HEIGHT, background, title, text)) for start, end, text in scenes]
    frames = []
    for index in range(int(seconds * FPS)):
        now = index * 1000 // FPS
        current = title_card
        for start, end, image in scene_cards:
            if start <= now < end:
                current = image
        frames.append(current)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    _encode_webm(frames, partial)
    partial.replace(cached)
    return cached.read_bytes()
