"""A visitor watches a French film with French captions, and seeks in it."""

import time

from tests.languages import WRITTEN

FILM = "/fr/films/ce-que-sont-les-competences-douces/"


def wait_until(locator, predicate, timeout=15):
    """Poll a JavaScript predicate on an element. Playwright's wait_for_function
    would compile the predicate in the page, which the site's CSP forbids."""
    deadline = time.monotonic() + timeout
    while not locator.evaluate(predicate):
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out waiting for: {predicate}")
        time.sleep(0.1)


def test_french_film_plays_seeks_and_shows_french_captions(live_site, page):
    page.goto(f"{live_site}{FILM}")
    assert page.locator("html").get_attribute("lang") == "fr"

    video = page.locator("video.film__video")
    assert video.get_attribute("controls") is not None
    assert video.get_attribute("autoplay") is None
    default_track = video.locator("track[default]")
    assert default_track.get_attribute("srclang") == "fr"
    assert default_track.get_attribute("kind") == "captions"
    assert sorted(video.locator("track").evaluate_all("tracks => tracks.map(t => t.srclang)")) == sorted(WRITTEN)

    # The browser decodes the file: metadata gives the film's length.
    wait_until(video, "v => v.readyState >= 1")
    assert 7.5 <= video.evaluate("v => v.duration") <= 8.5

    # Seeking asks the server for byte ranges and lands where asked.
    video.evaluate(
        """v => new Promise(resolve => { v.addEventListener('seeked', resolve, {once: true}); v.currentTime = 5; })"""
    )
    assert abs(video.evaluate("v => v.currentTime") - 5) < 0.5

    # It plays (muted, as a script may start playback only without sound).
    video.evaluate("v => { v.muted = true; return v.play(); }")
    wait_until(video, "v => v.currentTime > 5.3")

    # The French track is showing, with its cues in French.
    wait_until(
        video,
        """v => {
            const track = [...v.textTracks].find(t => t.language === 'fr');
            return Boolean(track && track.mode === 'showing' && track.cues && track.cues.length > 0);
        }""",
    )
    cues = video.evaluate(
        "v => [...[...v.textTracks].find(t => t.language === 'fr').cues].map(c => [c.startTime, c.endTime, c.text])"
    )
    assert cues[0] == [0.5, 2.5, "Les compétences techniques permettent d'accomplir une tâche."]
    others = video.evaluate("v => [...v.textTracks].filter(t => t.language !== 'fr').map(t => t.mode)")
    assert others == ["disabled", "disabled"]


def test_transcript_opens_with_the_keyboard(live_site, page):
    page.goto(f"{live_site}{FILM}")
    summary = page.locator("details.film__transcript summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details.film__transcript").evaluate("d => d.open")
    assert "Elles vous suivent d'un emploi à l'autre." in page.locator(".transcript").inner_text()
