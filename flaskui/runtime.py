"""Per-app state: settings, the clients, exception hooks.

One ``Runtime`` lives in ``app.extensions["flaskui"]``, created when the first flaskui Blueprint
is registered on the app. Two apps in one process have two runtimes and share nothing.
"""
from __future__ import annotations

import logging
import secrets
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Iterator

from flask import Flask, current_app

from .settings import Settings, check_config

if TYPE_CHECKING:
    from .auth.config import AuthConfig
    from .auth.providers import Auth
    from .client import Client

log = logging.getLogger("flaskui")

ExceptionHandler = Callable[[BaseException], object]


class ClientStore:
    """Where a process keeps its clients: the seam for sharing them beyond one process."""

    def __init__(self) -> None:
        self._clients: dict[str, Client] = {}

    def add(self, client: Client) -> None:
        self._clients[client.id] = client

    def get(self, client_id: str) -> Client | None:
        return self._clients.get(client_id)

    def remove(self, client: Client) -> None:
        if self._clients.get(client.id) is client:
            del self._clients[client.id]

    def __len__(self) -> int:
        return len(self._clients)

    def __iter__(self) -> Iterator[Client]:
        return iter(list(self._clients.values()))


class SignOuts:
    """Tells a browser's clients that it signed out: the seam for telling other processes too.

    This one marks the clients of this process; a shared one would publish the browser id (Redis
    pub/sub, say) and have every process mark its own.
    """

    def __init__(self, clients: ClientStore) -> None:
        self._clients = clients

    def publish(self, browser_id: str) -> None:
        for client in self._clients:
            if client.browser_id == browser_id:
                client.auth.sign_out()


class Runtime:
    """flaskui's state for one Flask app."""

    def __init__(self, app: Flask) -> None:
        check_config(app.config)  # at registration: a bad FLASKUI_* value fails the app's start, not a request
        self.app = app
        self.clients = ClientStore()
        self.sign_outs = SignOuts(self.clients)
        self.auth_config: AuthConfig | None = None   # set by auth.views.install when FLASKUI_AUTH is configured
        self.exception_handlers: list[ExceptionHandler] = []
        self.head_html: list[str] = []
        self.core_blueprint_name = "_flaskui"
        self._generated_secret: str | None = None
        if not app.secret_key:  # sessions are opened before any view runs, so set one now
            self._generated_secret = app.secret_key = secrets.token_hex(32)

    @staticmethod
    def of(app: Flask | None = None) -> Runtime:
        """The runtime of ``app`` (default: the current app)."""
        app = app or current_app._get_current_object()  # type: ignore[attr-defined]
        runtime = app.extensions.get("flaskui")
        if runtime is None:
            raise RuntimeError("this app has no flaskui Blueprint registered")
        return runtime  # type: ignore[no-any-return]

    @cached_property
    def auth(self) -> Auth | None:
        """authlib clients of ``FLASKUI_AUTH``'s providers, made at first use.

        Not at import or registration: authlib pulls in requests and urllib3, which must be
        imported after gevent's monkey-patching (``flaskui run`` and ``flaskui.run`` patch later).
        """
        if self.auth_config is None:
            return None
        from .auth.providers import Auth

        return Auth(self.auth_config)

    @cached_property
    def settings(self) -> Settings:
        """``FLASKUI_*`` config, read at first use (checked again: keys may be set after registration)."""
        if self._generated_secret is not None and self.app.secret_key == self._generated_secret:
            log.warning(
                "app.secret_key is not set: flaskui generated one for this process. Set SECRET_KEY "
                "so sessions survive restarts and work across workers."
            )
        return Settings.from_config(self.app.config)

    def handle_exception(self, error: BaseException, client: Client | None = None, source: object = None) -> None:
        """Log an exception from a handler, timer or page and pass it to the app's hooks.

        Args:
            error: the exception.
            client: the tab it happened in; with no ``on_exception`` hook, the tab is told (the
                exception itself in debug mode, a generic message otherwise).
            source: the element whose handler or timer raised, for the log.
        """
        where = f" of {source!r}" if source is not None else ""
        page = f" on page {client.tab.page_url}" if client is not None else ""
        log.error("exception in a flaskui handler%s%s", where, page, exc_info=error)
        for handler in self.exception_handlers:
            try:
                handler(error)
            except Exception:
                log.exception("exception in a flaskui exception handler")
        if client is not None and not self.exception_handlers:
            client.show_error(error)
