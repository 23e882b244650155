"""The request a tab's handlers run in, and session writes carried back to its browser.

A page's request ends when its HTML is sent, but its event handlers, timers and hooks run long
after, for as long as the tab lives. Each of them runs in a request context of its own, built from
a snapshot of WSGI environ that stands for the tab: the page's method, path and query (so
``request.url``, ``request.args``, ``request.view_args`` and ``url_for`` are the page's, under its
``SCRIPT_NAME``, url_prefix and proxy headers) with the headers, cookies and remote address of the
tab's latest websocket upgrade (so ``session``, Flask-Login's ``current_user`` and any extension that
reads the request see the browser as it is now)::

    tab = TabRequest(request.environ)         # at the page GET
    tab.reconnected(upgrade_environ)          # at every websocket handshake
    context = tab.context(app)                # around a handler: a request context of its own
    with context:
        session["theme"] = "dark"
    context.change                            # SessionChange({"theme": "dark"}, [], None)

A websocket cannot set a cookie, so what a handler changed in the session is carried to the
browser: the tab is told to ``POST`` a one-time URL, whose request applies the change to the
session as the browser has it then (so a tab holding an old copy never undoes a sign-out made
elsewhere) and sets the cookie with the app's own session interface (``session_view``). Later
handlers of the tab read the change at once.
"""
from __future__ import annotations

import copy
import io
import secrets
import sys
from collections import deque
from collections.abc import MutableMapping
from typing import Any, Iterator, NamedTuple

from flask import Flask, Request, abort, session
from flask.ctx import RequestContext
from flask.sessions import SessionMixin
from werkzeug.wrappers import Response

from .session import BROWSER_KEY, same_browser

# Taken from the page's request on every reconnect: what the tab's URL is.
_PAGE_KEYS = ("REQUEST_METHOD", "PATH_INFO", "QUERY_STRING", "RAW_URI", "REQUEST_URI")
# Headers of the upgrade itself and of a request body, which a handler's request has not.
_DROPPED = frozenset({
    "HTTP_UPGRADE", "HTTP_CONNECTION", "HTTP_SEC_WEBSOCKET_KEY", "HTTP_SEC_WEBSOCKET_VERSION",
    "HTTP_SEC_WEBSOCKET_EXTENSIONS", "HTTP_SEC_WEBSOCKET_PROTOCOL", "CONTENT_TYPE", "CONTENT_LENGTH",
    "HTTP_CONTENT_LENGTH", "HTTP_CONTENT_TYPE", "HTTP_TRANSFER_ENCODING",
})
# Session writes a tab keeps for its browser to adopt, and adopted tokens remembered (answered 204).
_MAX_WRITES = 16
_UNSET = object()


def _snapshot(environ: dict[str, Any]) -> dict[str, Any]:
    """The plain values of ``environ``: no sockets, streams or objects of the server's."""
    return {key: value for key, value in environ.items()
            if key not in _DROPPED and isinstance(value, (str, bool, int, tuple))}


def _cookie_pair(set_cookie: str) -> tuple[str, str | None]:
    """The name and raw value a ``Set-Cookie`` header sets (None: it deletes the cookie)."""
    pair, _, attributes = set_cookie.partition(";")
    name, _, value = pair.strip().partition("=")
    deleted = "max-age=0" in attributes.lower().replace(" ", "")
    return name, None if deleted else value


def _with_cookie(header: str, name: str, value: str | None) -> str:
    """A ``Cookie`` request header with ``name`` set to the raw ``value`` (or removed)."""
    pairs = [pair.strip() for pair in header.split(";") if pair.strip()]
    pairs = [pair for pair in pairs if pair.partition("=")[0].strip() != name]
    if value is not None:
        pairs.append(f"{name}={value}")
    return "; ".join(pairs)


