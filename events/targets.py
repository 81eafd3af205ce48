"""Progress of the cluster's events against their planned outputs.

`progress()` is pure: it takes plain figures per event and the targets and
returns one row per kind of event, so it can be tested without a database and
reused (the events index, the admin report, a future "Results" page).
`event_figures()` reads those figures from the database in two queries.

Participants of an event: the people marked as attended once attendance has
been recorded for it, otherwise its confirmed registrations. Every translation
of an event counts once (events are identified by their translation key).

An example event (core/examples.py) and its figures never count towards the
targets: `progress()` leaves them out, and `example_progress()` gives them apart,
to be shown labelled as examples.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .choices import Kind

# The planned outputs, as in the cluster's application (reference data `targets`).
TARGETS = {
    Kind.REGIONAL: {"events": 7, "participants": 245},
    Kind.WORKSHOP: {"events": 2, "participants": 2 * 45},
    Kind.CONFERENCE: {"events": 1, "participants": 200},
}


@dataclass(frozen=True)
class EventFigures:
    """What one event contributes: its kind, whether it has taken place, its counts."""

    kind: str
    held: bool
    confirmed: int = 0
    attended: int = 0
    attendance_marked: bool = False
    is_example: bool = False

    @property
    def participants(self):
        return participants(self.confirmed, self.attended, self.attendance_marked)


@dataclass(frozen=True)
class KindProgress:
    kind: str
    label: str
    events_target: int
    events_held: int
    events_planned: int
    participants: int
    participants_target: int

    @property
    def participants_percent(self):
        """Share of the participants target reached, 0-100 (capped) for the chart."""
        if not self.participants_target:
            return 0
        return min(100, round(100 * self.participants / self.participants_target))

    @property
    def events_percent(self):
        if not self.events_target:
            return 0
        return min(100, round(100 * self.events_held / self.events_target))


def progress(events, targets=None, examples=False):
    """One KindProgress per kind that has a target, in the targets' order.

    Only events that are not examples count; with `examples`, only the example events do
    (their figures, shown apart, never added to the targets' progress).
    """
    targets = TARGETS if targets is None else targets
    labels = dict(Kind.choices)
    rows = []
    for kind, target in targets.items():
        mine = [event for event in events if event.kind == kind and event.is_example == examples]
        rows.append(
            KindProgress(
                kind=str(kind),
                label=labels.get(kind, _("Other event")),
                events_target=target["events"],
                events_held=sum(1 for event in mine if event.held),
                events_planned=sum(1 for event in mine if not event.held),
                participants=sum(event.participants for event in mine),
                participants_target=target["participants"],
            )
        )
    return rows


def totals(rows):
    return {
        "events_target": sum(row.events_target for row in rows),
        "events_held": sum(row.events_held for row in rows),
        "events_planned": sum(row.events_planned for row in rows),
        "participants": sum(row.participants for row in rows),
        "participants_target": sum(row.participants_target for row in rows),
    }


def participant_counts(keys):
    """The registrations of the events `keys`, grouped by event, registrant's language and sector.

    {translation key: {(language, sector): (confirmed, attended)}}, and the set of keys whose
    attendance has been recorded. One query. Every count of participants (the targets here,
    the results page, the funder report's breakdowns) goes through this and `participants`.
    """
    from django.db.models import Count, Q

    from .models import Registration

    groups, marked = {}, set()
    rows = (
        Registration.objects.filter(roster__translation_key__in=list(keys))
        .order_by()
        .values("roster__translation_key", "language", "sector")
        .annotate(
            n_confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
            n_attended=Count("pk", filter=Q(attended=True)),
            n_marked=Count("pk", filter=Q(attended__isnull=False)),
        )
    )
    for row in rows:
        key = row["roster__translation_key"]
        groups.setdefault(key, {})[(row["language"], row["sector"])] = (row["n_confirmed"], row["n_attended"])
        if row["n_marked"]:
            marked.add(key)
    return groups, marked


def participants(confirmed, attended, attendance_marked):
    """The participants of an event (or a part of them): those marked present once attendance
    has been recorded for the event, otherwise its confirmed registrations."""
    return attended if attendance_marked else confirmed


def event_figures(now=None):
    """EventFigures for every live event, counted once across its translations (two queries)."""
    from django.utils import timezone

    from caching.content_version import depends_on

    from .models import EventPage

    depends_on("registrations")
    now = now or timezone.now()
    events = {}
    for key, kind, end, is_example in (
        EventPage.objects.live().order_by("locale_id").values_list("translation_key", "kind", "end", "is_example")
    ):
        events.setdefault(key, (kind, end, is_example))
    groups, marked = participant_counts(events)
    figures = []
    for key, (kind, end, is_example) in events.items():
        counts = groups.get(key, {}).values()
        figures.append(
            EventFigures(
                kind=kind,
                held=end < now,
                confirmed=sum(confirmed for confirmed, _attended in counts),
                attended=sum(attended for _confirmed, attended in counts),
                attendance_marked=key in marked,
                is_example=is_example,
            )
        )
    return figures


def current_progress(now=None):
    """Progress towards the targets: events that are not examples only."""
    return progress(event_figures(now))


def example_progress(now=None, figures=None):
    """The same figures for the example events alone, to be shown apart."""
    return progress(event_figures(now) if figures is None else figures, examples=True)
