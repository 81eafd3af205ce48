"""The caption parser and the WebVTT writer (pure functions, no database)."""

import re

import pytest

from films.captions import (
    CaptionError,
    Cue,
    format_timestamp,
    parse_captions,
    parse_timestamp,
    to_webvtt,
)

VTT = """WEBVTT - STEPS film

NOTE written for the tests
spanning two lines

intro
00:00:00.500 --> 00:00:02.000 align:start position:10%
<v Trainer>Hello <i>everyone</i> &amp; welcome.

00:02.000 --> 00:04.250
A cue without an identifier
on two lines.
"""

SRT = """1
00:00:01,000 --> 00:00:02,500
First cue

2
00:00:02,500 --> 00:00:04,000
<i>Second</i> cue
with two lines
"""


class TestTimestamps:
    @pytest.mark.parametrize(
        ("text", "milliseconds"),
        [
            ("00:00:00.000", 0),
            ("00:01.500", 1500),
            ("01:02:03.004", 3_723_004),
            ("00:00:01,250", 1250),
            ("100:00:00.000", 360_000_000),
        ],
    )
    def test_valid(self, text, milliseconds):
        assert parse_timestamp(text) == milliseconds

    @pytest.mark.parametrize("text", ["1:2.3", "00:00:01", "00:61.000", "00:00:60.000", "aa:bb.ccc", "", "00:01.5"])
    def test_invalid(self, text):
        with pytest.raises(ValueError):
            parse_timestamp(text)

    def test_format(self):
        assert format_timestamp(0) == "00:00:00.000"
        assert format_timestamp(3_723_004) == "01:02:03.004"


class TestWebVTT:
    def test_cues_ids_settings_notes_and_markup(self):
        cues = parse_captions(VTT)
        assert cues == [
            Cue(500, 2000, "Hello everyone & welcome."),
            Cue(2000, 4250, "A cue without an identifier\non two lines."),
        ]

    def test_bom_and_crlf(self):
        data = ("\ufeff" + VTT).replace("\n", "\r\n").encode("utf-8")
        assert parse_captions(data, "film.vtt") == parse_captions(VTT)

    def test_old_mac_line_endings(self):
        assert parse_captions(VTT.replace("\n", "\r")) == parse_captions(VTT)

    def test_overlapping_cues_are_kept(self):
        text = "WEBVTT\n\n00:01.000 --> 00:05.000\nFirst speaker\n\n00:02.000 --> 00:03.000\nSecond speaker\n"
        assert [cue.text for cue in parse_captions(text)] == ["First speaker", "Second speaker"]

    def test_missing_signature(self):
        with pytest.raises(CaptionError) as error:
            parse_captions("00:01.000 --> 00:02.000\nHello\n", "film.vtt")
        assert error.value.line == 1
        assert "WEBVTT" in error.value.reason

    def test_bad_timestamp_gives_its_line(self):
        text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nFine\n\n2\n00:00:03.000 --> 00:00:0x.000\nBroken\n"
        with pytest.raises(CaptionError) as error:
            parse_captions(text)
        assert error.value.line == 8
        assert "00:00:0x.000" in error.value.reason

    def test_cue_ending_before_it_starts(self):
        text = "WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nBackwards\n"
        with pytest.raises(CaptionError) as error:
            parse_captions(text)
        assert error.value.line == 3
        assert "before it starts" in error.value.reason

    def test_cues_out_of_order(self):
        text = "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nLater\n\n00:00:01.000 --> 00:00:02.000\nEarlier\n"
        with pytest.raises(CaptionError) as error:
            parse_captions(text)
        assert error.value.line == 6
        assert "time order" in error.value.reason

    def test_cue_without_text(self):
        text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<i></i>\n"
        with pytest.raises(CaptionError) as error:
            parse_captions(text)
        assert error.value.line == 3
        assert "no text" in error.value.reason

    def test_identifier_without_timing(self):
        text = "WEBVTT\n\nintro\nHello there\n"
        with pytest.raises(CaptionError) as error:
            parse_captions(text)
        assert error.value.line == 4
        assert "timing line" in error.value.reason

    @pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff"])
    def test_empty_file(self, text):
        with pytest.raises(CaptionError, match="empty"):
            parse_captions(text)

    def test_header_only(self):
        with pytest.raises(CaptionError, match="no cues"):
            parse_captions("WEBVTT\n\nNOTE nothing else\n")

    def test_not_utf8(self):
        data = b"WEBVTT\n\n00:01.000 --> 00:02.000\nCaf" + b"\xe9\n"
        with pytest.raises(CaptionError) as error:
            parse_captions(data)
        assert error.value.line == 4
        assert "UTF-8" in error.value.reason


class TestSubRip:
    def test_numbers_commas_and_tags(self):
        assert parse_captions(SRT, "film.srt") == [
            Cue(1000, 2500, "First cue"),
            Cue(2500, 4000, "Second cue\nwith two lines"),
        ]

    def test_extra_blank_lines_and_crlf(self):
        text = "\r\n\r\n" + SRT.replace("\n", "\r\n") + "\r\n\r\n"
        assert parse_captions(text.encode(), "film.srt") == parse_captions(SRT)

    def test_missing_timing_line(self):
        text = "1\n00:00:01,000 --> 00:00:02,000\nFine\n\n2\nNo timing here\n"
        with pytest.raises(CaptionError) as error:
            parse_captions(text, "film.srt")
        assert error.value.line == 6

    def test_vtt_file_name_requires_signature(self):
        with pytest.raises(CaptionError) as error:
            parse_captions(SRT, "film.vtt")
        assert error.value.line == 1


class TestWriter:
    def test_document_shape(self):
        output = to_webvtt([Cue(500, 2000, "One"), Cue(2000, 64_250, "Two\nlines")])
        assert output.startswith("WEBVTT\n\n")
        timings = re.findall(r"^(\d{2}:\d{2}:\d{2}\.\d{3}) --> (\d{2}:\d{2}:\d{2}\.\d{3})$", output, re.MULTILINE)
        assert timings == [("00:00:00.500", "00:00:02.000"), ("00:00:02.000", "00:01:04.250")]

    def test_text_is_escaped(self):
        output = to_webvtt([Cue(0, 1000, "<b>bold</b> & --> arrow\n\nafter a blank line")])
        assert "<b>" not in output
        assert "&lt;b&gt;bold&lt;/b&gt; &amp; --&gt; arrow\nafter a blank line" in output

    def test_round_trip(self):
        cues = [Cue(0, 1500, "Ça & <ça>"), Cue(1500, 3000, "Line one\nLine two")]
        assert parse_captions(to_webvtt(cues)) == cues
