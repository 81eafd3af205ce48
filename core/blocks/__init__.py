"""StreamField blocks shared by the platform's page types, one module per family."""

from .links import LinkBlock
from .media import FigureBlock
from .pages import TypedPageChooserBlock
from .promo import CallToActionBlock, FeaturedPagesBlock, HeroBlock
from .text import HeadingBlock, ParagraphBlock, QuoteBlock


def body_blocks():
    """The blocks of an ordinary page body. A function, so every StreamField
    gets fresh block instances."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", ParagraphBlock()),
        ("figure", FigureBlock()),
        ("quote", QuoteBlock()),
        ("call_to_action", CallToActionBlock()),
    ]


__all__ = [
    "CallToActionBlock",
    "FeaturedPagesBlock",
    "FigureBlock",
    "HeadingBlock",
    "HeroBlock",
    "LinkBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "TypedPageChooserBlock",
    "body_blocks",
]