class _LazySession(MutableMapping[str, Any]):
    """The tab's session, opened by the app's session interface only when a handler uses it.

    Opening a signed cookie session (checking its signature, decoding it) was half of what running
    a handler in the tab's request cost, and most clicks never read the session. Anything not
    defined here (a server-side session's ``sid``...) is the opened session's.
    """

    def __init__(self, app: Flask, request: Request) -> None:
        self._app = app
        self._request = request
        self.opened: SessionMixin | None = None
        self.before: dict[str, Any] = {}   # a copy of the session as it was opened, for ``change``
        self.accessed = False   # set by Flask whenever ``flask.session`` is looked up

    def _session(self) -> SessionMixin:
        if self.opened is None:
            interface = self._app.session_interface
            opened = interface.open_session(self._app, self._request)   # an empty session is falsy
            self.opened = interface.make_null_session(self._app) if opened is None else opened
            self.before = copy.deepcopy(dict(self.opened))
        return self.opened

    def change(self) -> SessionChange:
        """What the handler changed: the keys set to a new value, the keys deleted. flaskui's own
        browser id is never deleted: every tab of the browser is bound to it."""
        now = dict(self._session())
        if BROWSER_KEY in self.before and BROWSER_KEY not in now:   # session.clear(), logout
            self._session()[BROWSER_KEY] = now[BROWSER_KEY] = self.before[BROWSER_KEY]
        return SessionChange({key: value for key, value in now.items() if self.before.get(key, _UNSET) != value},
                             [key for key in self.before if key not in now],
                             getattr(self.opened, "permanent", None))

    def __getitem__(self, key: str) -> Any:
        return self._session()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._session()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._session()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._session())

    def __len__(self) -> int:
        return len(self._session())

    def __contains__(self, key: object) -> bool:
        return key in self._session()

    def __getattr__(self, name: str) -> Any:   # permanent, modified, new, sid...
        return getattr(self._session(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("_app", "_request", "opened", "before", "accessed"):
            object.__setattr__(self, name, value)
        else:
            setattr(self._session(), name, value)

    def __repr__(self) -> str:
        return f"<session of the tab {'not opened' if self.opened is None else self.opened!r}>"


class SessionChange(NamedTuple):
    """What one handler changed in the session; the browser applies it to its session as it is
    then (another tab or a request may have changed other keys meanwhile, or signed out)."""

    set: dict[str, Any]
    deleted: list[str]
    permanent: bool | None

    def apply(self, session: SessionMixin) -> None:
        session.update(self.set)
        for key in self.deleted:
            session.pop(key, None)
        if self.permanent is not None:
            session.permanent = self.permanent
        session.modified = True


class _TabContext:
    """A request context for the tab, in an app context of its own (a page function that goes
    on after its request still sees that request's app context, whose teardown already ran); on
    exit a written session is saved into the tab's cookie and ``change`` says what changed."""

    __slots__ = ("_tab", "_app", "_app_context", "_session", "_context", "change")

    def __init__(self, tab: TabRequest, app: Flask) -> None:
        self._tab = tab
        self._app = app
        self._app_context = app.app_context()
        request = app.request_class(tab.fresh_environ())
        request.json_module = app.json
        self._session = _LazySession(app, request)
        self._context = RequestContext(app, request.environ, request, self._session)  # type: ignore[arg-type]
        self.change: SessionChange | None = None

    def __enter__(self) -> None:
        self._app_context.push()
        self._context.push()
        # No page route matched (a test's client): the error is never raised here, and its
        # tracebacks (its own and its context's) would hold this context in a reference cycle.
        missed: BaseException | None = self._context.request.routing_exception
        while missed is not None:
            missed.__traceback__ = None
            missed = missed.__context__

    def __exit__(self, *exc: Any) -> None:
        try:
            session = self._session.opened   # None: the handler never used the session
            if session is not None and session.modified and not self._app.session_interface.is_null_session(session):
                self.change = self._session.change()
                self._tab.saved(self._app, session)   # the tab's later handlers read it at once
        finally:
            try:
                self._context.pop(exc[1])
            finally:
                self._app_context.pop(exc[1])


class TabRequest:
    """The environ that stands for one tab, and its session writes not yet in the browser."""

    def __init__(self, page_environ: dict[str, Any] | None) -> None:
        if page_environ is None:   # a client made outside a request (tests): a plain GET of /
            from werkzeug.test import EnvironBuilder

            page_environ = EnvironBuilder().get_environ()
        self.environ = _snapshot(page_environ)
        self.environ["REQUEST_METHOD"] = "GET"
        self._request: Request | None = None
        # token -> a change not adopted yet, in the order the handlers made them
        self._writes: dict[str, SessionChange] = {}
        self._adopted: deque[str] = deque(maxlen=_MAX_WRITES)   # tokens adopted along with a later one

    @property
    def script_root(self) -> str:
        """The ``SCRIPT_NAME`` the page was served under, without a trailing slash."""
        return str(self.environ.get("SCRIPT_NAME", "")).rstrip("/")

    @property
    def page_url(self) -> str:
        """The page's path and query, as the log names the page."""
        query = self.environ.get("QUERY_STRING")
        return f"{self.script_root}{self.environ.get('PATH_INFO', '')}{'?' + query if query else ''}"

    def reconnected(self, environ: dict[str, Any]) -> None:
        """Take the headers, cookies and address of a new websocket upgrade request."""
        fresh = _snapshot(environ)
        for key in _PAGE_KEYS:
            if key in self.environ:
                fresh[key] = self.environ[key]
            else:
                fresh.pop(key, None)
        self.environ = fresh
        self._request = None

    def fresh_environ(self) -> dict[str, Any]:
        """A copy of the environ for one request object, with an empty body."""
        environ = dict(self.environ)
        environ["wsgi.input"] = io.BytesIO()
        environ["wsgi.errors"] = sys.stderr
        return environ

    def request(self, app: Flask) -> Request:
        """A ``Request`` for the tab (made once per connection; read it, do not keep it)."""
        if self._request is None:
            self._request = app.request_class(self.fresh_environ())
        return self._request

    def context(self, app: Flask) -> _TabContext:
        """A request context of its own for one handler, timer tick or hook of the tab."""
        return _TabContext(self, app)

    # -- session writes ---------------------------------------------------------------------------
    def saved(self, app: Flask, session: Any) -> None:
        """Save ``session`` as the app's session interface would into a response, into this
        tab's ``Cookie`` header, so the tab's later handlers read what this one wrote."""
        response = app.response_class()
        app.session_interface.save_session(app, session, response)
        name = app.config["SESSION_COOKIE_NAME"]
        for header in response.headers.getlist("Set-Cookie"):
            cookie_name, value = _cookie_pair(header)
            if cookie_name == name:
                self.environ["HTTP_COOKIE"] = _with_cookie(str(self.environ.get("HTTP_COOKIE", "")), name, value)
                self._request = None

    def remember_write(self, change: SessionChange) -> str:
        """Keep ``change`` for the browser to adopt; returns the one-time token of its URL."""
        while len(self._writes) >= _MAX_WRITES:   # a tab that never adopts: keep the newest
            del self._writes[next(iter(self._writes))]
        token = secrets.token_urlsafe(16)
        self._writes[token] = change
        return token

    def take_writes(self, token: str) -> list[SessionChange] | None:
        """The changes up to ``token``'s, in order, forgetting them ([] if ``token`` came along
        with a later one); None for a token this tab never gave out."""
        if token in self._adopted:
            return []
        if token not in self._writes:
            return None
        taken = []
        for pending in list(self._writes):
            taken.append(self._writes.pop(pending))
            if pending == token:
                break
            self._adopted.append(pending)   # its own request may still come
        return taken

    @property
    def unsaved_writes(self) -> bool:
        """Whether a write is still waiting for the browser to adopt it."""
        return bool(self._writes)


def session_view(client_id: str, token: str) -> Response:
    """``POST {prefix}/_flaskui/session/<client_id>/<token>``: the browser adopts what a tab's
    handlers changed in its session, applied to the session as the browser has it now; the app's
    session interface sets the cookie as for any request."""
    from .runtime import Runtime

    client = Runtime.of().clients.get(client_id)
    if client is None:
        abort(404, description="the page is gone")
    if not same_browser(client.browser_id, session.get(BROWSER_KEY)):
        abort(403, description="this page belongs to another browser")
    changes = client.tab.take_writes(token)
    if changes is None:
        abort(404, description="unknown session write")
    for change in changes:
        change.apply(session)
    return Response(status=204)
