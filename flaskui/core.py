"""The framework's own routes (``{prefix}/_flaskui/...``), installed once per app.

The first flaskui Blueprint registered on an app installs them under that Blueprint's
``url_prefix``, so an app mounted at a sub-path (``SCRIPT_NAME``, or ``X-Forwarded-Prefix`` through
Werkzeug's ``ProxyFix``) keeps everything under its own path.
"""
from __future__ import annotations

import os
from typing import Any

import click

import flask
from flask import Flask, jsonify

from . import components
from .assets import ASSETS
from .auth import views as auth_views
from .files import register_routes as register_file_routes
from .runtime import Runtime
from .tab_request import session_view
from .websocket import websocket_view


def _health() -> Any:
    runtime = Runtime.of()
    return jsonify(status="ok", clients=len(runtime.clients))


def _refuse_flask_run() -> None:
    """Werkzeug's threaded ``flask run`` cannot run flaskui's greenlets: say so and exit."""
    context = click.get_current_context(silent=True)
    if os.environ.get("FLASK_RUN_FROM_CLI") == "true" and context is not None and context.info_name == "run":
        click.echo(
            "flaskui needs gevent, which `flask run` does not use. Start the app with\n"
            "    flaskui run module:app            (development, add --reload)\n"
            "    gunicorn -k gevent module:app     (production)",
            err=True,
        )
        raise SystemExit(2)


def _exempt_from_csrf(app: Flask, core: flask.Blueprint) -> None:
    """Exempt flaskui's own routes from Flask-WTF's ``CSRFProtect``: its POSTs (uploads, session
    writes) carry one-time tokens bound to the browser's session, and the tab has no form token."""
    csrf = app.extensions.get("csrf")   # a dict lookup per request until CSRFProtect is set up
    if csrf is not None and core not in getattr(csrf, "_exempt_blueprints", {core}):
        csrf.exempt(core)


def install(app: Flask, url_prefix: str | None) -> Runtime:
    """Create the app's runtime and register the core routes, unless already done."""
    runtime: Runtime | None = app.extensions.get("flaskui")
    if runtime is not None:
        return runtime
    _refuse_flask_run()
    runtime = app.extensions["flaskui"] = Runtime(app)
    core = flask.Blueprint(runtime.core_blueprint_name, __name__)
    core.add_url_rule("/_flaskui/static/<version>/<path:filename>", "asset", ASSETS.response)
    core.add_url_rule("/_flaskui/ws", "websocket", websocket_view, websocket=True)
    core.add_url_rule("/_flaskui/health", "health", _health)
    core.add_url_rule("/_flaskui/session/<client_id>/<token>", "session", session_view, methods=["POST"])
    auth_views.install(app, runtime, core)   # sign-in routes, with FLASKUI_AUTH only
    register_file_routes(core)
    core.add_url_rule("/_flaskui/components/<key>/<path:filename>", "component", components.serve)
    app.register_blueprint(core, url_prefix=url_prefix)
    _exempt_from_csrf(app, core)
    # CSRFProtect set up after this runs its check after this app-level hook: exempt then
    app.before_request(lambda: _exempt_from_csrf(app, core))
    return runtime
