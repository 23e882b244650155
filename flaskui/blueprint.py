"""``flaskui.Blueprint``: a Flask Blueprint whose ``page`` routes build live UIs.

    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/item/<int:item_id>", title="Item")
    def item(item_id: int) -> None:
        ui.label(f"item {item_id}")

    app.register_blueprint(pages, url_prefix="/shop")   # also installs flaskui's core routes
"""
from __future__ import annotations

from typing import Any, Callable, TypeVar, cast

import flask
from flask.sansio.blueprints import BlueprintSetupState

from . import core
from .auth.access import PageAccess, Requirement
from .auth.config import AuthConfigError
from .files.folders import FileRoutes
from .page import PageFunction, make_page_view
from .runtime import ExceptionHandler, Runtime

F = TypeVar("F", bound=PageFunction)


class Blueprint(FileRoutes):
    """A ``flask.Blueprint`` with ``page`` and ``on_exception``; any other route works as usual.

    The file methods (``add_static_files``, ``add_media_files``...) come from ``FileRoutes``.
    """

    def __init__(self, name: str, import_name: str, **blueprint_kwargs: Any) -> None:
        super().__init__(name, import_name, **blueprint_kwargs)
        self._exception_handlers: list[ExceptionHandler] = []
        self._runtimes: list[Runtime] = []
        self._protected_rules: list[str] = []
        self.record_once(self._install_core)

    def _install_core(self, state: BlueprintSetupState) -> None:
        runtime = core.install(cast(flask.Flask, state.app), state.url_prefix)
        if self._protected_rules and runtime.auth is None:
            raise AuthConfigError(
                f"page {self._protected_rules[0]!r} needs a signed-in user, but app.config has no FLASKUI_AUTH "
                "(set it before registering the first flaskui Blueprint; see docs/auth.md)"
            )
        runtime.exception_handlers.extend(self._exception_handlers)
        self._runtimes.append(runtime)

    def page(self, rule: str, *, title: str | None = None, login_required: bool = False,
             requires: Requirement | None = None, **options: Any) -> Callable[[F], F]:
        """Register a page function for ``rule`` (Flask URL rule syntax; view args are passed on).

        Args:
            rule: the URL rule, e.g. ``"/"`` or ``"/user/<name>"``.
            title: the browser tab's title.
            login_required: anonymous visitors are sent to sign in (see docs/auth.md).
            requires: ``requires(user) -> bool`` decides who may see the page (403 for others);
                implies ``login_required``.
            options: passed to ``add_url_rule`` (``endpoint``, ``methods``...).

        The function builds UI with ``ui.*`` calls, or returns any Flask response value (a
        redirect, ``abort(404)``) to answer instead.
        """

        access = PageAccess(login_required, requires)
        if access.protected:
            self._protected_rules.append(rule)

        def decorator(function: F) -> F:
            endpoint = options.pop("endpoint", None) or function.__name__
            self.add_url_rule(rule, endpoint, make_page_view(function, title, access), **options)
            return function

        return decorator

    def on_exception(self, handler: ExceptionHandler) -> ExceptionHandler:
        """Call ``handler(exception)`` for exceptions in handlers, timers and pages of the app."""
        self._exception_handlers.append(handler)
        for runtime in self._runtimes:
            runtime.exception_handlers.append(handler)
        return handler
