"""A publication page with its editions, download counts and printed copies.

- `PublicationPage`: the publication, translated into every language. Its
  contributors and editions are *synchronised*: every language's page holds the
  same people and the same set of files; each page shows its own language first.
- `DownloadCount`: how often each language's edition was downloaded, per day.
  Keyed by the publication's translation_key, so a download counts for the
  publication whichever language's page it came from. Nothing about the person
  is stored.
- `PrintStock` / `PrintRequest`: the printed run and the requests for copies
  (see publications/printing.py for how the stock is never over-allocated).

One fact, one place: the editions (each a language in a format, with its file
and ISBN), the printed edition (its ISBN and language) and the number of copies
printed are those of the publication's *source page* (core/sources.py: the page
the others were translated from), for every language. They are edited there
only: a translation's page form leaves them out, so "stop translation" in
wagtail-localize cannot fork them, and they are read from the source page
(`edition_list`, `printed_edition`). The copies printed live in the shared
`PrintStock` (keyed by the translation key), whose total only the source page
sets when it is published; a translation's publication never changes it. The
translations' own columns and child editions hold a copy that is never read.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from caching.content_version import depends_on
from competences.fields import CompetencesMixin
from core.examples import ExampleMixin
from core.languages import language_choices
from core.licences import licence_field, licence_url
from core.pages import BasePage
from core.sources import SourceFieldPanel, SourceInlinePanel, SourceOnlyFieldsForm, is_source, source_rows

from .blocks import contents_blocks
from .doi import is_test_doi, validate_doi
from .isbn import is_valid as is_valid_isbn
from .isbn import validate_isbn

DEFAULT_MAX_COPIES_PER_REQUEST = 5


def max_copies_per_request():
    return int(getattr(settings, "PUBLICATIONS_MAX_COPIES_PER_REQUEST", DEFAULT_MAX_COPIES_PER_REQUEST))


class EditionFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    EPUB = "epub", "EPUB"


FORMAT_CONTENT_TYPES = {EditionFormat.PDF: "application/pdf", EditionFormat.EPUB: "application/epub+zip"}


# Stored once for every language: on the publication's source page (see the module docstring).
PRINTED_EDITION_FIELDS = ("printed_copies", "print_isbn", "print_language")


class PublicationPageForm(SourceOnlyFieldsForm):
    """A translation's form leaves out the editions and the printed edition, kept on the source page."""

    source_only_fields = PRINTED_EDITION_FIELDS
    source_only_formsets = ("editions",)


