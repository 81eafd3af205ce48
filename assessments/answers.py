"""A person's answers, their profile, their goal and the gaps: worked out, never stored.

The answers travel as a short code of digits, one per statement in order (0 for
a statement skipped), e.g. ``3142`` for four statements: the form carries it from
screen to screen and the result's address holds it, so a person keeps their
result by keeping the link. Goals (`t-<item code>=<level>` or `goal=<n>` for a
coach's goal profile) and the competences chosen for the plan (`c=<item code>`)
travel the same way. Item codes are the same in every language.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from core.filters import positive_integer
from core.translated import in_locale

MAX_STEPS = 3
MAX_STEP_LENGTH = 200


@dataclass
class Statement:
    number: int  # 1-based
    text: str
    hint: str
    ask_example: bool
    item: object  # FrameworkItem in the page's language


@dataclass
class Row:
    item: object
    ratings: list = field(default_factory=list)
    target: int = 0

    @property
    def code(self):
        return self.item.code

    @property
    def answered(self):
        return bool(self.ratings)

    @property
    def score(self):
        return round(sum(self.ratings) / len(self.ratings), 1) if self.ratings else 0

    @property
    def level(self):
        """The nearest answer on the scale (1-based), 0 when nothing was answered."""
        return int(self.score + 0.5) if self.ratings else 0

    @property
    def gap(self):
        return max(0, round(self.target - self.score, 1)) if self.ratings else 0


def statements(page):
    """The page's statements, with their competences in the page's language (one query)."""
    blocks = [block.value for block in page.statements if block.value.get("competence") is not None]
    items = in_locale([value["competence"] for value in blocks], page.locale, select_related=["framework"])
    return [
        Statement(
            number=number,
            text=value["statement"],
            hint=value.get("hint") or "",
            ask_example=bool(value.get("ask_example")),
            item=item,
        )
        for number, (value, item) in enumerate(zip(blocks, items, strict=True), start=1)
    ]


def parse_code(value, count, scale_size):
    """The ratings in a code (None for a skipped statement), or None when the code is not valid."""
    value = value if isinstance(value, str) else ""
    if not re.fullmatch(r"[0-9]+", value, flags=re.ASCII) or len(value) != count:
        return None
    ratings = [int(digit) for digit in value]
    if any(rating > scale_size for rating in ratings):
        return None
    return [rating or None for rating in ratings]


def empty_ratings(count):
    return [None] * count


def make_code(ratings):
    return "".join(str(rating or 0) for rating in ratings)


def profile(statements_, ratings, scale_size):
    """One row per competence, in the order the statements first name them."""
    rows = {}
    for statement, rating in zip(statements_, ratings, strict=True):
        row = rows.setdefault(statement.item.translation_key, Row(item=statement.item, target=scale_size))
        if rating:
            row.ratings.append(rating)
    return list(rows.values())


def goal_profiles(page):
    """[(name, description, {item translation key: level})] of the page's goal profiles."""
    result = []
    for block in page.goal_profiles:
        value = block.value
        levels = {
            target["competence"].translation_key: target["level"]
            for target in value["targets"]
            if target.get("competence") is not None and target.get("level")
        }
        result.append((value["name"], value.get("description") or "", levels))
    return result


def apply_goal(page, rows, query, scale_size):
    """Set each row's target from the query: a goal profile (`goal`), then the person's own levels
    (`t-<code>`). Returns the chosen goal profile's index, or None."""
    profiles = goal_profiles(page)
    chosen = positive_integer(query.get("goal"), maximum=len(profiles))
    if chosen:
        levels = profiles[chosen - 1][2]
        for row in rows:
            if row.item.translation_key in levels:
                row.target = min(scale_size, levels[row.item.translation_key])
    for row in rows:
        own = positive_integer(query.get(f"t-{row.code}"), maximum=scale_size)
        if own:
            row.target = own
    return chosen or None


def chosen_rows(rows, query):
    """The competences the person chose to work on (`c=<code>`), else those with the biggest gap."""
    codes = set(query.getlist("c")) if hasattr(query, "getlist") else set()
    picked = [row for row in rows if row.code in codes and row.answered]
    if picked or codes:
        return picked
    biggest = max((row.gap for row in rows), default=0)
    return [row for row in rows if biggest > 0 and row.gap == biggest]


def strengths(rows, scale_size):
    """The competences the person rated highest (at the two highest answers, else their best)."""
    answered = [row for row in rows if row.answered]
    if not answered:
        return []
    high = [row for row in answered if row.level >= scale_size - 1]
    if high:
        return sorted(high, key=lambda row: -row.score)
    best = max(row.score for row in answered)
    return [row for row in answered if row.score == best]


def own_steps(query):
    """The person's own next steps: up to three (text, date or None)."""
    steps = []
    for number in range(1, MAX_STEPS + 1):
        text = (query.get(f"step{number}") or "").strip()[:MAX_STEP_LENGTH]
        when = None
        raw = (query.get(f"date{number}") or "").strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw, flags=re.ASCII):
            try:
                when = date.fromisoformat(raw)
            except ValueError:
                when = None
        steps.append({"number": number, "text": text, "date": when, "raw_date": when.isoformat() if when else ""})
    return steps
