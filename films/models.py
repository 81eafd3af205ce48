"""The ten short films: a gallery page and one page per film.

The video file is a Wagtail document, not a wagtailmedia item: documents are
part of Wagtail itself, maintained and migrated with every Wagtail release and
already installed here, whereas wagtailmedia is a separate package (it does
support Wagtail 8 and Django 5.2 today) that would add an app, its own tables
and one more upgrade to track for the life of the site. A film needs nothing
wagtailmedia adds beyond a file: duration and poster are fields of the page.

Captions are cues in a StreamField of the film page, so each language's page
has its own text (translated with wagtail-localize like any other text) while
the times stay those of the source; each page serves its cues as WebVTT.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, Count, ExpressionWrapper, OuterRef, Prefetch, Q, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from competences.fields import CompetencesMixin
from competences.keys import framework_order, item_value, parse_competence_value
from core import languages, structured_data
from core.blocks import TypedPageChooserBlock
from core.examples import ExampleMixin
from core.listing import paginate
from core.pages import BasePage
from core.translated import in_locale
from core.visibility import restricted_q, visible

from . import captions as caption_format
from .blocks import CaptionsBlock, cues_from_stream
from .embeds import parse_video_url, validate_video_url
from .forms import FilmIndexFilterForm, FilmPageForm
from .ranges import ranged_file_response

VIDEO_TYPES = {".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm"}
POSTER_SPEC = "fill-960x540"
# The cards show the poster at two sizes, in WebP (films/includes/film_card.html).
CARD_POSTER_SPECS = ("fill-480x270|format-webp", "fill-960x540|format-webp")
FILMS_PER_PAGE = 12


def spoken_language_choices():
    return [*settings.LANGUAGES, ("zxx", _("No spoken words"))]


def language_name(code):
    """A language's own name (“Français”), as offered in caption menus."""
    return dict(settings.LANGUAGES).get(code, code)


def format_duration(seconds):
    minutes, seconds = divmod(int(seconds or 0), 60)
    return f"{minutes}:{seconds:02d}"


def iso_duration(seconds):
    """ISO 8601 duration, e.g. PT1M5S, as schema.org expects."""
    hours, rest = divmod(int(seconds or 0), 3600)
    minutes, seconds = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if seconds or text == "PT":
        text += f"{seconds}S"
    return text


def caption_languages(films, published_from=None, published_before=None):
    """{translation_key: [language codes]} of the live versions of `films` that have
    cues, in the site's language order. One query for any number of films.

    With `published_from` / `published_before` (aware datetimes), only the versions first
    published in that time (the funder report's period)."""
    keys = {film.translation_key for film in films}
    found = {}
    if keys:
        rows = FilmPage.objects.live().filter(translation_key__in=keys, alias_of__isnull=True)
        if published_from is not None:
            rows = rows.filter(first_published_at__gte=published_from)
        if published_before is not None:
            rows = rows.filter(first_published_at__lt=published_before)
        rows = rows.values_list("translation_key", "locale__language_code", "captions")
        for key, code, cues in rows:
            if cues:
                found.setdefault(key, set()).add(code)
    order = [code for code, _name in settings.LANGUAGES]
    return {key: [code for code in order if code in codes] for key, codes in found.items()}


