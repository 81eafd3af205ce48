"""Caption files: parse WebVTT and SubRip (.srt) into cues, and write WebVTT.

Pure functions, no Django: a cue is (start, end, text) with times in whole
milliseconds. Parsing is strict where a mistake would show on screen (a bad
timestamp, a cue that ends before it starts, cues out of order, a cue without
text) and says on which line the problem is, so an editor can fix the file.
Overlapping cues are valid WebVTT (two people speaking at once) and are kept.
"""

import re
from dataclasses import dataclass

MAX_FILE_BYTES = 1024 * 1024

# hh:mm:ss.ttt or mm:ss.ttt (WebVTT), hh:mm:ss,ttt (SubRip). Hours may have more digits.
_TIMESTAMP = re.compile(r"^(?:(?P<h>\d{1,})[:])?(?P<m>\d{2}):(?P<s>\d{2})[.,](?P<ms>\d{3})$")
_ARROW = "-->"
# Markup inside cue text: WebVTT tags (<v Name>, <i>, <c.class>, <00:01.000>)
# and SubRip's HTML-like tags and {\an8} positioning codes. Stored text is plain.
_TAGS = re.compile(r"<[^>]*>|\{\\[^}]*\}")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": "\u00a0", "&lrm;": "\u200e", "&rlm;": "\u200f"}


@dataclass(frozen=True)
class Cue:
    start: int  # milliseconds
    end: int  # milliseconds
    text: str


class CaptionError(ValueError):
    """A caption file that cannot be used, with the line (1-based) that shows why."""

    def __init__(self, line, reason):
        self.line = line
        self.reason = reason
        super().__init__(f"Line {line}: {reason}" if line else reason)


# Timestamps -------------------------------------------------------------------


def parse_timestamp(value):
    """Milliseconds from a WebVTT or SubRip timestamp; ValueError if malformed."""
    match = _TIMESTAMP.match(value.strip())
    if not match:
        raise ValueError(f"“{value.strip()}” is not a timestamp like 00:01:02.500")
    hours = int(match["h"] or 0)
    minutes, seconds, millis = int(match["m"]), int(match["s"]), int(match["ms"])
    if minutes > 59 or seconds > 59:
        raise ValueError(f"“{value.strip()}” has minutes or seconds above 59")
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def format_timestamp(milliseconds):
    """hh:mm:ss.ttt, the WebVTT form (always with hours, so every cue lines up)."""
    milliseconds = max(0, int(milliseconds))
    seconds, millis = divmod(milliseconds, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


# Parsing ----------------------------------------------------------------------


def decode(data):
    """Text from uploaded bytes: UTF-8 with or without a byte-order mark."""
    if len(data) > MAX_FILE_BYTES:
        raise CaptionError(0, f"The file is larger than {MAX_FILE_BYTES // 1024} KB.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CaptionError(line, "The file is not UTF-8 text; save it as UTF-8 and upload it again.") from None


def _lines(text):
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _blocks(lines, first=0):
    """(first line number, lines) of each block separated by blank lines."""
    block, start = [], None
    for number, line in enumerate(lines[first:], start=first + 1):
        if line.strip():
            if start is None:
                start = number
            block.append(line)
        elif block:
            yield start, block
            block, start = [], None
    if block:
        yield start, block


def clean_text(text):
    """Plain cue text: markup removed, entities decoded, blank lines dropped."""
    text = _TAGS.sub("", text)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _parse_timing(line, number):
    if _ARROW not in line:
        raise CaptionError(
            number, f"Expected a timing line like “00:00:01.000 --> 00:00:04.000”, found “{line.strip()}”."
        )
    left, right = line.split(_ARROW, 1)
    # WebVTT cue settings (position, align…) follow the end time; they are not kept.
    right_parts = right.split()
    if not right_parts:
        raise CaptionError(number, "The timing line has no end time.")
    try:
        start = parse_timestamp(left)
        end = parse_timestamp(right_parts[0])
    except ValueError as exc:
        raise CaptionError(number, f"{exc}.") from None
    return start, end


def _parse_cue(start_line, block, previous_start):
    """A Cue from one block: optional identifier line, timing line, text lines."""
    timing_index = 0 if _ARROW in block[0] else 1
    if timing_index == 1 and (len(block) < 2 or _ARROW not in block[1]):
        # The first line is not a timing line, so it is an identifier, and the
        # timing must come next.
        bad_line = block[1] if len(block) > 1 else block[0]
        number = start_line + (1 if len(block) > 1 else 0)
        raise CaptionError(
            number, f"Expected a timing line like “00:00:01.000 --> 00:00:04.000”, found “{bad_line.strip()}”."
        )
    number = start_line + timing_index
    start, end = _parse_timing(block[timing_index], number)
    if end <= start:
        raise CaptionError(
            number, f"The cue ends ({format_timestamp(end)}) before it starts ({format_timestamp(start)})."
        )
    if previous_start is not None and start < previous_start:
        raise CaptionError(
            number,
            f"The cue starts at {format_timestamp(start)}, before the previous cue "
            f"({format_timestamp(previous_start)}): cues must be in time order.",
        )
    text = clean_text("\n".join(block[timing_index + 1 :]))
    if not text:
        raise CaptionError(number, "The cue has no text.")
    return Cue(start, end, text)


def parse_webvtt(text):
    lines = _lines(text)
    if not lines or not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise CaptionError(1, "A WebVTT file must start with the line “WEBVTT”.")
    # The header runs to the first blank line.
    first = 1
    while first < len(lines) and lines[first].strip():
        first += 1
    cues, previous = [], None
    for start_line, block in _blocks(lines, first):
        head = block[0]
        if head.startswith(("NOTE", "STYLE", "REGION")) and _ARROW not in head:
            continue
        cue = _parse_cue(start_line, block, previous)
        cues.append(cue)
        previous = cue.start
    return _non_empty(cues)


def parse_srt(text):
    cues, previous = [], None
    for start_line, block in _blocks(_lines(text)):
        cue = _parse_cue(start_line, block, previous)
        cues.append(cue)
        previous = cue.start
    return _non_empty(cues)


def _non_empty(cues):
    if not cues:
        raise CaptionError(0, "The file has no cues.")
    return cues


def parse_captions(data, filename=""):
    """Cues from the bytes or text of a .vtt or .srt file.

    The format is recognised by the WEBVTT signature, else by the file name; a file
    that is neither is read as SubRip, whose errors then point at the first bad line.
    """
    text = decode(data) if isinstance(data, bytes) else data
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise CaptionError(0, "The file is empty.")
    if text.startswith("WEBVTT") or filename.lower().endswith(".vtt"):
        return parse_webvtt(text)
    return parse_srt(text)


# Writing ----------------------------------------------------------------------


def escape_text(text):
    """Cue text safe inside a WebVTT payload: no markup, no blank line, no arrow."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "\n".join(line for line in text.splitlines() if line.strip())


def to_webvtt(cues):
    """A complete WebVTT document. Cues are numbered from 1 as identifiers."""
    parts = ["WEBVTT", ""]
    for number, cue in enumerate(cues, start=1):
        parts.append(str(number))
        parts.append(f"{format_timestamp(cue.start)} --> {format_timestamp(cue.end)}")
        parts.append(escape_text(cue.text))
        parts.append("")
    return "\n".join(parts) + "\n"
