"""The ``flaskui`` command.

    flaskui run TARGET [--host 127.0.0.1] [--port 8080] [--reload] [--debug]
    flaskui --version

``TARGET`` names the app as ``flask --app`` does, and is found by Flask's own code
(``flask.cli.prepare_import`` and ``locate_app``): ``module:app``; ``module`` (its ``app`` or
``application``, its only Flask app, or a factory ``create_app``/``make_app`` called without
arguments); ``module:create_app()`` or ``module:create_app("arg")`` (a factory, called with literal
arguments); ``path/to/app.py`` (its folder, or that of its outermost package, goes first on
``sys.path``). The standard library is patched for gevent before the module is imported.
"""
from __future__ import annotations

import argparse
import importlib.metadata
import platform
import re
import sys

from flask import Flask
from flask.cli import NoAppException, locate_app, prepare_import

from . import __version__
from .auth.config import AuthConfigError
from .server import patch
from .settings import SettingsError

DEBUG_HELP = (
    "Flask debug mode, an access log, and Werkzeug's interactive debugger for exceptions in pages, as "
    "`flask run --debug` has it (its console needs the PIN it prints here; WERKZEUG_DEBUG_PIN sets it). "
    "Exceptions in handlers and timers are logged, not shown there"
)


def load_app(target: str) -> Flask:
    """The Flask app ``target`` names, found as ``flask --app`` finds it.

    Raises ``flask.cli.NoAppException`` when there is no such module or app.
    """
    # split as flask.cli.ScriptInfo.load_app does: not at the colon of a Windows drive (C:\)
    path, name = (re.split(r":(?![\\/])", target, maxsplit=1) + [""])[:2]
    app = locate_app(prepare_import(path), name or None)
    assert app is not None  # locate_app returns None only when told not to raise
    return app


def load_or_exit(target: str) -> Flask:
    """``load_app(target)``; if the target or the app's configuration is wrong, say so in one line and exit 2."""
    try:
        return load_app(target)
    except (NoAppException, SettingsError, AuthConfigError) as error:
        # the message names what to fix; a traceback would bury it. (An ImportError raised inside the
        # module is the exception: Flask's message then holds its traceback, which points at the line.)
        print(f"flaskui: error: {error}", file=sys.stderr)
        raise SystemExit(2) from None


def versions() -> str:
    """What ``flaskui --version`` prints: flaskui's version and those it runs on."""
    packages = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in ("Flask", "Werkzeug", "gevent"))
    return f"flaskui {__version__} (Python {platform.python_version()}, {packages})"


def main(argv: list[str] | None = None) -> None:
    """Run the ``flaskui`` command with ``argv`` (default: the process's arguments)."""
    parser = argparse.ArgumentParser(prog="flaskui", description="Serve a Flask app with flaskui pages.")
    parser.add_argument("--version", action="version", version=versions())
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="serve a Flask app with the embedded gevent server",
                                     description="Serve a Flask app with the embedded gevent server.")
    run_parser.add_argument("target", help="the app, as `flask --app` takes it: module:app, module, "
                                           "module:create_app(), module:create_app('arg') or path/to/app.py")
    run_parser.add_argument("--host", default="127.0.0.1", help="the interface to listen on (default: 127.0.0.1)")
    run_parser.add_argument("--port", type=int, default=8080, help="the TCP port (default: 8080)")
    run_parser.add_argument("--reload", action="store_true", help="restart when a Python file changes")
    run_parser.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    options = parser.parse_args(argv)

    patch()  # before the app's module is imported
    from werkzeug.serving import is_running_from_reloader

    from .server import run

    def serve() -> None:
        run(load_or_exit(options.target), options.host, options.port, debug=options.debug)

    if options.reload:
        from werkzeug._reloader import run_with_reloader

        if not is_running_from_reloader():
            # as `flask run`: the reloader's parent loads the app too, so a bad target ends the command at
            # once; a child that cannot load it (an edit broke it) says why and waits for the next edit
            load_or_exit(options.target)
        run_with_reloader(serve, reloader_type="stat")
    else:
        serve()
