"""Which client and which parent element ``ui.*`` calls build into.

Both live in context variables, so every greenlet (page function, event handler, timer) has its
own: two handlers of one client can each build inside their own ``with`` block without mixing.

    with client.ui_context():          # what handlers and timers do
        with ui.row():                 # pushes the row as the parent
            ui.label("inside the row")
"""
from __future__ import annotations

import contextvars

import greenlet
from typing import TYPE_CHECKING, Any

from werkzeug.exceptions import HTTPException

if TYPE_CHECKING:
    from werkzeug.wrappers import Response

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


class TabRequestContext:
    """A request context of its own for ``client``'s tab (``flaskui.tab_request``); a session
    written inside is carried to the browser when it ends."""

    __slots__ = ("_client", "_request_context")

    def __init__(self, client: Client) -> None:
        self._client = client
        self._request_context = client.tab.context(client.app)

    def __enter__(self) -> None:
        self._request_context.__enter__()

    def preprocess(self) -> Response | None:
        """Run the app's ``url_value_preprocessors`` and ``before_request`` functions for the
        page's URL, as for a request; the response one of them answered with, if any."""
        app = self._client.app
        try:
            answer = app.preprocess_request()
        except HTTPException as error:
            return error.get_response()
        return None if answer is None else app.make_response(answer)

    def __exit__(self, *exc: Any) -> None:
        self._request_context.__exit__(*exc)
        if self._request_context.change is not None:
            self._client.carry_session_write(self._request_context.change)


class UiContext:
    """The tab's request context plus ``client`` as the UI context: where handlers, timers and
    hooks run."""

    __slots__ = ("_request_context", "_client_context")

    def __init__(self, client: Client) -> None:
        self._request_context = TabRequestContext(client)
        self._client_context = ClientContext(client)

    def __enter__(self) -> UiContext:
        self._request_context.__enter__()
        self._client_context.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._client_context.__exit__()
        self._request_context.__exit__(*exc)

    def preprocess(self) -> Response | None:
        """See ``TabRequestContext.preprocess``."""
        return self._request_context.preprocess()


class AppUiContext:
    """Flask's app context plus ``client`` as the UI context, for flaskui's own quick work (a value
    the browser changed is applied in the socket's reader), which reads no request."""

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


class PageBuild:
    """Marks the greenlet that runs ``client``'s page function. The function runs in the page
    request's own contexts; once it waits for the browser (``client.connected()``) the HTML is
    out and that request over, so the rest runs in a request context of the tab's."""

    __slots__ = ("client", "greenlet", "_tab_context", "_token")

    def __init__(self, client: Client) -> None:
        self.client = client
        self.greenlet = greenlet.getcurrent()   # not a task it starts, which copies its context
        self._tab_context: TabRequestContext | None = None

    def __enter__(self) -> None:
        self._token = _page_build.set(self)

    def __exit__(self, *exc: Any) -> None:
        _page_build.reset(self._token)
        if self._tab_context is not None:
            self._tab_context.__exit__(*exc)


_page_build: contextvars.ContextVar[PageBuild | None] = contextvars.ContextVar("flaskui_page_build", default=None)


def page_is_built_by(client: Client) -> bool:
    """Whether this greenlet runs ``client``'s page function."""
    build = _page_build.get()
    return build is not None and build.client is client and build.greenlet is greenlet.getcurrent()


def page_request_ended(client: Client) -> None:
    """``client``'s page request is over (its HTML went out and its browser connected): if this
    greenlet builds that page, go on in a request context of the tab's."""
    build = _page_build.get()
    if page_is_built_by(client) and build is not None and build._tab_context is None:
        build._tab_context = TabRequestContext(client)
        build._tab_context.__enter__()


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
