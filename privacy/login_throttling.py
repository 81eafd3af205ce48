"""Admin login throttling with django-axes: per username and address, and per address.

Two locks, each lasting AXES_COOLOFF_TIME:

- one username from one address, after LOGIN_FAILURE_LIMIT failures (5): a person
  who mistypes is stopped without locking out colleagues behind the same address;
- one address, whatever the usernames tried, after LOGIN_ADDRESS_FAILURE_LIMIT
  failures (20): guessing many usernames from one address is stopped too.

django-axes counts failures for each combination in AXES_LOCKOUT_PARAMETERS and
compares the largest count (the address's, which includes every username's) with
one limit. `failure_limit` (AXES_FAILURE_LIMIT) gives the per-username limit once
this username has reached it from this address, and the per-address limit
otherwise, so the comparison locks exactly when either limit is reached.
`lockout_parameters` (AXES_LOCKOUT_PARAMETERS) leaves the address out when a
login succeeds: django-axes then forgets that username's failures from that
address (AXES_RESET_ON_SUCCESS), but not the address's own count, which a
colleague's (or an attacker's own) successful login must not wipe.
Both are documented django-axes settings; the counts read axes' own AccessAttempt
records (its database handler, the default).

`lockout_response` is the page shown when either lock applies (status 429).
"""

from axes.attempts import get_cool_off_threshold
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render

LOCKOUT_TEMPLATE = "privacy/lockout.html"
USERNAME_AND_ADDRESS = ["username", "ip_address"]


def lockout_parameters(request_or_attempt, credentials=None):
    """AXES_LOCKOUT_PARAMETERS: per username and address, and per address, except when
    recording a successful login (the user is signed in by then)."""
    user = getattr(request_or_attempt, "user", None)
    if user is not None and user.is_authenticated:
        return [USERNAME_AND_ADDRESS]
    return [USERNAME_AND_ADDRESS, "ip_address"]


def username_failures(request, credentials=None):
    """Failed logins of this username from this address within the cool-off."""
    address = getattr(request, "axes_ip_address", None)
    if address is None:
        return 0
    attempts = AccessAttempt.objects.filter(username=get_client_username(request, credentials), ip_address=address)
    if settings.AXES_COOLOFF_TIME is not None and getattr(request, "axes_attempt_time", None) is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def failure_limit(request, credentials=None):
    """AXES_FAILURE_LIMIT: see the module docstring."""
    per_username = settings.LOGIN_FAILURE_LIMIT
    if username_failures(request, credentials) >= per_username:
        return per_username
    return settings.LOGIN_ADDRESS_FAILURE_LIMIT


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the lockout page, saying which lock applies and how long to wait."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "address_locked": username_failures(request, credentials) < settings.LOGIN_FAILURE_LIMIT,
        "cooloff_minutes": minutes,
    }
    return render(request, LOCKOUT_TEMPLATE, context, status=429)
