"""The questionnaire's screens: the start, one statement per screen, the result and the plan.

Nothing here writes to the database or the cache: every response is marked
private and not to be stored, so the page cache never keeps a person's answers.
"""

from django.http import HttpResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.filters import positive_integer

from . import answers
from .suggestions import suggestions_for

EXAMPLE_LENGTH = 500


def _private(response):
    add_never_cache_headers(response)
    return response


def _base_context(page, request):
    """What every screen adds to the page's own context (Page.render adds that)."""
    return {"scale": page.scale}


def intro(page, request):
    context = _base_context(page, request)
    context["statement_count"] = len(page.statements)
    context["answer_url"] = page.route_url(request, "answer")
    return page.render(request, context_overrides=context)


def _examples(request, count):
    data = request.POST
    return {number: (data.get(f"x{number}") or "")[:EXAMPLE_LENGTH] for number in range(1, count + 1)}


def answer(page, request):
    """One statement per screen. GET starts (or resumes from `a` and `n`); POST answers and moves on."""
    items = answers.statements(page)
    count, scale_size = len(items), len(page.scale)
    data = request.POST if request.method == "POST" else request.GET
    ratings = answers.parse_code(data.get("a"), count, scale_size) or answers.empty_ratings(count)
    current = positive_integer(data.get("n"), maximum=count) or 1
    examples = _examples(request, count) if request.method == "POST" else {}
    error = ""
    if request.method == "POST":
        move = data.get("go", "next")
        rating = positive_integer(data.get("r"), maximum=scale_size)
        if rating:
            ratings[current - 1] = rating
        if move == "back":
            current = max(1, current - 1)
        elif move == "skip" or rating:
            if move == "skip":
                ratings[current - 1] = None
            if current == count:
                return result(page, request, ratings=ratings, examples=examples)
            current += 1
        else:
            error = _("Choose one answer, or skip this question.")
    statement = items[current - 1]
    context = _base_context(page, request)
    context.update(
        {
            "statement": statement,
            "count": count,
            "code": answers.make_code(ratings),
            "current_rating": ratings[current - 1],
            "examples": examples,
            "example": examples.get(current, ""),
            "other_examples": [(number, text) for number, text in examples.items() if number != current and text],
            "percent": round(100 * (current - 1) / count),
            "answered_count": sum(1 for rating in ratings if rating),
            "error": error,
            "choices": list(enumerate(page.scale, start=1)),
            "answer_url": page.route_url(request, "answer"),
        }
    )
    response = page.render(request, template="assessments/answer.html", context_overrides=context)
    return _private(response)


def _result_context(page, request, ratings, query):
    items = answers.statements(page)
    scale_size = len(page.scale)
    rows = answers.profile(items, ratings, scale_size)
    goal = answers.apply_goal(page, rows, query, scale_size)
    code = answers.make_code(ratings)
    return {
        "rows": rows,
        "scale": page.scale,
        "scale_size": scale_size,
        "code": code,
        "goal": goal,
        "goal_profiles": [
            (index, name, text) for index, (name, text, _levels) in enumerate(answers.goal_profiles(page), 1)
        ],
        "strengths": answers.strengths(rows, scale_size),
        "chosen": answers.chosen_rows(rows, query),
        "answered_count": sum(1 for rating in ratings if rating),
        "chart": chart(rows, scale_size),
    }


def chart(rows, scale_size):
    """Geometry of the profile's bar chart (SVG drawn in the template)."""
    label_width, bar_width, row_height = 0, 300, 36
    bars = []
    for position, row in enumerate(rows):
        bars.append(
            {
                "row": row,
                "y": 10 + position * row_height,
                "width": round(bar_width * row.score / scale_size, 1),
                "target_x": round(bar_width * row.target / scale_size, 1),
            }
        )
    return {
        "bars": bars,
        "bar_width": bar_width,
        "label_width": label_width,
        "height": 20 + len(rows) * row_height,
        "ticks": [
            {"x": round(bar_width * level / scale_size, 1), "level": level} for level in range(1, scale_size + 1)
        ],
    }


def result(page, request, ratings=None, examples=None):
    """The profile, strengths, goal and gaps. From the last answer (POST) or from the link (`a`)."""
    items = answers.statements(page)
    if ratings is None:
        ratings = answers.parse_code(request.GET.get("a"), len(items), len(page.scale))
        if ratings is None:
            return _private(HttpResponseRedirect(page.get_url(request)))
    query = request.GET if request.method == "GET" else request.POST.copy()
    context = _base_context(page, request) | _result_context(page, request, ratings, query)
    context["examples"] = [
        (statement, examples[statement.number]) for statement in items if examples and examples.get(statement.number)
    ]
    context["result_url"] = page.route_url(request, "result") + "?" + urlencode({"a": context["code"]})
    context["result_action"] = page.route_url(request, "result")
    context["plan_action"] = page.route_url(request, "plan")
    context["targets_chosen"] = {row.code: row.target for row in context["rows"]}
    response = page.render(request, template="assessments/result.html", context_overrides=context)
    return _private(response)


def _plan_context(page, request):
    items = answers.statements(page)
    ratings = answers.parse_code(request.GET.get("a"), len(items), len(page.scale))
    if ratings is None:
        return None
    context = _result_context(page, request, ratings, request.GET)
    context["plan"] = [(row, suggestions_for(row.item, page.locale)) for row in context["chosen"]]
    context["steps"] = answers.own_steps(request.GET)
    context["has_steps"] = any(step["text"] for step in context["steps"])
    return context


def plan(page, request):
    context = _plan_context(page, request)
    if context is None:
        return _private(HttpResponseRedirect(page.get_url(request)))
    full = _base_context(page, request) | context
    query = request.GET.urlencode()
    full["pdf_url"] = page.route_url(request, "plan_pdf") + "?" + query
    full["back_url"] = page.route_url(request, "result") + "?" + query
    full["result_url"] = page.route_url(request, "result") + "?" + urlencode({"a": context["code"]})
    response = page.render(request, template="assessments/plan.html", context_overrides=full)
    return _private(response)


def plan_pdf(page, request):
    from .pdf import render_plan

    context = _plan_context(page, request)
    if context is None:
        return _private(HttpResponseRedirect(page.get_url(request)))
    response = HttpResponse(render_plan(page, request, context), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-plan.pdf"'
    return _private(response)
