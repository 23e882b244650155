"""Exceptions shared across flaskui's modules."""
from __future__ import annotations


class Refused(Exception):
    """A browser message that is refused; ``str(error)`` is the reason sent back and logged."""


class PageAbandoned(BaseException):
    """Ends a page function that waits for a browser which never connects (a crawler, ``curl``):
    its client is pruned, and the function stops quietly. A ``BaseException``, like
    ``GreenletExit``, so that ``except Exception`` in user code does not keep it waiting."""
