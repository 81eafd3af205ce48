"""Events of the cluster (regional events, workshops, the final conference) and
registrations for them.

An event is a page, translated like any other. Registrations are not translated:
they belong to the event as a whole, through the event's translation key, so that
someone registering on the French page takes a place from the same capacity as
someone registering on the English one. Each event has one `Roster` row: the
registration code locks it while it counts places (see events/registration.py).

One fact, one place: the capacity, the registration window and the status of an
event are those of its *source page* (core/sources.py: the page the others were
translated from), whatever the language of the page a visitor uses. They are
edited there only: the page form of a translation leaves them out (so "stop
translation" in wagtail-localize cannot fork them), and every read goes through
`EventPage.facts`, which comes from the source page. The translations' columns
hold a copy refreshed whenever the source is saved, never read while the source
exists. Keeping the fields on the page (rather than on a shared model) keeps them
in the page's drafts, revisions, workflow and scheduled publishing: a new capacity
takes effect when the source page is published, and then the people waiting get
the new places first, in order (events.registration.fill_places).
"""

import zoneinfo
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from archive import state as archive_state
from caching.content_version import depends_on
from competences.fields import CompetencesMixin
from core.blocks import body_blocks
from core.examples import ExampleMixin
from core.fields import ChoiceListField
from core.languages import language_choices
from core.pages import BasePage
from core.sources import SourceFieldPanel, SourceOnlyFieldsForm, is_source, source_rows
from core.translated import in_locale

from .blocks import material_blocks, programme_blocks
from .choices import TIME_ZONES, AttendanceMode, EventStatus, Kind, Region, RegistrantSector, Sector

TIME_ZONE_NAMES = [name for name, _label in TIME_ZONES]


def validate_time_zone(value):
    """One of the programme area's zones, known to this system's time zone database (asked for
    the one zone: listing them all reads the whole database from disk on every call)."""
    try:
        known = value in TIME_ZONE_NAMES and zoneinfo.ZoneInfo(value) is not None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        known = False
    if not known:
        raise ValidationError(_("Choose one of the time zones of the programme area."))


# Speakers ---------------------------------------------------------------------


class Speaker(ExampleMixin, TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=255, blank=True, help_text=_("Job title and organisation."))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    biography = models.TextField(_("short biography"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("biography"),
        *ExampleMixin.example_panels,
    ]
    search_fields = [index.SearchField("name"), index.SearchField("role"), index.FilterField("locale_id")]
    override_translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        SynchronizedField("photo"),
        TranslatableField("biography"),
        *ExampleMixin.example_fields,
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]

    def __str__(self):
        return self.name


# Pages ------------------------------------------------------------------------


class EventIndexPage(RoutablePageMixin, BasePage):
    """Lists upcoming and past events; offers the calendar feed of its language."""

    schema_type = "CollectionPage"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    past_per_page = 12

    class Meta:
        verbose_name = _("event index")

    def cache_dependencies(self):
        """What, besides the page itself, this page's HTML depends on. A page cache
        must purge it when registrations or attendance change (remaining places and
        the targets chart are computed from them at render time)."""
        return ["events.Registration", "events.EventPage"]

    def get_context(self, request, *args, **kwargs):
        from .views import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context

    @path("ics/", name="calendar")
    def calendar_feed(self, request):
        from .calendar import feed_response

        return feed_response(self, request)


# Stored once for every language: on the event's source page (see the module docstring).
FACT_FIELDS = ("status", "capacity", "registration_opens", "registration_closes")


@dataclass(frozen=True)
class EventFacts:
    """The facts of an event that every language shares, as read from its source page."""

    status: str
    capacity: int
    registration_opens: datetime | None
    registration_closes: datetime | None

    @classmethod
    def of(cls, page):
        return cls(**{name: getattr(page, name) for name in FACT_FIELDS})

    @classmethod
    def from_row(cls, row):
        return cls(**{name: row[name] for name in FACT_FIELDS})

    @classmethod
    def for_keys(cls, keys):
        """{translation key: EventFacts} from the source page of each event (one query)."""
        return {key: cls.from_row(row) for key, row in source_rows(EventPage, keys, FACT_FIELDS).items()}

    @classmethod
    def current(cls, translation_key):
        """The facts as stored now (for the registration code, under the roster's lock)."""
        return cls.for_keys([translation_key]).get(translation_key)

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def status_label(self):
        return dict(EventStatus.choices).get(self.status, self.status)


