"""Who attended what: held events and the people marked present, for apps that recognise it.

Two content apps never import each other, so the app that records attendance (events)
registers a provider here when it starts, and an app that acts on attendance (badges,
which awards a badge to the people who attended) reads through `held_events` and
`attendees` without knowing where they come from.

A provider has `held_events(language)` → [HeldEvent] and `attendees(key)` → [Attendee].
"""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class HeldEvent:
    key: str  # stable across languages (the event's translation key)
    title: str
    url: str  # the event's page, relative to the site
    start: datetime


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str
    language: str


_providers = []


def register(provider):
    if provider not in _providers:
        _providers.append(provider)


def held_events(language):
    """The events that took place and have people marked present, newest first."""
    events = [event for provider in _providers for event in provider.held_events(language)]
    return sorted(events, key=lambda event: event.start, reverse=True)


def attendees(key):
    """The people marked present at the event `key` ([] for an unknown key)."""
    return [person for provider in _providers for person in provider.attendees(key)]
