"""An offline machine translator for development: the translation memory.

It needs no network and no account. For each string it reuses the most recent
human translation of the same text into the target language, made anywhere on
the site; a string never translated before is returned unchanged, so the editor
sees at once what is left to translate. Either way the result is marked as a
machine translation until someone reviews it. Production plugs in a real
engine through the MACHINE_TRANSLATOR setting (see the README).
"""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue


class TranslationMemoryTranslator(BaseMachineTranslator):
    display_name = _("Translation memory (offline)")

    def translate(self, source_locale, target_locale, strings):
        data = [string.data for string in strings]
        memory = {}
        # Newest first, so the latest human translation of a text wins.
        for source_text, translated in (
            StringTranslation.objects.filter(
                translation_of__locale=source_locale,
                translation_of__data__in=data,
                locale=target_locale,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                has_error=False,
            )
            .order_by("-updated_at")
            .values_list("translation_of__data", "data")
        ):
            memory.setdefault(source_text, translated)
        return {string: StringValue(memory.get(string.data, string.data)) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code
