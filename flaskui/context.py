"""Which client and which parent element ``ui.*`` calls build into.

Both live in context variables, so every greenlet (page function, event handler, timer) has its
own: two handlers of one client can each build inside their own ``with`` block without mixing.

    with client.ui_context():          # what page views, handlers and timers do
        with ui.row():                 # pushes the row as the parent
            ui.label("inside the row")
"""
from __future__ import annotations

import contextvars
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import Client
    from .element import Element

_client: contextvars.ContextVar[Client | None] = contextvars.ContextVar("flaskui_client", default=None)
_parents: contextvars.ContextVar[tuple[tuple[Element, str], ...]] = contextvars.ContextVar(
    "flaskui_parents", default=()
)
ParentToken = contextvars.Token[tuple[tuple["Element", str], ...]]


def current_client() -> Client:
    """The client of the running page function, event handler or timer.

    Raises RuntimeError outside of one (for example at import time of a module).
    """
    client = _client.get()
    if client is None:
        raise RuntimeError(
            "no flaskui client here: ui.* calls must run inside a page function, "
            "an event handler or a timer"
        )
    return client


def current_parent() -> tuple[Element, str]:
    """The element that new elements are appended to, and the slot of it they go into."""
    parents = _parents.get()
    return parents[-1] if parents else (current_client().content, "default")


class ClientContext:
    """Make ``client`` the UI context, with its page content as the parent.

    A class rather than a generator: every handler and timer tick enters one.
    """

    __slots__ = ("_client", "_tokens")

    def __init__(self, client: Client) -> None:
        self._client = client

    def __enter__(self) -> None:
        self._tokens = (_client.set(self._client), _parents.set(()))

    def __exit__(self, *exc: object) -> None:
        client_token, parents_token = self._tokens
        _parents.reset(parents_token)
        _client.reset(client_token)


class UiContext:
    """Flask's app context of ``client``'s app plus ``client`` as the UI context."""

    __slots__ = ("_app_context", "_client_context")

    def __init__(self, client: Client) -> None:
        self._app_context = client.app.app_context()
        self._client_context = ClientContext(client)

    def __enter__(self) -> None:
        self._app_context.push()
        self._client_context.__enter__()

    def __exit__(self, *exc: Any) -> None:
        self._client_context.__exit__()
        self._app_context.__exit__(*exc)


def enter_parent(element: Element, slot: str = "default") -> ParentToken:
    """Append elements created from now on to ``element`` (into its slot ``slot``) until
    ``exit_parent`` gets the returned token: ``with row:`` of every page calls these two."""
    return _parents.set(_parents.get() + ((element, slot),))


def exit_parent(token: ParentToken) -> None:
    _parents.reset(token)


class ParentContext:
    """Append elements created inside the block to ``element`` (into its slot ``slot``)."""

    __slots__ = ("_entry", "_token")

    def __init__(self, element: Element, slot: str = "default") -> None:
        self._entry = (element, slot)

    def __enter__(self) -> None:
        self._token = enter_parent(*self._entry)

    def __exit__(self, *exc: object) -> None:
        exit_parent(self._token)


class _Context:
    """``ui.context``: read access to the current UI context."""

    @property
    def client(self) -> Client:
        """The current client (one browser tab's page)."""
        return current_client()


context = _Context()
