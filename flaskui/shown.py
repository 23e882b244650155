"""What the browser writes into the page for a value the server sent, for the simulated user.

Values cross the websocket as JSON and Vue writes them as text the way JavaScript's ``String``
does; ``Element._user_content`` (what ``user.find`` and ``should_see`` read) goes through here so
a test sees what a person sees::

    shown_text(True)      # -> "true"
    shown_text(3.0)       # -> "3"
    shown_text(1e21)      # -> "1e+21"
    shown_text(None)      # -> ""   (also NaN and infinity, which JSON sends as null)
"""
from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import Any

from .outbox import dumps


def received(value: Any) -> Any:
    """``value`` as the browser gets it over JSON: NaN and infinity as null, datetimes and such as
    the text JSON sends; text, numbers and booleans as they are."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    return json.loads(dumps(value))


def shown_text(value: Any) -> str:
    """``value`` as text in the page: JSON's view of it (``received``), written as JavaScript
    writes it (a list's items one after another, as Vue renders an array of children)."""
    value = received(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number_text(value)
    if isinstance(value, list):
        return "".join(shown_text(item) for item in value)
    return value if isinstance(value, str) else ""


def _number_text(number: int | float) -> str:
    """JavaScript's ``Number.prototype.toString()``: the shortest digits that read back as the
    same number, in plain notation from 1e-7 up to 1e21, in exponent notation beyond."""
    try:
        number = float(number)   # the browser reads every JSON number as a double
    except OverflowError:
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    sign, digit_tuple, exponent = Decimal(repr(number)).as_tuple()
    digits = "".join(map(str, digit_tuple)).rstrip("0") or "0"
    point = len(digit_tuple) + int(exponent)   # where the decimal point goes, counted from the left
    minus = "-" if sign else ""
    if len(digits) <= point <= 21:
        return minus + digits + "0" * (point - len(digits))
    if 0 < point <= 21:
        return f"{minus}{digits[:point]}.{digits[point:]}"
    if -6 < point <= 0:
        return f"{minus}0.{'0' * -point}{digits}"
    mantissa = digits[0] + (f".{digits[1:]}" if len(digits) > 1 else "")
    return f"{minus}{mantissa}e{'+' if point - 1 >= 0 else '-'}{abs(point - 1)}"