class FilmIndexPage(BasePage):
    """The gallery of films, filtered by competence."""

    schema_type = "CollectionPage"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["films.FilmPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("film gallery")

    def films(self):
        return visible(FilmPage.objects.child_of(self), self.locale_id).order_by("path")

    def competence_options(self, films):
        """(item in this language, number of films) for every competence the films use.

        One query: the items the films link (default-language items), with their
        number of films, and the translations of those items.
        """
        from competences.models import FrameworkItem

        links = FilmPage.competences.through.objects.filter(filmpage__in=films)
        linked = links.values("frameworkitem")
        films_per_item = (
            links.filter(frameworkitem=OuterRef("pk"))
            .values("frameworkitem")
            .annotate(total=Count("filmpage", distinct=True))
            .values("total")
        )
        linked_keys = FrameworkItem.objects.filter(pk__in=linked).values("translation_key")
        rows = list(
            FrameworkItem.objects.filter(Q(pk__in=linked) | Q(locale=self.locale, translation_key__in=linked_keys))
            .annotate(total=Subquery(films_per_item))
            .select_related("framework", "parent__parent")
        )
        items = [item for item in rows if item.total]
        items.sort(key=framework_order)
        translations = {item.translation_key: item for item in rows if item.locale_id == self.locale.pk}
        return [
            (
                item if item.locale_id == self.locale.pk else translations.get(item.translation_key, item),
                item.total,
                item_value(item),
            )
            for item in items
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        films = self.films()
        options = self.competence_options(films)
        form = FilmIndexFilterForm(request.GET or None, options=options)
        chosen = None
        if form.is_bound and form.is_valid():
            value = form.cleaned_data.get("competence")
            framework_code, item_code = parse_competence_value(value) or (None, None)
            if item_code:
                linked = {"competences__framework__code": framework_code, "competences__code": item_code}
                films = films.filter(**linked).distinct()
                chosen = next((item for item, _count, option in options if option == value), None)
        page_obj = paginate(
            request,
            films.select_related("poster").prefetch_related(
                Prefetch(
                    "poster__renditions",
                    queryset=get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_POSTER_SPECS),
                    to_attr="prefetched_renditions",
                ),
                Prefetch("competences"),
            ),
            FILMS_PER_PAGE,
        )
        shown = list(page_obj.object_list)
        languages = caption_languages(shown)
        all_items = [item for film in shown for item in film.competences.all()]
        localized = iter(in_locale(all_items, self.locale, select_related=["framework"]))
        for film in shown:
            film.card_competences = [next(localized) for _item in film.competences.all()]
            film.card_caption_languages = [
                (code, language_name(code)) for code in languages.get(film.translation_key, [])
            ]
        context.update(
            films=shown,
            page_obj=page_obj,
            filter_form=form,
            competence_options=options,
            chosen_competence=chosen,
            filter_error=form.is_bound and not form.is_valid(),
        )
        return context


class FilmPage(ExampleMixin, RoutablePageMixin, CompetencesMixin, BasePage):
    base_form_class = FilmPageForm
    # Shown on every view of the page (player, JSON-LD): loaded with it (core/routing.py).
    select_related_on_serve = ("poster", "video")

    video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An MP4 (H.264) or WebM file. Leave empty if the film is hosted on YouTube or Vimeo."),
    )
    external_url = models.URLField(
        _("YouTube or Vimeo address"),
        blank=True,
        validators=[validate_video_url],
        help_text=_("Only if there is no video file: the film's address on YouTube or Vimeo."),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before the film plays and in the gallery (16:9)."),
    )
    duration = models.PositiveIntegerField(_("duration (seconds)"), default=0)
    spoken_language = models.CharField(
        _("spoken language"), max_length=8, choices=spoken_language_choices, default="zxx"
    )
    synopsis = RichTextField(_("synopsis"), blank=True, features=["bold", "italic", "link"])
    credits = models.TextField(_("credits"), blank=True, help_text=_("One line per role, e.g. “Camera: name”."))
    related_pages = StreamField(
        [
            (
                "page",
                TypedPageChooserBlock(
                    page_type=["toolkit.ToolPage", "practices.CaseStudyPage"], label=_("Method or case")
                ),
            )
        ],
        blank=True,
        verbose_name=_("related methods and cases"),
    )
    source_project = models.ForeignKey(
        "partners.Project",
        verbose_name=_("source project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The project whose work the film shows; its funder is credited on the film's page."),
    )
    captions = StreamField(
        CaptionsBlock(),
        blank=True,
        verbose_name=_("captions"),
        help_text=_("The spoken words and meaningful sounds, cue by cue. Translations keep these times."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("video"),
                FieldPanel("external_url"),
                FieldPanel("poster"),
                FieldRowPanel([FieldPanel("duration"), FieldPanel("spoken_language")]),
            ],
            heading=_("Video"),
        ),
        FieldPanel("synopsis"),
        FieldPanel("credits"),
        FieldPanel("source_project"),
        *ExampleMixin.example_panels,
        *CompetencesMixin.competence_panels,
        FieldPanel("related_pages"),
        MultiFieldPanel([FieldPanel("captions_file"), FieldPanel("captions")], heading=_("Captions")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("synopsis"),
        index.SearchField("credits"),
        index.SearchField("captions"),
    ]
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + CompetencesMixin.competence_fields
        + [
            SynchronizedField("video"),
            SynchronizedField("external_url"),
            SynchronizedField("poster"),
            SynchronizedField("duration", overridable=False),
            SynchronizedField("spoken_language", overridable=False),
            TranslatableField("synopsis"),
            TranslatableField("credits"),
            TranslatableField("source_project"),
            *ExampleMixin.example_fields,
            SynchronizedField("related_pages"),
            TranslatableField("captions"),
        ]
    )

    parent_page_types = ["films.FilmIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("film")

    # Validation ---------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.video_id and self.external_url:
            errors["external_url"] = _("Choose either a video file or a YouTube/Vimeo address, not both.")
        elif not self.video_id and not self.external_url:
            errors["video"] = _("Choose a video file, or give the film's YouTube or Vimeo address.")
        if self.video_id and self.video_type is None:
            errors["video"] = _("The video file must be an MP4 or WebM file.")
        if errors:
            raise ValidationError(errors)

    # Video --------------------------------------------------------------------

    @cached_property
    def video_type(self):
        if not self.video_id or not self.video:
            return None
        return VIDEO_TYPES.get(PurePosixPath(self.video.file.name).suffix.lower())

    @cached_property
    def external_video(self):
        return None if self.video_id else parse_video_url(self.external_url)

    @property
    def video_url(self):
        """The address of the film's file, served with byte ranges by this page."""
        if not self.video_id or self.video_type is None or not self.url:
            return None
        return self.url + self.reverse_subpage("video")

    @property
    def duration_display(self):
        return format_duration(self.duration)

    # Captions -----------------------------------------------------------------

    @cached_property
    def cues(self):
        return cues_from_stream(self.captions)

    def caption_tracks(self):
        """The caption tracks offered with the video: this page's language first
        (the default track), then every other live translation that has cues.
        Worked out once per request (the player and the JSON-LD both use it)."""
        if getattr(self, "_caption_tracks", None) is None:
            self._caption_tracks = self._find_caption_tracks()
        return self._caption_tracks

    def _find_caption_tracks(self):
        # The live, public translations are those the language links offer too
        # (worked out once per page instance).
        others = [page for page in languages.live_translations(self).values() if page.pk != self.pk]
        versions = [self, *others]
        order = [code for code, _name in settings.LANGUAGES]
        tracks = []
        for version in versions:
            # A page previewed before it is first published has no address yet.
            if not version.cues or not version.url:
                continue
            code = version.locale.language_code
            tracks.append(
                {
                    "language": code,
                    "label": language_name(code),
                    "url": version.url + version.reverse_subpage("captions"),
                    "default": version.pk == self.pk,
                }
            )
        tracks.sort(
            key=lambda track: (
                not track["default"],
                order.index(track["language"]) if track["language"] in order else 99,
            )
        )
        return tracks

    # Related pages ------------------------------------------------------------

    def related_in_locale(self):
        """The chosen methods and cases, in this page's language where translated
        (else as chosen), if live and public, in one query. Plain pages: the film
        shows their titles and links only."""
        pks = [pk for pk in self._related_page_ids() if pk]
        if not pks:
            return []
        chosen_keys = Page.objects.filter(pk__in=pks).values("translation_key")
        found = list(
            Page.objects.filter(Q(pk__in=pks) | Q(translation_key__in=chosen_keys, locale_id=self.locale_id)).annotate(
                private=ExpressionWrapper(restricted_q(), output_field=BooleanField())
            )
        )
        by_pk = {page.pk: page for page in found}
        shown_in_locale = {
            page.translation_key: page
            for page in found
            if page.locale_id == self.locale_id and page.live and not page.private
        }
        result = []
        for pk in pks:
            chosen = by_pk.get(pk)
            if chosen is None:
                continue
            shown = shown_in_locale.get(chosen.translation_key) or chosen
            if shown.live and not shown.private and shown not in result:
                result.append(shown)
        return result

    def _related_page_ids(self):
        # The raw stream holds the chosen ids: no need to load the pages first.
        return [block["value"] for block in self.related_pages.raw_data if block.get("type") == "page"]

    # Routes -------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            caption_tracks=self.caption_tracks(),
            related=self.related_in_locale(),
            competences=self.localized_competences,
            duration_iso=iso_duration(self.duration),
            transcript=[{"time": format_duration(cue.start // 1000), "text": cue.text} for cue in self.cues],
        )
        return context

    # Wagtail's page URLs allow no dot, so the file is /…/film/captions/ rather
    # than captions.vtt; players go by the Content-Type, not the name.
    @path("captions/", name="captions")
    def captions_vtt(self, request):
        if not self.cues:
            raise Http404("This film has no captions in this language.")
        response = HttpResponse(caption_format.to_webvtt(self.cues), content_type="text/vtt; charset=utf-8")
        response["Content-Language"] = self.locale.language_code
        response["Cache-Control"] = "public, max-age=300"
        return response

    @path("video/", name="video")
    def video_file(self, request):
        document = self.video
        if document is None or self.video_type is None:
            raise Http404("This film has no video file.")
        # The page's own privacy is checked by Wagtail before this runs; the
        # document's collection may be private as well.
        for restriction in document.collection.get_view_restrictions():
            if not restriction.accept_request(request):
                raise Http404("This video file is private.")
        try:
            document.file.storage.path(document.file.name)
        except NotImplementedError:
            # Object storage (S3 and the like, usually behind a CDN) answers byte
            # ranges itself and far better than a Python worker: send the player there.
            return redirect(document.file.url)
        try:
            size = document.file.size
        except (FileNotFoundError, OSError):
            raise Http404("The video file is missing.") from None
        return ranged_file_response(
            request,
            open_file=lambda: document.file.storage.open(document.file.name, "rb"),
            size=size,
            content_type=self.video_type,
            etag=f'"{document.file_hash}"' if document.file_hash else None,
            last_modified=document.created_at,
        )

    # Structured data ----------------------------------------------------------

    def get_structured_data(self, request):
        data = super().get_structured_data(request)
        data.append(self.video_object(request))
        return data

    def video_object(self, request):
        page_url = structured_data.page_url(self, request)
        uploaded = self.first_published_at or self.last_published_at
        video = {
            "@context": "https://schema.org",
            "@type": "VideoObject",
            "name": self.title,
            "description": self.description or self.title,
            "url": page_url,
            "duration": iso_duration(self.duration),
            "uploadDate": uploaded.isoformat() if uploaded else None,
            "inLanguage": self.spoken_language if self.spoken_language != "zxx" else self.locale.language_code,
        }
        if self.poster_id:
            rendition = self.poster.get_rendition(POSTER_SPEC)
            video["thumbnailUrl"] = [request.build_absolute_uri(rendition.url)]
        if self.video_url:
            video["contentUrl"] = request.build_absolute_uri(self.video_url)
            video["encodingFormat"] = self.video_type
        elif self.external_video:
            video["embedUrl"] = self.external_video.embed_url.split("?")[0]
        tracks = self.caption_tracks()
        if tracks:
            video["caption"] = [
                {
                    "@type": "MediaObject",
                    "contentUrl": request.build_absolute_uri(track["url"]),
                    "encodingFormat": "text/vtt",
                    "inLanguage": track["language"],
                }
                for track in tracks
            ]
        if self.cues:
            video["transcript"] = "\n".join(cue.text for cue in self.cues)
        return {key: value for key, value in video.items() if value is not None}
