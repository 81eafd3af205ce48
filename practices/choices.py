"""Allow-lists for the case-study facts that are filtered, compared and counted.

Stored values are stable codes (synchronised across languages); only the labels
are translated, through the interface catalogues.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TargetGroup(models.TextChoices):
    YOUNG_PEOPLE = "young-people", _("Young people")
    LONG_TERM_UNEMPLOYED = "long-term-unemployed", _("Long-term unemployed people")
    MIGRANTS = "migrants", _("Migrants and migrant families")
    WOMEN = "women", _("Women and single mothers")
    IMPAIRMENTS = "impairments", _("People with functional impairments")
    SOCIAL_DIFFICULTIES = "social-difficulties", _("People in difficult social circumstances")
    LOW_EDUCATED = "low-educated", _("Low-educated people")
    CRIMINAL_RECORD = "criminal-record", _("People with a criminal record")
    LEARNERS = "learners", _("Students and learners")
    PRACTITIONERS = "practitioners", _("Practitioners and job coaches")


class OutcomeType(models.TextChoices):
    EMPLOYMENT = "employment", _("Employment")
    EDUCATION = "education", _("Education and training")
    VOLUNTEERING = "volunteering", _("Volunteering")
    SELF_EMPLOYMENT = "self-employment", _("Self-employment")


class EvidenceLevel(models.TextChoices):
    # From the weakest to the strongest kind of evidence.
    PRACTITIONER_ACCOUNT = "practitioner-account", _("Practitioners' account")
    MONITORING = "monitoring", _("Monitoring data")
    SURVEY = "survey", _("Participant survey")
    INTERNAL_EVALUATION = "internal-evaluation", _("Internal evaluation")
    EXTERNAL_EVALUATION = "external-evaluation", _("External evaluation")


class Sector(models.TextChoices):
    EMPLOYMENT_SERVICES = "employment-services", _("Employment services")
    SOCIAL_WELFARE = "social-welfare", _("Social welfare")
    COMMUNITY = "community", _("Community work")
    VOCATIONAL_EDUCATION = "vocational-education", _("Vocational education and training")
    ADULT_EDUCATION = "adult-education", _("Adult education")
    ARTS_EDUCATION = "arts-education", _("Art and design education")
    SOCIAL_ECONOMY = "social-economy", _("Social economy")


class FigureUnit(models.TextChoices):
    PEOPLE = "people", _("people")
    PARTICIPANTS = "participants", _("participants")
    PLACES = "places", _("places")
    SESSIONS = "sessions", _("sessions")
    TRAININGS = "trainings", _("trainings")
    VISITS = "visits", _("visits")
    CENTRES = "centres", _("centres")
    COMPANIES = "companies", _("companies")
    HOURS = "hours", _("hours")
    WEEKS = "weeks", _("weeks")
    PERCENT = "percent", _("%")
    EUROS = "euros", _("euros")
