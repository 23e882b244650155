"""The ``flaskui`` command.

    flaskui run module:app [--host 127.0.0.1] [--port 8080] [--reload]

``module:app`` names a module importable from the current directory and the Flask app in it
(``app`` if only the module is given). The standard library is patched for gevent before the
module is imported.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from flask import Flask

from .server import patch


def load_app(target: str) -> Flask:
    """Import ``module:attribute`` (attribute defaults to ``app``) and return the Flask app."""
    module_name, _, attribute = target.partition(":")
    sys.path.insert(0, os.getcwd())
    module = importlib.import_module(module_name)
    app = getattr(module, attribute or "app", None)
    if not isinstance(app, Flask):
        raise SystemExit(f"flaskui: {target!r} is not a Flask app (no {attribute or 'app'!r} in {module_name!r})")
    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="flaskui", description="Serve a Flask app with flaskui pages.")
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="serve module:app with the embedded gevent server")
    run_parser.add_argument("target", help="module:app, e.g. myapp:app")
    run_parser.add_argument("--host", default="127.0.0.1")
    run_parser.add_argument("--port", type=int, default=8080)
    run_parser.add_argument("--reload", action="store_true", help="restart when a Python file changes")
    run_parser.add_argument("--debug", action="store_true", help="Flask debug mode and an access log")
    options = parser.parse_args(argv)

    patch()
    from .server import run

    def serve() -> None:
        run(load_app(options.target), options.host, options.port, debug=options.debug)

    if options.reload:
        from werkzeug._reloader import run_with_reloader

        run_with_reloader(serve, reloader_type="stat")
    else:
        serve()
