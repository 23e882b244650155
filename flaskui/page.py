"""The Flask view behind ``Blueprint.page``: build a client, run the page function, answer.

The page function runs in a greenlet of its own in the request's own contexts (``g`` from
``before_request``, one teardown per request). The view answers as
soon as the function returns, or earlier when it waits for the browser (``client.connected()``
or a JavaScript result): then the HTML goes out with the tree built so far, and the function goes
on after the handshake, in a request context of the tab's (``flaskui.tab_request``), its further
changes reaching the tab as updates.
"""
from __future__ import annotations

import contextvars
import functools
from typing import Any, Callable, cast

import gevent
from flask import make_response
from flask.typing import ResponseReturnValue
from greenlet import GreenletExit

from . import blocking, collector, shell
from .aio import result_of
from .context import ClientContext, PageBuild
from .assets import ASSETS
from .auth.access import PUBLIC, PageAccess
from .client import Client
from .errors import PageAbandoned
from .runtime import Runtime
from .session import browser_id

PageFunction = Callable[..., Any]


class _Failed:
    """A page function's exception, handed to the view to raise in the request's greenlet: there
    Flask's error handlers answer it and log it once (raised in this greenlet, gevent would print
    it as well)."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error


def _build(client: Client, function: PageFunction, view_args: dict[str, Any]) -> Any:
    # the request's own app and request context (copied into this greenlet) until the function
    # waits for the browser; then a request context of the tab's (context.PageBuild)
    with ClientContext(client), PageBuild(client):
        try:
            return result_of(function(**view_args))
        except (GreenletExit, PageAbandoned):   # killed, or its browser never came: quietly
            return None
        except BaseException as error:   # SystemExit too: a page must never end the worker
            if client._page_released.is_set():  # the HTML is out: nobody else will see this
                client.runtime.handle_exception(error, client)
                return None
            return _Failed(error)
        finally:
            client._page_released.set()


def make_page_view(function: PageFunction, title: str | None,
                   access: PageAccess = PUBLIC) -> Callable[..., ResponseReturnValue]:
    """Wrap a page function as a Flask view function (``access``: who may see the page)."""

    @functools.wraps(function)
    def view(**view_args: Any) -> ResponseReturnValue:
        refusal = access.refusal()
        if refusal is not None:
            return refusal
        runtime = Runtime.of()
        blocking.watch(runtime.settings.blocking_warning)   # once per process, at its first page
        client = Client(runtime, title=title or "flaskui", browser_id=browser_id())
        client.auth = access.client_auth()
        greenlet = gevent.spawn(contextvars.copy_context().run, _build, client, function, view_args)
        client._page_released.wait()
        if greenlet.ready() and not greenlet.successful():   # failed outside the function (a bug)
            client.delete()
            raise greenlet.exception
        if greenlet.ready() and greenlet.value is not None:
            client.delete()
            if isinstance(greenlet.value, _Failed):   # abort(404) too: Flask answers it as usual
                error = greenlet.value.error
                if not isinstance(error, Exception):   # SystemExit: a 500, never the worker's end
                    raise RuntimeError(f"the page function raised {error!r}") from error
                raise error
            return cast(ResponseReturnValue, greenlet.value)   # a redirect, any Flask return value
        runtime.clients.add(client)
        client.schedule_prune()
        client.outbox.start_recording()
        response = make_response(shell.render(client, ASSETS))
        response.headers["Cache-Control"] = "no-store"
        if runtime.settings.gc_freeze_interval > 0:
            collector.page_built(runtime.settings.gc_freeze_interval)
        return response

    return view