class EventPageForm(SourceOnlyFieldsForm):
    """Editors type times as the local time at the venue, in the event's time zone,
    whatever their own time zone: the naive times typed are made aware in the
    event's zone here, and shown back in it. A translation's form leaves out the
    facts kept on the source page."""

    local_fields = ("start", "end", "registration_opens", "registration_closes")
    source_only_fields = FACT_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = _zone(self.instance.time_zone)
        if not self.is_bound:
            for name in self.local_fields:
                value = self.initial.get(name)
                if isinstance(value, datetime) and timezone.is_aware(value):
                    self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        data = super().clean()
        name = data.get("time_zone")
        if name in TIME_ZONE_NAMES:
            for field in self.local_fields:
                value = data.get(field)
                if isinstance(value, datetime):
                    data[field] = venue_time(value, name)
        return data


def venue_time(value, zone_name):
    """The wall-clock time of `value` (as a form parsed it, in the active time zone)
    placed in the venue's zone: 09:30 typed for a London event is 09:30 in London."""
    wall = timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    return wall.replace(tzinfo=zoneinfo.ZoneInfo(zone_name))


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class EventPage(ExampleMixin, RoutablePageMixin, CompetencesMixin, BasePage):
    # Shown on every view of the page: loaded with it (core/routing.py).
    select_related_on_serve = ("host_partner",)

    kind = models.CharField(_("kind of event"), max_length=20, choices=Kind.choices, default=Kind.REGIONAL)
    status = models.CharField(_("status"), max_length=30, choices=EventStatus.choices, default=EventStatus.SCHEDULED)
    attendance_mode = models.CharField(
        _("attendance"), max_length=40, choices=AttendanceMode.choices, default=AttendanceMode.OFFLINE
    )
    start = models.DateTimeField(_("start"), help_text=_("Local time at the venue."))
    end = models.DateTimeField(_("end"), help_text=_("Local time at the venue."))
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=TIME_ZONES, default="Europe/Brussels", validators=[validate_time_zone]
    )
    event_language = models.CharField(
        _("language spoken at the event"), max_length=10, choices=language_choices, default="en"
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    street_address = models.CharField(_("street address"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    locality = models.CharField(_("town"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    accessibility = models.TextField(
        _("accessibility"), blank=True, help_text=_("Step-free access, hearing loops, quiet room, public transport…")
    )
    online_url = models.URLField(_("online address"), blank=True, help_text=_("For online or mixed events."))
    host_partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("host partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.CharField(_("region"), max_length=30, choices=Region.choices, blank=True)
    audience_sectors = ChoiceListField(_("intended audience"), choices_class=Sector)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        default=50,
        help_text=_("Places, across all languages. Raising it gives the new places to the people waiting first."),
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    body = StreamField(body_blocks(), blank=True, verbose_name=_("description"))
    programme = StreamField(programme_blocks(), blank=True, verbose_name=_("programme"))
    materials = StreamField(
        material_blocks(), blank=True, verbose_name=_("materials"), help_text=_("Slides, recordings, report…")
    )

    base_form_class = EventPageForm

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), SourceFieldPanel("status"), FieldPanel("attendance_mode")]),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("time_zone")]),
                FieldRowPanel([FieldPanel("host_partner"), FieldPanel("region"), FieldPanel("event_language")]),
                *ExampleMixin.example_panels,
            ],
            heading=_("When and who"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldRowPanel([FieldPanel("street_address"), FieldPanel("postal_code")]),
                FieldRowPanel([FieldPanel("locality"), FieldPanel("country")]),
                FieldPanel("accessibility"),
                FieldPanel("online_url"),
            ],
            heading=_("Venue"),
        ),
        MultiFieldPanel(
            [
                SourceFieldPanel("capacity"),
                FieldRowPanel([SourceFieldPanel("registration_opens"), SourceFieldPanel("registration_closes")]),
                FieldPanel("audience_sectors"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
        FieldPanel("programme"),
        FieldPanel("materials"),
        *CompetencesMixin.competence_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("programme"),
        index.SearchField("venue_name"),
        index.SearchField("locality"),
        index.FilterField("kind"),
        index.FilterField("region"),
        index.FilterField("start"),
        index.FilterField("is_example"),
    ]
    override_translatable_fields = (
        BasePage.override_translatable_fields
        + CompetencesMixin.competence_fields
        + [
            SynchronizedField("kind", overridable=False),
            SynchronizedField("status", overridable=False),
            SynchronizedField("attendance_mode", overridable=False),
            SynchronizedField("start", overridable=False),
            SynchronizedField("end", overridable=False),
            SynchronizedField("time_zone", overridable=False),
            SynchronizedField("event_language", overridable=False),
            TranslatableField("venue_name"),
            SynchronizedField("street_address"),
            SynchronizedField("postal_code", overridable=False),
            TranslatableField("locality"),
            SynchronizedField("country", overridable=False),
            TranslatableField("accessibility"),
            SynchronizedField("online_url"),
            SynchronizedField("host_partner", overridable=False),
            SynchronizedField("region", overridable=False),
            SynchronizedField("audience_sectors", overridable=False),
            SynchronizedField("capacity", overridable=False),
            SynchronizedField("registration_opens", overridable=False),
            SynchronizedField("registration_closes", overridable=False),
            TranslatableField("body"),
            TranslatableField("programme"),
            TranslatableField("materials"),
            *ExampleMixin.example_fields,
        ]
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("An event ends after it starts.")
        # A translation's registration window is its source page's, checked there
        # (the translation's form has no such field to show an error on).
        if not errors and is_source(self):
            opens, closes = self.registration_opens, self.registration_closes
            if opens and closes and closes <= opens:
                errors["registration_closes"] = _("Registration closes after it opens.")
            if closes and self.end and closes > self.end:
                errors["registration_closes"] = _("Registration closes before the event ends.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        Roster.for_event(self)
        update_fields = kwargs.get("update_fields")
        # save_revision() saves bookkeeping fields only: a draft changes no fact.
        if (update_fields is None or set(update_fields) & set(FACT_FIELDS)) and is_source(self):
            self.facts_changed()
        return result

    def facts_changed(self):
        """The source page's facts were saved: copy them to the translations' columns
        (never read, but a new source page after a deletion starts from them) and
        give any free places to the people waiting, in order."""
        from .registration import fill_places

        values = {name: getattr(self, name) for name in FACT_FIELDS}
        EventPage.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(**values)
        self.__dict__.pop("facts", None)
        if not self.is_past:
            fill_places(self.translation_key)

    # Caching --------------------------------------------------------------------

    def cache_dependencies(self):
        """This page varies with registrations: the places left (shown and in the
        JSON-LD) and whether registration is open. Every registration refreshes the
        page cache (Registration.invalidates_page_cache)."""
        return ["events.Registration"]

    # Time -----------------------------------------------------------------------

    @property
    def zone(self):
        return _zone(self.time_zone)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_multi_day(self):
        return self.local_start.date() != self.local_end.date()

    # Facts shared by every language ----------------------------------------------

    @cached_property
    def facts(self):
        """Capacity, registration window and status, from the source page (one query).
        On the source page itself, its own values (also when previewing a draft)."""
        if self.pk is not None:
            row = source_rows(EventPage, [self.translation_key], FACT_FIELDS).get(self.translation_key)
            if row is not None and row["pk"] != self.pk:
                return EventFacts.from_row(row)
        return EventFacts.of(self)

    @classmethod
    def attach_facts(cls, pages):
        """Set `facts` on many pages with one query (listings, feeds)."""
        found = EventFacts.for_keys({page.translation_key for page in pages})
        for page in pages:
            page.__dict__["facts"] = found.get(page.translation_key) or EventFacts.of(page)

    def registration_state(self, now=None, facts=None):
        """ "open", "not-yet", "closed", "none" (this event takes no registrations) or
        "archived" (the site is an archive: the event is a record, see archive/)."""
        if archive_state.is_archived():
            return "archived"
        now = now or timezone.now()
        facts = facts or self.facts
        if facts.registration_opens is None or facts.is_cancelled:
            return "none"
        if now < facts.registration_opens:
            return "not-yet"
        closes = facts.registration_closes or self.start
        if now >= closes or self.is_past:
            return "closed"
        return "open"

    @property
    def registration_open(self):
        return self.registration_state() == "open"

    # Places ---------------------------------------------------------------------

    @cached_property
    def confirmed_count(self):
        """Confirmed registrations across every translation of the event (one query)."""
        depends_on(f"event:{self.translation_key}")
        return Registration.objects.filter(
            roster__translation_key=self.translation_key, status=Registration.Status.CONFIRMED
        ).count()

    @property
    def remaining_places(self):
        return max(self.facts.capacity - self.confirmed_count, 0)

    # Display ----------------------------------------------------------------------

    @cached_property
    def localized_host(self):
        # Once per page instance: the page and its JSON-LD both show the host.
        return self.host_partner.localized if self.host_partner_id else None

    def programme_speakers(self):
        """The speakers of the programme in this page's language, each once, in order
        of appearance (one query for the translations)."""
        speakers = []
        for block in self.programme:
            for speaker in block.value.get("speakers") or []:
                if speaker is not None and speaker.pk not in {known.pk for known in speakers}:
                    speakers.append(speaker)
        return in_locale(speakers, self.locale, select_related=["photo"])

    def sector_labels(self):
        labels = dict(Sector.choices)
        return [labels[code] for code in self.audience_sectors or [] if code in labels]

    @property
    def address_line(self):
        parts = [self.street_address, " ".join(part for part in [self.postal_code, self.locality] if part)]
        if self.country:
            parts.append(self.country.name)
        return ", ".join(part for part in parts if part)

    def get_structured_data(self, request):
        from .structured_data import event

        return super().get_structured_data(request) + [event(self, request)]

    # Routes -----------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        # The form is served on register/ (see events.views.register): the page
        # itself holds no CSRF token, so the page cache can keep it.
        context = super().get_context(request, *args, **kwargs)
        context["registration_state"] = self.registration_state()
        return context

    @path("register/", name="register")
    def register_route(self, request):
        from .views import register

        return register(self, request)

    @path("cancel/<str:token>/", name="cancel")
    def cancel_route(self, request, token):
        from .views import cancel

        return cancel(self, request, token)

    @path("ics/", name="ics")
    def ics_route(self, request):
        from .calendar import event_response

        return event_response(self, request)


# Registrations ----------------------------------------------------------------


class Roster(models.Model):
    """The registrations of one event, shared by all its translations.

    Its row is what registration and cancellation lock while they count places.
    """

    translation_key = models.UUIDField(_("event translation key"), unique=True)
    title = models.CharField(_("event"), max_length=255)
    lock_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("event roster")
        verbose_name_plural = _("event rosters")
        ordering = ["title"]

    def __str__(self):
        return self.title

    @classmethod
    def for_event(cls, page):
        """The roster of `page`'s event, created on first use; titled in the default language."""
        roster, created = cls.objects.get_or_create(
            translation_key=page.translation_key, defaults={"title": page.title[:255]}
        )
        default = Locale.get_default()
        if not created and page.locale_id == default.pk and roster.title != page.title[:255]:
            roster.title = page.title[:255]
            roster.save(update_fields=["title"])
        return roster


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    roster = models.ForeignKey(Roster, verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations")
    language = models.CharField(_("language"), max_length=10, choices=language_choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=RegistrantSector.choices)
    access_needs = models.TextField(_("access needs"), blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    waiting_position = models.PositiveIntegerField(_("position on the waiting list"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True, help_text=_("Leave empty until marked."))
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("moved from the waiting list at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["roster", "created_at", "pk"]
        constraints = [
            # One active registration per person and event; a cancelled or
            # anonymised one does not block registering again.
            models.UniqueConstraint(
                fields=["roster", "email"],
                condition=Q(anonymised_at__isnull=True) & ~Q(status="cancelled"),
                name="events_one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["roster", "status"]), models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.name or _('(anonymised)')} – {self.roster}"

    def page_cache_tags(self):
        """What a change renews in the page cache: the pages that show this event's places."""
        return [f"event:{self.roster.translation_key}", "registrations"]

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED

    def personal_record(self):
        """This registration as exported to the person it is about."""
        return {
            "event": self.roster.title,
            "language": self.language,
            "name": self.name,
            "email": self.email,
            "organisation": self.organisation,
            "sector": self.sector,
            "access_needs": self.access_needs,
            "status": self.status,
            "waiting_position": self.waiting_position,
            "attended": self.attended,
            "registered_at": self.created_at,
            "consent_at": self.consent_at,
            "consent_version": self.consent_version,
            "cancelled_at": self.cancelled_at,
        }
