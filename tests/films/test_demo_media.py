"""The demo films are encoded with PyAV, a demo requirement only: without it, load_demo says what to install."""

import sys
import uuid

import pytest
from django.core.management.base import CommandError

from films.demo import media

pytestmark = pytest.mark.demo


@pytest.fixture
def film_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("STEPS_DEMO_CACHE", str(tmp_path))
    return tmp_path


def test_without_pyav_a_new_film_is_refused_with_what_to_install(film_cache, monkeypatch):
    monkeypatch.setitem(sys.modules, "av", None)  # `import av` raises ImportError
    with pytest.raises(CommandError, match=r"PyAV.*requirements-demo\.txt"):
        media.film_webm(f"Film {uuid.uuid4()}", [(0, 500, "Scene")], "#005a8c", seconds=1)
    assert not any(film_cache.iterdir())  # no partial file left for the cache to serve


def test_a_film_made_once_is_served_from_the_cache_without_pyav(film_cache, monkeypatch):
    made = media.film_webm("Cached film", [(0, 500, "Scene")], "#005a8c", seconds=1)
    assert made[:4] == b"\x1a\x45\xdf\xa3"  # the EBML header of a WebM file
    monkeypatch.setitem(sys.modules, "av", None)
    assert media.film_webm("Cached film", [(0, 500, "Scene")], "#005a8c", seconds=1) == made
