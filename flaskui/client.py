"""One browser tab's page: its element tree, connection state and lifecycle.

A page GET creates a client and runs the page function in it; the browser's websocket handshake
binds to it by id. A client whose browser never connects is pruned after ``prune_timeout``; one
that disconnects is kept ``reconnect_timeout`` seconds, then deleted::

    client = ui.context.client
    client.on_disconnect(lambda: print("tab went away"))
    client.connected()                                   # wait for the browser
    agent = client.run_javascript("navigator.userAgent").result()
"""
from __future__ import annotations

import logging
import secrets
from typing import TYPE_CHECKING, Any, Callable

import gevent
import gevent.event
from greenlet import GreenletExit
from flask import Flask, Request, has_request_context, request
from werkzeug.wrappers import Response

from .aio import DONE, Done, result_of
from .auth.identity import ClientAuth
from .context import AppUiContext, UiContext, page_is_built_by, page_request_ended
from .element import Element
from .errors import CloseCode, PageAbandoned, Refused
from .events import EventArguments, EventDispatcher, Listener
from .javascript import JavaScriptRequest, JavaScriptRequests
from .outbox import Outbox, Transport
from .tab_request import SessionChange, TabRequest
from .urls import client_url

if TYPE_CHECKING:
    from .components import ComponentModule
    from .runtime import Runtime

log = logging.getLogger("flaskui")


