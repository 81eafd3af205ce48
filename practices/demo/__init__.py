"""Demo content: the case-study library and one case per STEPS partner.

With `load_demo --scale N`, (N-1) numbered copies of every case are added in every
language, written cheaply by `demo.scaled` (no translation round-trip).
"""

from competences.models import FrameworkItem
from demo.context import DemoDataError, load_yaml
from demo.scaled import ScaledCopies
from partners.models import Partner, Project
from practices.models import CaseStudyIndexPage, CaseStudyPage

SYNCED = (
    "country",
    "sector",
    "target_groups",
    "outcome_types",
    "evidence_level",
    "contact_name",
    "contact_email",
    "good_practice",
    "good_practice_year",
    "is_example",
)


def load_cases():
    return load_yaml("practices", "cases.yaml")


def case_values(entry, code):
    """The translated values of one case in one language, key figures included."""
    text = dict(entry[code])
    texts = text.pop("figures", [])
    numbers = entry.get("figures", [])
    if len(texts) != len(numbers):
        raise DemoDataError(f"Case {entry['key']!r} ({code}) has {len(texts)} figure texts for {len(numbers)} figures.")
    for words in texts:
        if set(words) != {"measure", "source"}:
            # A comma in an unquoted YAML flow mapping silently splits the text.
            raise DemoDataError(f"Case {entry['key']!r} ({code}) has a figure text with keys {sorted(words)}.")
    text["key_figures"] = [{"figure": number | words} for number, words in zip(numbers, texts, strict=True)]
    return text


def synced_values(entry):
    values = {name: entry[name] for name in SYNCED if name in entry}
    # The cases state results the partners have not documented here: examples unless the data say otherwise.
    values.setdefault("is_example", True)
    return values


class _Lookups:
    """Competences, projects and partners by their demo names (a few queries)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.items = {
            f"{item.framework.code} {item.code}": item
            for item in FrameworkItem.objects.filter(locale=ctx.default_locale).select_related("framework")
        }
        self.projects = {(p.acronym, p.locale_id): p for p in Project.objects.all()}
        self.partners = {(p.name, p.locale_id): p for p in Partner.objects.filter(locale=ctx.default_locale)}

    def competences(self, entry):
        missing = [ref for ref in entry.get("competences", []) if ref not in self.items]
        if missing:
            raise DemoDataError(f"Case {entry['key']!r} links unknown competences: {missing}")
        return [self.items[ref] for ref in entry.get("competences", [])]

    def partners_of(self, entry):
        locale = self.ctx.default_locale.pk
        missing = [name for name in entry["partners"] if (name, locale) not in self.partners]
        if missing:
            raise DemoDataError(f"Case {entry['key']!r} names unknown partners: {missing}")
        return [self.partners[(name, locale)] for name in entry["partners"]]

    def project(self, entry, locale):
        return self.projects.get((entry["project"], locale.pk)) if entry.get("project") else None

    def methods(self, entry):
        """Toolkit pages named by demo key; the toolkit is optional, so missing ones are skipped."""
        return [{"page": key} for key in entry.get("methods", []) if key in self.ctx.pages]


def build_cases(ctx):
    data = load_cases()
    index = ctx.page_in_all_languages(
        "case-studies", CaseStudyIndexPage, ctx.pages["home"], data["index"], show_in_menus=True
    )
    lookups = _Lookups(ctx)
    for entry in data["cases"]:
        key = f"case:{entry['key']}"
        extra = synced_values(entry) | {"project": lookups.project(entry, ctx.default_locale)}
        english = case_values(entry, "en") | {"related_methods": lookups.methods(entry)}
        page = ctx.upsert_page(key, CaseStudyPage, index, english, **extra)
        _set_links(page, lookups.competences(entry), lookups.partners_of(entry))
        # Translations copy the synchronised links and get the localized project.
        ctx.translate_page(key, page, {code: case_values(entry, code) for code in ctx.written_in(entry)})
    ctx.log(f"  {len(data['cases'])} case studies in every language")
    if ctx.scale > 1:
        added = add_variants(ctx, index, data["cases"], range(2, ctx.scale + 1), lookups)
        ctx.log(f"  {added} numbered copies of case studies (scale {ctx.scale}) in every language")


def _set_links(page, competences, partners):
    """Set the many-to-many links of the English page, republishing only on change."""
    changed = False
    if set(page.competences.values_list("pk", flat=True)) != {item.pk for item in competences}:
        page.competences = competences
        changed = True
    if set(page.partners.values_list("pk", flat=True)) != {partner.pk for partner in partners}:
        page.partners = partners
        changed = True
    if changed:
        page.save_revision().publish()
        page.refresh_from_db()


def add_variants(ctx, index, entries, numbers, lookups):
    """Numbered copies of the demo cases in every language (demo.scaled). Idempotent.

    Returns how many cases were added (per language)."""
    copies = ScaledCopies(ctx, CaseStudyPage, index)
    for number in numbers:
        for entry in entries:
            if copies.exists(f"{entry['en']['slug']}-{number}"):
                continue
            values = {}
            for code, parent in copies.parents.items():
                fields = ctx.field_values(CaseStudyPage, f"case:{entry['key']}", case_values(entry, code))
                fields["title"] = f"{fields['title']} ({number})"
                fields["slug"] = f"{fields['slug']}-{number}"
                values[code] = fields | synced_values(entry) | {"project": lookups.project(entry, parent.locale)}
            # Like a synchronised translation: the same default-language links everywhere.
            copies.add(values, competences=lookups.competences(entry), partners=lookups.partners_of(entry))
    return copies.save()


STEPS = [(40, build_cases)]
