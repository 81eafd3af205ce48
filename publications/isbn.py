"""ISBN checking: ISBN-13 and ISBN-10 check digits, assigned ranges, and a Django validator.

Editors paste ISBNs as printed ("978-2-1234-5680-3", "ISBN 2 1234 5680 2"),
so hyphens, spaces and an "ISBN" prefix are tolerated; the check digit is not,
and neither is a number outside the ranges the International ISBN Agency has
assigned (python-stdnum carries its range table: no registration group or no
registrant there means nobody can have published under that number).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import ValidationError as StdnumError

_SEPARATORS = re.compile(r"[\s\-‐‑–]")


def compact(value):
    """The ISBN without prefix, spaces or hyphens, upper-cased ("X" check digit)."""
    text = str(value or "").strip()
    if text[:4].upper() == "ISBN":
        text = text[4:].lstrip(":").strip()
    return _SEPARATORS.sub("", text).upper()


def isbn10_check_digit(first_nine):
    total = sum((10 - position) * int(digit) for position, digit in enumerate(first_nine))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def isbn13_check_digit(first_twelve):
    total = sum(int(digit) * (1 if position % 2 == 0 else 3) for position, digit in enumerate(first_twelve))
    return str((10 - total % 10) % 10)


def _digits(text):
    # ASCII only: str.isdigit() also accepts "²" and other scripts' digits.
    return text.isascii() and text.isdigit()


def _check_digit_ok(number):
    if len(number) == 13 and _digits(number):
        return number[:3] in {"978", "979"} and isbn13_check_digit(number[:12]) == number[12]
    if len(number) == 10 and _digits(number[:9]) and (_digits(number[9]) or number[9] == "X"):
        return isbn10_check_digit(number[:9]) == number[9]
    return False


def in_assigned_range(value):
    """Whether the ISBN falls in a registration group and registrant range that are assigned."""
    try:
        _prefix, group, registrant, _item, _check = stdnum_isbn.split(stdnum_isbn.validate(compact(value)))
    except StdnumError:
        return False
    return bool(group and registrant)


def is_valid(value):
    number = compact(value)
    return _check_digit_ok(number) and in_assigned_range(number)


def to_isbn13(value):
    """The ISBN-13 form of a valid ISBN (an ISBN-10 gains the 978 prefix)."""
    number = compact(value)
    if len(number) == 10:
        body = "978" + number[:9]
        return body + isbn13_check_digit(body)
    return number


def validate_isbn(value):
    if not value:
        return
    if not is_valid(value):
        raise ValidationError(
            _("“%(value)s” is not a valid ISBN: check the number of digits and the last (check) digit."),
            code="invalid_isbn",
            params={"value": value},
        )
