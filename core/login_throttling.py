"""The page shown when django-axes locks out an admin login.

Axes counts failed logins per username and address (settings AXES_FAILURE_LIMIT,
AXES_COOLOFF_TIME); once the limit is reached every further attempt answers with
this page, status 429, until the cool-off has passed.
"""

from axes.helpers import get_cool_off, get_failure_limit
from django.shortcuts import render

LOCKOUT_TEMPLATE = "core/lockout.html"


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the lockout page, saying how long to wait."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    context = {"failure_limit": get_failure_limit(request, credentials), "cooloff_minutes": minutes}
    return render(request, LOCKOUT_TEMPLATE, context, status=429)