class DownloadCountsPanel(HelpPanel):
    """Read-only figures in the page editor: downloads per language and copies left."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "publications/admin/download_counts_panel.html")
        super().__init__(**kwargs)


class PublicationPage(ExampleMixin, RoutablePageMixin, CompetencesMixin, BasePage):
    abstract = models.TextField(_("abstract"), help_text=_("A few paragraphs; separate them with an empty line."))
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publication_date = models.DateField(_("publication date"))
    publisher = models.CharField(_("publisher"), max_length=200, default="STEPS")
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text=_("The publication's DOI, e.g. 10.1234/steps.2015 (one DOI for every language)."),
    )
    licence = licence_field()
    contents = StreamField(
        contents_blocks(),
        blank=True,
        verbose_name=_("table of contents"),
        help_text=_("The chapters, with a short summary and the page they start on."),
    )
    file_name_base = models.SlugField(
        _("file name"),
        max_length=80,
        blank=True,
        help_text=_("Downloads are named <file name>-<language>.pdf; the page's slug when empty."),
    )
    print_isbn = models.CharField(
        _("ISBN of the printed edition"), max_length=20, blank=True, validators=[validate_isbn]
    )
    print_language = models.CharField(
        _("language of the printed edition"), max_length=8, choices=language_choices, default="en"
    )
    printed_copies = models.PositiveIntegerField(
        _("copies printed"),
        default=0,
        help_text=_("Copies available free of charge on request; 0 when there is no printed edition."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("abstract"),
        FieldPanel("cover_image"),
        InlinePanel("contributors", heading=_("Authors and editors"), label=_("contributor")),
        FieldPanel("contents"),
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                FieldPanel("publisher"),
                FieldPanel("doi"),
                FieldPanel("licence"),
                *ExampleMixin.example_panels,
            ],
            heading=_("Publication details"),
        ),
        SourceInlinePanel(
            "editions",
            heading=_("Editions"),
            label=_("edition"),
            help_text=_("One file per language. The same editions appear on every language's page."),
        ),
        FieldPanel("file_name_base"),
        MultiFieldPanel(
            [SourceFieldPanel("printed_copies"), SourceFieldPanel("print_isbn"), SourceFieldPanel("print_language")],
            heading=_("Printed edition"),
        ),
        DownloadCountsPanel(heading=_("Downloads and printed copies")),
        *CompetencesMixin.competence_panels,
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("abstract"),
        index.SearchField("contents"),
        index.FilterField("publication_date"),
    ]

    override_translatable_fields = (
        BasePage.override_translatable_fields
        + CompetencesMixin.competence_fields
        + [
            TranslatableField("abstract"),
            TranslatableField("contents"),
            TranslatableField("publisher"),
            SynchronizedField("cover_image"),
            SynchronizedField("publication_date"),
            SynchronizedField("doi"),
            SynchronizedField("licence"),
            SynchronizedField("file_name_base"),
            SynchronizedField("print_isbn", overridable=False),
            SynchronizedField("print_language", overridable=False),
            SynchronizedField("printed_copies", overridable=False),
            # The same people and the same files on every language's page.
            SynchronizedField("contributors", overridable=False),
            SynchronizedField("editions", overridable=False),
            *ExampleMixin.example_fields,
        ]
    )

    base_form_class = PublicationPageForm

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    # Content helpers ------------------------------------------------------------

    @property
    def abstract_paragraphs(self):
        return [part.strip() for part in self.abstract.replace("\r\n", "\n").split("\n\n") if part.strip()]

    @property
    def description(self):
        return self.search_description or self.intro or (self.abstract_paragraphs or [""])[0]

    @cached_property
    def contributor_list(self):
        return list(self.contributors.all())

    @property
    def authors(self):
        return [person for person in self.contributor_list if person.role == Contributor.Role.AUTHOR]

    @property
    def editors(self):
        return [person for person in self.contributor_list if person.role == Contributor.Role.EDITOR]

    @property
    def creators(self):
        """Those credited first in citations: the authors, else the editors."""
        return self.authors or self.editors

    # Facts shared by every language ----------------------------------------------

    @cached_property
    def source_id(self):
        """The id of the source page, whose editions and printed edition every language shows."""
        if self.pk is None:
            return None
        row = source_rows(PublicationPage, [self.translation_key], ()).get(self.translation_key)
        return row["pk"] if row else self.pk

    @property
    def shows_own_facts(self):
        # Unsaved, the source itself, or a preview of the source's draft: its own (in-memory) values.
        return self.source_id in (None, self.pk)

    @cached_property
    def printed_edition(self):
        """{"printed_copies", "print_isbn", "print_language"} of the source page."""
        if self.shows_own_facts:
            return {name: getattr(self, name) for name in PRINTED_EDITION_FIELDS}
        return PublicationPage.objects.filter(pk=self.source_id).values(*PRINTED_EDITION_FIELDS).first()

    @cached_property
    def edition_list(self):
        """The source page's editions with a file, this page's language first, then in the editors' order."""
        if self.shows_own_facts:
            editions = self.editions.select_related("document")
        else:
            editions = Edition.objects.filter(page_id=self.source_id).select_related("document").order_by("sort_order")
        own = self.locale.language_code
        return sorted(
            (edition for edition in editions if edition.document_id), key=lambda edition: edition.language != own
        )

    def edition_for(self, language, file_format=EditionFormat.PDF):
        for edition in self.edition_list:
            if edition.language == language and edition.format == file_format:
                return edition
        return None

    @property
    def own_edition(self):
        return self.edition_for(self.locale.language_code)

    @property
    def licence_url(self):
        return licence_url(self.licence)

    # Identifiers: an example publication has none that a citation may carry.

    @property
    def cited_doi(self):
        """The DOI to export in citations, meta tags and JSON-LD; "" for an example or a test DOI."""
        if self.is_example or not self.doi or is_test_doi(self.doi):
            return ""
        return self.doi

    def cited_isbn(self, value):
        """`value` (an ISBN of this publication) if a citation may carry it, else ""."""
        if self.is_example or not value or not is_valid_isbn(value):
            return ""
        return value

    @property
    def cited_print_isbn(self):
        return self.cited_isbn((self.printed_edition or {}).get("print_isbn", ""))

    @property
    def download_base_name(self):
        return self.file_name_base or self.slug

    def download_path(self, language):
        return self.url + self.reverse_subpage("download", args=[language])

    # Printed copies -------------------------------------------------------------

    def clean(self):
        super().clean()
        if not is_source(self):
            return  # the printed copies are the source page's
        stock = PrintStock.objects.filter(publication_key=self.translation_key).first()
        if stock is not None and self.printed_copies < stock.allocated:
            raise ValidationError(
                {
                    "printed_copies": _(
                        "%(allocated)s copies are already allocated to requests: print at least as many."
                    )
                    % {"allocated": stock.allocated}
                }
            )

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        # save_revision() saves a few bookkeeping fields only: a draft's print run
        # must not change the stock before it is published. Only the source page's does.
        if (update_fields is None or set(update_fields) & set(PRINTED_EDITION_FIELDS)) and is_source(self):
            values = {name: getattr(self, name) for name in PRINTED_EDITION_FIELDS}
            # The translations' copy is never read; a new source after a deletion starts from it.
            PublicationPage.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(**values)
            self.sync_stock()
        return result

    def sync_stock(self):
        """Keep the shared stock's total equal to the copies printed on the source page
        (never below what is allocated). Call on the source page only."""
        stock = PrintStock.objects.filter(publication_key=self.translation_key).first()
        if stock is None:
            if self.printed_copies:
                PrintStock.objects.get_or_create(
                    publication_key=self.translation_key, defaults={"title": self.title, "total": self.printed_copies}
                )
            return
        total = max(self.printed_copies, stock.allocated)
        changes = {}
        if stock.total != total:
            changes["total"] = total
        if self.locale.language_code == settings.LANGUAGE_CODE and stock.title != self.title:
            changes["title"] = self.title
        if changes:
            # Conditional, so that a concurrent allocation never meets a lower total.
            PrintStock.objects.filter(pk=stock.pk, allocated__lte=total).update(**changes)
        self.__dict__.pop("stock", None)

    @cached_property
    def stock(self):
        depends_on(f"publication:{self.translation_key}")
        return PrintStock.objects.filter(publication_key=self.translation_key).first()

    @property
    def copies_left(self):
        return self.stock.left if self.stock else 0

    # Statistics for the editor's panel --------------------------------------------

    def download_statistics(self):
        """[(language code, language name, total, last 30 days)] and the overall total."""
        since = timezone.localdate() - timedelta(days=30)
        rows = (
            DownloadCount.objects.filter(publication_key=self.translation_key)
            .values("language")
            .annotate(total=Sum("count"), recent=Sum("count", filter=Q(day__gte=since)))
        )
        by_language = {row["language"]: row for row in rows}
        names = dict(settings.LANGUAGES)
        table = [
            (
                code,
                names.get(code, code),
                by_language.get(code, {}).get("total") or 0,
                by_language.get(code, {}).get("recent") or 0,
            )
            for code in sorted(set(names) | set(by_language))
        ]
        return table, sum(row[2] for row in table)

    # Structured data ----------------------------------------------------------------

    def get_structured_data(self, request):
        from .structured_data import book

        return [*super().get_structured_data(request), book(self, request)]

    # Routes ---------------------------------------------------------------------------

    @path("download/<str:language>/", name="download")
    def download(self, request, language):
        from .views import download

        return download(self, request, language)

    @path("cite/bibtex/", name="cite_bib")
    def cite_bib(self, request):
        from .views import citation

        return citation(self, request, "bib")

    @path("cite/ris/", name="cite_ris")
    def cite_ris(self, request):
        from .views import citation

        return citation(self, request, "ris")

    @path("cite/csl-json/", name="cite_json")
    def cite_json(self, request):
        from .views import citation

        return citation(self, request, "json")

    @path("request/", name="request")
    def request_copies(self, request):
        from .views import request_copies

        return request_copies(self, request)

    @path("request/received/<str:outcome>/", name="request_received")
    def request_received(self, request, outcome):
        from .views import request_received

        return request_received(self, request, outcome)

    def get_context(self, request, *args, **kwargs):
        # The request form is served on request/ (see publications.views.request_copies):
        # the page itself holds no CSRF token, so the page cache can keep it.
        context = super().get_context(request, *args, **kwargs)
        context["max_copies"] = max_copies_per_request()
        context["competences"] = self.localized_competences
        own = self.own_edition
        context["pdf_url"] = request.build_absolute_uri(self.download_path(own.language)) if own else ""
        return context


