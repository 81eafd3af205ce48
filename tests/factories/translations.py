"""A page or snippet translated into another language, as the demo and editors translate.

Through the project's own helper (demo/translate.py): the source is extracted into a
wagtail-localize TranslationSource, its strings get the given language's text, and
wagtail-localize creates and publishes the translation. The result is a synced translation,
the kind editors see in the translation editor.
"""

import copy

from wagtail.models import Locale

from demo.translate import translate as localize


def translate(instance, language, **texts):
    """`instance` translated into `language`, with `texts` for its translatable text fields
    (a field not given keeps the source's text; a synchronised one given here is overridden).
    A page's title and slug default to the source's with the language code appended, so the
    two are told apart. What the instance links to (a partner, a competence) must be
    translated first, as wagtail-localize points each link at the linked translation.

        french = translate(method, "fr", title="Le défi de la tour", summary="…")
    """
    source = type(instance).objects.get(pk=instance.pk)
    if hasattr(source, "slug"):
        texts.setdefault("title", f"{source.title} ({language})")
        texts.setdefault("slug", f"{source.slug}-{language}")
    target = copy.copy(source)
    for name, value in texts.items():
        # Plain text goes through wagtail-localize; anything else (a stream of blocks, a
        # chosen document) is set on the translation afterwards, as a translator overrides it.
        if isinstance(value, str):
            setattr(target, name, value)
    (translated,) = localize(source, {Locale.objects.get(language_code=language): target})
    # A field wagtail-localize keeps in sync (a partner's name) is not in the strings either.
    overridden = {name: value for name, value in texts.items() if getattr(translated, name) != value}
    if overridden:
        for name, value in overridden.items():
            setattr(translated, name, value)
        if hasattr(translated, "save_revision"):
            translated.save_revision().publish()
            translated.refresh_from_db()
        else:
            translated.save()
    return translated
