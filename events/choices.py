"""Fixed vocabularies of the events app, with stable stored values and translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    REGIONAL = "regional", _("Regional preparatory event")
    WORKSHOP = "workshop", _("Cross-practice workshop")
    CONFERENCE = "conference", _("Final conference")
    OTHER = "other", _("Other event")


class Region(models.TextChoices):
    """Regions of the 2 Seas programme area where partners work."""

    KENT = "kent", _("Kent")
    NORFOLK = "norfolk", _("Norfolk")
    DEVON = "devon", _("Devon")
    WEST_FLANDERS = "west-flanders", _("West Flanders")
    NORD = "nord", _("Nord")
    ZEELAND = "zeeland", _("Zeeland")
    OTHER = "other", _("Other region")


class Sector(models.TextChoices):
    """The sectors the cluster's events address (reference data: target_groups_of_sectors_at_events)."""

    EMPLOYERS = "employers", _("Employers, business representatives, apprenticeship organisations")
    EDUCATION = "education", _("Education (local college, high school)")
    SPECIFIC_GROUPS = (
        "specific-groups",
        _("Organisations for specific groups (mental health, learning disability, drug and alcohol issues)"),
    )
    JOB_CENTRE = "job-centre", _("Job centre representatives")
    HR = "hr", _("HR managers")
    WORK_EXPERIENCE = "work-experience", _("Work experience organisations")
    SOCIAL_ECONOMY = "social-economy", _("Social economy organisations")
    COMMUNICATION = "communication", _("Communication networks")


class RegistrantSector(models.TextChoices):
    """What a registrant can choose: the event sectors, plus "other"."""

    EMPLOYERS = Sector.EMPLOYERS.value, Sector.EMPLOYERS.label
    EDUCATION = Sector.EDUCATION.value, Sector.EDUCATION.label
    SPECIFIC_GROUPS = Sector.SPECIFIC_GROUPS.value, Sector.SPECIFIC_GROUPS.label
    JOB_CENTRE = Sector.JOB_CENTRE.value, Sector.JOB_CENTRE.label
    HR = Sector.HR.value, Sector.HR.label
    WORK_EXPERIENCE = Sector.WORK_EXPERIENCE.value, Sector.WORK_EXPERIENCE.label
    SOCIAL_ECONOMY = Sector.SOCIAL_ECONOMY.value, Sector.SOCIAL_ECONOMY.label
    COMMUNICATION = Sector.COMMUNICATION.value, Sector.COMMUNICATION.label
    OTHER = "other", _("Other")


# The time zones of the programme area; the venue's zone decides how times are shown.
TIME_ZONES = [
    ("Europe/London", _("London (United Kingdom)")),
    ("Europe/Brussels", _("Brussels (Belgium)")),
    ("Europe/Paris", _("Paris (France)")),
    ("Europe/Amsterdam", _("Amsterdam (the Netherlands)")),
]


class EventStatus(models.TextChoices):
    """schema.org's EventStatusType values."""

    SCHEDULED = "EventScheduled", _("Scheduled")
    POSTPONED = "EventPostponed", _("Postponed")
    RESCHEDULED = "EventRescheduled", _("Rescheduled")
    MOVED_ONLINE = "EventMovedOnline", _("Moved online")
    CANCELLED = "EventCancelled", _("Cancelled")


class AttendanceMode(models.TextChoices):
    """schema.org's EventAttendanceModeEnumeration values."""

    OFFLINE = "OfflineEventAttendanceMode", _("In person")
    ONLINE = "OnlineEventAttendanceMode", _("Online")
    MIXED = "MixedEventAttendanceMode", _("In person and online")


class MaterialKind(models.TextChoices):
    SLIDES = "slides", _("Slides")
    RECORDING = "recording", _("Recording")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other material")