class Contributor(Orderable):
    """An author or editor: a person or an organisation. Names are the same in every language."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")

    class Role(models.TextChoices):
        AUTHOR = "author", _("Author")
        EDITOR = "editor", _("Editor")

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="contributors")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.PERSON)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.AUTHOR)
    given_names = models.CharField(_("given names"), max_length=120, blank=True, help_text=_("People only."))
    family_name = models.CharField(
        _("family name or organisation name"), max_length=200, help_text=_("For an organisation, its full name.")
    )
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("role"),
        FieldPanel("given_names"),
        FieldPanel("family_name"),
        FieldPanel("affiliation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")

    def __str__(self):
        return self.name

    @property
    def is_person(self):
        return self.kind == self.Kind.PERSON

    @property
    def name(self):
        if self.is_person and self.given_names:
            return f"{self.given_names} {self.family_name}"
        return self.family_name


class Edition(Orderable):
    """One file of the publication: a language in a format. File size and page count
    are read from the file whenever the document changes."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="editions")
    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    format = models.CharField(_("format"), max_length=8, choices=EditionFormat.choices, default=EditionFormat.PDF)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    isbn = models.CharField(
        _("ISBN"),
        max_length=20,
        blank=True,
        validators=[validate_isbn],
        help_text=_("Each language edition has its own ISBN-13 (or ISBN-10)."),
    )
    file_size = models.PositiveBigIntegerField(_("file size (bytes)"), null=True, blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("page count"), null=True, blank=True, editable=False)
    # The stored file the two figures above were read from: read again when it changes.
    measured_file = models.CharField(max_length=255, blank=True, editable=False)

    panels = [FieldPanel("language"), FieldPanel("format"), FieldPanel("document"), FieldPanel("isbn")]

    class Meta(Orderable.Meta):
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self):
        return f"{self.get_language_display()} ({self.get_format_display()})"

    @property
    def content_type(self):
        return FORMAT_CONTENT_TYPES.get(self.format, "application/octet-stream")

    @property
    def language_name(self):
        return self.get_language_display()

    def measure(self):
        from .files import measure_document

        if self.document is None:
            self.file_size = self.page_count = None
            self.measured_file = ""
            return
        if self.measured_file == self.document.file.name and self.file_size is not None:
            return
        self.file_size, self.page_count = measure_document(self.document, self.format)
        self.measured_file = self.document.file.name

    def save(self, *args, **kwargs):
        self.measure()
        super().save(*args, **kwargs)


