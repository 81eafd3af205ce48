"""Images are served as WebP renditions at several widths, sized, and lazy below the fold."""

import pytest
from bs4 import BeautifulSoup
from wagtail.images import get_image_model

from core.blocks.promo import HeroBlock
from films.models import FilmIndexPage, FilmPage
from publications.models import PublicationPage

pytestmark = pytest.mark.django_db


def images(html):
    return BeautifulSoup(html, "lxml").find_all("img")


def assert_responsive(img):
    sources = [entry.split()[0] for entry in img["srcset"].split(",")]
    assert len(sources) >= 2 and all(source.endswith(".webp") for source in sources)
    assert img["sizes"]
    assert img["src"].endswith(".webp")
    assert int(img["width"]) > 0 and int(img["height"]) > 0


def test_film_cards_show_lazy_responsive_posters(client):
    index = FilmIndexPage.objects.get(locale__language_code="fr")
    posters = [img for img in images(client.get(index.url).content) if "film-card__poster" in img.get("class", [])]
    assert len(posters) == 10
    for img in posters:
        assert_responsive(img)
        assert img["loading"] == "lazy"


def test_a_film_page_offers_its_poster_in_webp(client):
    film = FilmPage.objects.live().filter(locale__language_code="nl").exclude(poster=None).first()
    video = BeautifulSoup(client.get(film.url).content, "lxml").find("video")
    assert video["poster"].endswith(".webp")


def test_the_publication_cover_is_responsive(client):
    page = PublicationPage.objects.live().get(locale__language_code="en")
    cover = BeautifulSoup(client.get(page.url).content, "lxml").select_one(".publication__cover img")
    assert_responsive(cover)


def test_a_hero_image_loads_first_and_a_figure_image_loads_lazily():
    from core.blocks.media import FigureBlock

    image = get_image_model().objects.first()
    hero = HeroBlock()
    hero_img = images(hero.render(hero.to_python({"heading": "Welcome", "image": {"image": image.pk}})))[0]
    assert_responsive(hero_img)
    assert hero_img["loading"] == "eager" and hero_img["fetchpriority"] == "high"
    figure = FigureBlock()
    figure_img = images(figure.render(figure.to_python({"image": {"image": image.pk}, "caption": "A figure"})))[0]
    assert_responsive(figure_img)
    assert figure_img["loading"] == "lazy"
