"""Exceptions shared across flaskui's modules."""
from __future__ import annotations


class Refused(Exception):
    """A browser message that is refused; ``str(error)`` is the reason sent back and logged."""