class DownloadCount(models.Model):
    """Downloads of one publication's edition in one language on one day. Nothing
    about who downloaded is stored: no address, no browser, no cookie."""

    publication_key = models.UUIDField(_("publication"), db_index=True)
    language = models.CharField(_("language"), max_length=8)
    format = models.CharField(_("format"), max_length=8, default=EditionFormat.PDF)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(
                fields=["publication_key", "language", "format", "day"], name="publications_one_count_per_day"
            )
        ]

    def __str__(self):
        return f"{self.language} {self.day}: {self.count}"


class PrintStock(models.Model):
    """The printed run of one publication (all its translations share it)."""

    publication_key = models.UUIDField(_("publication"), unique=True)
    title = models.CharField(_("publication"), max_length=255, help_text=_("Shown in lists; set from the page."))
    total = models.PositiveIntegerField(_("copies printed"), default=0)
    allocated = models.PositiveIntegerField(
        _("copies allocated"), default=0, help_text=_("Copies promised to requests that are requested or sent.")
    )

    class Meta:
        verbose_name = _("print stock")
        verbose_name_plural = _("print stocks")
        constraints = [
            # The last line of defence: the database itself refuses an over-allocation.
            models.CheckConstraint(condition=Q(allocated__lte=F("total")), name="publications_stock_not_over_allocated")
        ]

    def __str__(self):
        return self.title

    def page_cache_tags(self):
        """What a change renews in the page cache: the pages that show this publication's copies left."""
        return [f"publication:{self.publication_key}", "print-requests"]

    @property
    def left(self):
        return max(self.total - self.allocated, 0)

    @classmethod
    def for_publication(cls, page, total=0):
        source = page.get_translations(inclusive=True).filter(locale__language_code=settings.LANGUAGE_CODE).first()
        stock, _created = cls.objects.get_or_create(
            publication_key=page.translation_key, defaults={"title": (source or page).title, "total": total}
        )
        return stock


