"""Exceptions shared across flaskui's modules, and the websocket close codes flaskui uses."""
from __future__ import annotations

from enum import IntEnum


class CloseCode(IntEnum):
    """The websocket close codes (RFC 6455, section 7.4.1) flaskui sends, whatever the transport."""

    NORMAL = 1000            # the client was deleted, or a newer connection of the tab took over
    GOING_AWAY = 1001        # the worker stops: the tab reconnects elsewhere at once
    POLICY_VIOLATION = 1008  # a message that makes the connection untrustworthy (connection.py)
    MESSAGE_TOO_BIG = 1009   # over FLASKUI_MAX_MESSAGE_SIZE
    INTERNAL_ERROR = 1011    # the websocket route failed


class TransportClosed(Exception):
    """The peer went away (raised by a transport's ``receive``/``send``)."""


class HandshakeError(ValueError):
    """The request is not a websocket upgrade this server can accept."""


class Refused(Exception):
    """A browser message that is refused; ``str(error)`` is the reason sent back and logged."""


class PageAbandoned(BaseException):
    """Ends a page function that waits for a browser which never connects (a crawler, ``curl``):
    its client is pruned, and the function stops quietly. A ``BaseException``, like
    ``GreenletExit``, so that ``except Exception`` in user code does not keep it waiting."""