class Client:
    """One browser tab's page instance.

    Attributes:
        id: unguessable id that the page's handshake presents.
        elements: every live element of the page by id.
        title: the page title.
    """

    def __init__(self, runtime: Runtime, *, title: str = "flaskui", browser_id: str | None = None) -> None:
        settings = runtime.settings
        self.runtime = runtime
        self.id = secrets.token_urlsafe(18)
        self.title = title
        self.browser_id = browser_id
        self.auth = ClientAuth()   # the signed-in user the page is for; set by the page view
        # the request the tab's handlers, timers and hooks run in (the page's URL, the tab's cookies)
        self.tab = TabRequest(request.environ if has_request_context() else None)
        self.tab_id: str | None = None
        self.elements: dict[int, Element] = {}
        self.deleted = False
        self.has_connected = False
        self.outbox = Outbox(self, settings.history_max_frames, settings.history_max_age,
                             settings.frames_in_flight, settings.ack_timeout)
        self.javascript = JavaScriptRequests(self)
        self.events = EventDispatcher(self, settings.max_running_handlers, settings.max_pending_events)
        self._element_count = 0
        self._listener_count = 0
        self._connected = gevent.event.Event()
        self._page_released = gevent.event.Event()
        self._deletion: gevent.Greenlet | None = None
        self._prune_timer: Any = None
        self._connect_handlers: list[Callable[..., Any]] = []
        self._disconnect_handlers: list[Callable[..., Any]] = []
        self._delete_handlers: list[Callable[..., Any]] = []
        self.head_html: list[str] = []
        self.dark: bool | None = False
        self.components: dict[str, ComponentModule] = {}
        layout = Element("q-layout", _root_of=self)
        layout.props["view"] = "hHh lpr fFf"
        with layout:
            with Element("q-page-container"):
                with Element("q-page"):
                    content = Element("div").classes("flaskui-content")
        # Held by id, not by reference: a deleted client drops its elements and is then freed by
        # reference counting (an element refers to its client).
        self._layout_id = layout.id
        self._content_id = content.id

    @property
    def layout(self) -> Element:
        """The page's Quasar layout (``q-layout``), the root of its element tree.

        Raises:
            RuntimeError: the client is deleted (its elements are gone).
        """
        return self._root(self._layout_id)

    @property
    def content(self) -> Element:
        """The page's main column; ``ui.*`` calls in the page function build into it.

        Raises:
            RuntimeError: the client is deleted (its elements are gone).
        """
        return self._root(self._content_id)

    def _root(self, element_id: int) -> Element:
        element = self.elements.get(element_id)
        if element is None:
            raise RuntimeError(f"{self!r} is deleted: its page is gone")
        return element

    # -- elements ---------------------------------------------------------------------------------
    def _register(self, element: Element) -> int:
        element_id = self._element_count
        self._element_count += 1
        self.elements[element_id] = element
        if self.outbox.recording:   # a page being built has nothing to record (many elements)
            self.outbox.element_created(element_id)
        return element_id

    def _use_component(self, component: ComponentModule) -> None:
        """Make sure the tab loads ``component`` (and what it requires first) before it renders an
        element that uses it."""
        if component.name not in self.components:
            for required in component.requires:
                self._use_component(required)
            self.components[component.name] = component
            if self.outbox.recording:
                self.outbox.enqueue_message(["c", {component.name: component.url(self)}])

    def component_urls(self) -> dict[str, str]:
        """The URLs of the component modules this tab loads, by name (in the page and snapshots)."""
        return {name: component.url(self) for name, component in self.components.items()}

    def _take_over(self, old: Element, new: Element) -> None:
        """Give ``new`` the id of ``old``, which it replaces in the page (see ``ui.refreshable``)."""
        del self.elements[new.id]
        new.id = old.id
        self.elements[new.id] = new
        self.outbox.replaced(old, new)
        old.deleted = True
        old._release()

    def _unregister(self, element: Element) -> None:
        self.elements.pop(element.id, None)

    def _next_listener_id(self) -> str:
        self._listener_count += 1
        return str(self._listener_count)

    # -- context ----------------------------------------------------------------------------------
    @property
    def app(self) -> Flask:
        return self.runtime.app

    @property
    def script_root(self) -> str:
        """The ``SCRIPT_NAME`` the page was served under, to build this tab's URLs anywhere."""
        return self.tab.script_root

    @property
    def request(self) -> Request:
        """The page's request as the tab stands now: the page's URL and args with the headers,
        cookies and remote address of the tab's latest connection (read it, do not keep it: a
        reconnect brings a new one). Handlers have it as ``flask.request``, matched to the page's
        rule there (``request.view_args``, ``request.endpoint``)."""
        return self.tab.request(self.app)

    def ui_context(self) -> UiContext:
        """A request context of the tab's (``flaskui.tab_request``) plus this client as the UI
        context: what handlers, timers and hooks of this client run in."""
        return UiContext(self)

    def carry_session_write(self, change: SessionChange) -> None:
        """A handler changed the session: have the browser adopt it (``tab_request.session_view``)."""
        token = self.tab.remember_write(change)
        self.outbox.enqueue_message(["session", client_url(self, "session", client_id=self.id, token=token)])

    def run_safely(self, function: Callable[..., Any], *args: Any, source: object = None,
                   before_request: bool = False) -> None:
        """Run ``function`` in this client's context: a request context of the tab's, after the
        app's ``before_request`` functions if ``before_request`` (an event handler, as a person's
        action is a request; not timer ticks and hooks, which may come many times a second).
        Its exceptions, ``SystemExit`` too, go to the app's exception hooks (``source``: the
        element whose handler it is, for the log): a handler never ends the worker."""
        try:
            with self.ui_context() as context:
                answer = context.preprocess() if before_request else None
                if answer is None:
                    result_of(function(*args))
                else:
                    self._answered_before_handler(answer)
        except (GreenletExit, PageAbandoned):
            raise
        except BaseException as error:   # the function's, or its request's teardown's
            with AppUiContext(self):   # the hooks may build UI (ui.notify) and read current_app
                self.runtime.handle_exception(error, self, source)
        finally:
            # after the request context ended, so a session write it carries goes out in the
            # same frame as what the function did (a navigation waits for it in the tab)
            self.outbox.flush()

    def show_error(self, error: BaseException) -> None:
        """Tell the tab that something failed: the exception in debug mode, else a generic message."""
        message = (f"{type(error).__name__}: {error}" if self.app.debug
                   else "Sorry, something went wrong on the server.")
        self.outbox.enqueue_message(["n", {"message": message, "type": "negative", "position": "bottom",
                                           "timeout": 8000, "multiLine": self.app.debug}])

    def _answered_before_handler(self, response: Response) -> None:
        """A ``before_request`` function answered instead of the handler: follow a redirect."""
        if 300 <= response.status_code < 400 and response.location:
            self.open(response.location)
        else:
            log.warning("%r: a before_request function answered %s, so the handler did not run",
                        self, response.status)

    # -- browser-facing API ---------------------------------------------------------------------------
    @property
    def is_connected(self) -> bool:
        """Whether a socket is attached right now."""
        return self.outbox.transport is not None

    def connected(self, timeout: float | None = None) -> Done:
        """Wait until the browser has connected (at once if it has); ``await`` it in a coroutine.

        In a page function this sends the page's HTML first; what the function builds afterwards
        reaches the browser as updates. There, with no ``timeout``, a browser that never connects
        (a crawler) ends the page function quietly when the client is pruned (``PageAbandoned``,
        after ``FLASKUI_PRUNE_TIMEOUT``).

        Raises:
            TimeoutError: no connection within ``timeout`` (default ``FLASKUI_HANDSHAKE_TIMEOUT``).
        """
        self._page_released.set()
        if timeout is None and not self.has_connected and page_is_built_by(self):
            # a crawler or curl never connects: end the page function quietly when it is pruned
            if not self._connected.wait(self.runtime.settings.prune_timeout):
                raise PageAbandoned(f"{self!r}: the browser never connected")
        else:
            limit = self.runtime.settings.handshake_timeout if timeout is None else timeout
            if not self._connected.wait(limit):
                raise TimeoutError(f"the browser did not connect within {limit} s")
        page_request_ended(self)
        return DONE

    def run_javascript(self, code: str) -> JavaScriptRequest:
        """Run ``code`` in the tab; see ``flaskui.javascript``."""
        return self.javascript.run(code)

    def open(self, target: str, new_tab: bool = False) -> None:
        """Navigate the tab to ``target`` (a URL or path)."""
        self.outbox.enqueue_message(["nav", target, new_tab])

    def on_connect(self, handler: Callable[..., Any]) -> None:
        """Call ``handler`` (in this client's context) on every (re)connection of the tab."""
        self._connect_handlers.append(handler)

    def on_disconnect(self, handler: Callable[..., Any]) -> None:
        """Call ``handler`` whenever the tab's socket drops."""
        self._disconnect_handlers.append(handler)

    def on_delete(self, handler: Callable[..., Any]) -> None:
        """Call ``handler`` when the client is deleted."""
        self._delete_handlers.append(handler)

    # -- protocol (called by the connection loop) ---------------------------------------------------------
    def handle_handshake(self, transport: Transport, tab_id: str, last_frame: int,
                         environ: dict[str, Any] | None = None) -> None:
        """Bind ``transport`` to this client and send the tab what it missed; ``environ`` is the
        connection's request (its headers and cookies become the tab's request's)."""
        if self.deleted:
            raise Refused("client is deleted")
        if self.tab_id is not None and tab_id != self.tab_id and self.is_connected:
            raise Refused("client is connected to another tab")
        if self._deletion is not None:
            self._deletion.kill(block=False)
            self._deletion = None
        previous = self.outbox.transport
        self.tab_id = tab_id
        if environ is not None:
            self.tab.reconnected(environ)
        self.outbox.attach(transport, last_frame)
        if previous is not None and previous is not transport:
            previous.close(CloseCode.NORMAL, "replaced by a newer connection of this tab")
        self.has_connected = True
        self._stop_prune_timer()
        self._connected.set()
        self._run_hooks(self._connect_handlers)

    def handle_disconnect(self, transport: Transport) -> None:
        """The socket closed: keep the client for ``reconnect_timeout`` seconds (nothing to do if a
        newer connection of the tab replaced it)."""
        if self.deleted or not self.outbox.detach(transport):
            return
        self._connected.clear()
        self._run_hooks(self._disconnect_handlers)
        self._deletion = gevent.spawn_later(self.runtime.settings.reconnect_timeout, self.delete)

    def handle_event(self, element_id: int, listener_id: str, args: list[Any]) -> None:
        """Apply a browser event: inline listeners now, handlers in their own greenlets."""
        if self.auth.signed_out:   # in another tab: this page is no longer for its user
            self.open(self.auth.page_url)
            raise Refused("the browser signed out")
        element = self.elements.get(element_id)
        if element is None:
            raise Refused(f"unknown element {element_id}")
        listener: Listener | None = element.listeners.get(listener_id)
        if listener is None:
            raise Refused(f"unknown listener {listener_id!r} of element {element_id}")
        refusal = element.events_refused_because()
        if refusal is not None:   # a crafted message, or one sent just before the page changed
            if listener.sync:   # the tab showed the refused value already: send it the server's
                element._changed_prop(listener.sync)
            raise Refused(f"element {element_id} {refusal}")
        arguments = EventArguments(sender=element, client=self, args=args)
        if listener.inline:
            with AppUiContext(self):
                try:
                    listener.handler(arguments)
                except Exception as error:
                    self.runtime.handle_exception(error, self, element)
        elif not self.events.submit(listener.call, arguments, from_browser=True):
            raise Refused("the page is gone" if self.deleted else "too many pending events")

    def handle_javascript_response(self, request_id: int, ok: bool, value: Any) -> None:
        if not self.javascript.resolve(request_id, ok, value):
            raise Refused(f"unknown JavaScript request {request_id}")

    # -- lifecycle ------------------------------------------------------------------------------------------
    def schedule_prune(self) -> None:
        """Delete this client if its browser has not connected within ``prune_timeout``."""
        # A bare libev timer: most pages connect, and a visitor that never does (a bot, a
        # health check) should not cost a Greenlet object for the whole timeout. Stopped once the
        # browser connects or the client is deleted, so it keeps no deleted client alive.
        self._prune_timer = gevent.get_hub().loop.timer(self.runtime.settings.prune_timeout)
        self._prune_timer.start(self._prune)

    def _stop_prune_timer(self) -> None:
        if self._prune_timer is not None:
            self._prune_timer.stop()
            self._prune_timer = None

    def _prune(self) -> None:
        if not self.has_connected and not self.deleted:
            gevent.spawn(self.delete)   # out of the hub: delete runs the page's on_delete hooks

    def delete(self) -> None:
        """Forget this client: stop its greenlets and timers, close its socket, free its elements."""
        if self.deleted:
            return
        self.deleted = True
        self.runtime.clients.remove(self)
        self._stop_prune_timer()
        if self.tab.unsaved_writes:
            log.warning("%r: a handler's session write never reached the browser (the tab was gone first)", self)
        transport = self.outbox.transport
        self.outbox.stop()
        self.events.stop()
        self.javascript.cancel_all()
        elements, self.elements = self.elements, {}   # one dict dropped, not a pop per element
        for element in elements.values():
            element._forget()
        if transport is not None:
            transport.close(CloseCode.NORMAL, "client deleted")
        if self._deletion is not None:
            self._deletion.kill(block=False)
            self._deletion = None
        # Hooks often refer to elements, which refer back to the client: drop them (the delete
        # hooks once they are spawned) so nothing keeps a deleted client alive.
        self._run_hooks(self._delete_handlers)
        self._connect_handlers, self._disconnect_handlers, self._delete_handlers = [], [], []

    def _run_hooks(self, handlers: list[Callable[..., Any]]) -> None:
        for handler in handlers:
            gevent.spawn(self.run_safely, handler)

    def __repr__(self) -> str:
        return f"<Client {self.id[:8]}… {len(self.elements)} elements>"