class PrintRequest(ExampleMixin, models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        SENT = "sent", _("Sent")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    # Statuses that hold copies of the stock.
    ALLOCATING = {Status.REQUESTED, Status.SENT}

    class Sector(models.TextChoices):
        TRAINING = "training", _("Training, coaching or guidance")
        EDUCATION = "education", _("Education (school, college, university)")
        EMPLOYER = "employer", _("Employer or business organisation")
        EMPLOYMENT_SERVICE = "employment_service", _("Public employment or social service")
        SOCIAL_ECONOMY = "social_economy", _("Social economy or voluntary organisation")
        POLICY = "policy", _("Policy making or public administration")
        RESEARCH = "research", _("Research")
        LIBRARY = "library", _("Library or documentation centre")
        OTHER = "other", _("Other")

    stock = models.ForeignKey(
        PrintStock, verbose_name=_("publication"), on_delete=models.PROTECT, related_name="requests"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.REQUESTED)
    copies = models.PositiveSmallIntegerField(_("copies"))
    language = models.CharField(_("language"), max_length=8, choices=language_choices, default="en")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("role or sector"), max_length=32, choices=Sector.choices)
    address = models.TextField(_("postal address"))
    country = CountryField(_("country"))
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=32, blank=True)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("print request")
        verbose_name_plural = _("print requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name or _('(anonymised)')} – {self.copies} × {self.stock}"

    def page_cache_tags(self):
        """What a change renews in the page cache: the pages that show this publication's copies left."""
        return [f"publication:{self.stock.publication_key}", "print-requests"]

    @property
    def holds_copies(self):
        return self.status in self.ALLOCATING

    def personal_record(self):
        return {
            "publication": self.stock.title,
            "status": self.status,
            "copies": self.copies,
            "language": self.language,
            "name": self.name,
            "email": self.email,
            "organisation": self.organisation,
            "sector": self.sector,
            "address": self.address,
            "country": str(self.country),
            "consent_at": self.consent_at.isoformat() if self.consent_at else None,
            "consent_version": self.consent_version,
            "requested_at": self.created_at.isoformat(),
        }
