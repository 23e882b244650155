"""Launching a real app (tests/launch_app.py) in a subprocess the ways the docs name.

Every server listens on a free port of 127.0.0.1 and is ended (its whole process group) when the
test leaves ``serving``. Monkey-patching problems surface as a printed ``MonkeyPatchWarning``, so
each test reads the subprocess's stderr instead of relying on warning filters.
"""
from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, expect

import flaskui
from flaskui.testing import ProtocolClient

from .helpers import wait_until

TESTS = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
STARTUP_TIMEOUT = 15.0

#: An app factory that ``flaskui run`` is pointed at in a temporary folder, next to ``greeting.py``.
FACTORY_APP = '''
from flask import Flask

import flaskui
from flaskui import ui

from greeting import GREETING  # a sibling module: importable only if this file's folder is on sys.path


def create_app(greeting=GREETING, **config):
    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/")
    def index():
        ui.label(greeting)
        count = ui.label("0")
        ui.button("Click", on_click=lambda: setattr(count, "text", str(int(count.text) + 1)))

    @pages.page("/boom")
    def boom():
        answer = 6 * 7
        raise RuntimeError(f"boom {answer}")

    app = Flask(__name__)
    app.config.update(SECRET_KEY="launch-tests-only", **config)
    app.register_blueprint(pages)
    return app
'''


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def command(name: str) -> str:
    """The console script ``name`` installed next to this Python (falls back to ``PATH``)."""
    script = BIN / name
    return str(script) if script.exists() else name


@dataclass
class Server:
    """A launched server: its URL, process, and captured output."""

    url: str
    process: subprocess.Popen[bytes]
    output: Path

    def stdout(self) -> str:
        return (self.output / "stdout").read_text(errors="replace")

    def stderr(self) -> str:
        return (self.output / "stderr").read_text(errors="replace")


def healthy(url: str) -> bool:
    """Whether ``{url}/_flaskui/health`` answers ``{"status": "ok"}``."""
    try:
        with urllib.request.urlopen(url + "/_flaskui/health", timeout=1) as response:
            return response.status == 200 and bool(json.load(response).get("status") == "ok")
    except (OSError, ValueError):  # refused, reset, timed out (URLError is an OSError), bad JSON
        return False


def stop(process: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """SIGTERM the process, then SIGKILL whatever is left of its process group after ``grace`` s."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # its own session: reloader children, gunicorn workers
    except (ProcessLookupError, PermissionError):
        pass
    process.wait(timeout=5)


@contextmanager
def serving(arguments: list[str], port: int, output: Path, *, cwd: Path = TESTS,
            env: dict[str, str] | None = None, grace: float = 10.0) -> Iterator[Server]:
    """Start ``arguments``, wait until its health endpoint answers, yield it, then end it."""
    output.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    with open(output / "stdout", "wb") as stdout, open(output / "stderr", "wb") as stderr:
        process = subprocess.Popen(arguments, cwd=cwd, env=environment, stdout=stdout, stderr=stderr,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        server = Server(f"http://127.0.0.1:{port}", process, output)
        try:
            def ready() -> bool:
                if process.poll() is not None:
                    raise AssertionError(f"{arguments} exited with {process.returncode}:\n{server.stderr()}")
                return healthy(server.url)

            try:
                wait_until(ready, timeout=STARTUP_TIMEOUT)
            except TimeoutError:
                raise AssertionError(f"{arguments} not healthy in {STARTUP_TIMEOUT} s:\n{server.stderr()}") from None
            yield server
        finally:
            stop(process, grace)


def assert_no_patch_warning(server: Server) -> None:
    assert "MonkeyPatchWarning" not in server.stderr(), server.stderr()


def disconnect(*pages: ProtocolClient) -> None:
    """Close the pages' websockets cleanly (the server outlives them)."""
    for page in pages:
        if page.ws is not None:
            page.ws.close()


def assert_counter_works(url: str) -> None:
    """GET the page, connect a protocol client, click and see the count."""
    with urllib.request.urlopen(url + "/", timeout=10) as response:
        assert response.status == 200
        assert 'id="flaskui-state"' in response.read().decode()
    page = ProtocolClient(url).open("/")
    try:
        assert page.connect() == {"t": "hi", "frame": 0, "window": 128}
        label = page.find_text("0")
        page.click(page.find_text("Click"))
        page.wait_for(lambda: page.elements[label].get("text") == "1", timeout=5)
    finally:
        disconnect(page)


def gunicorn(port: int, *options: str) -> list[str]:
    return [command("gunicorn"), "-k", "gevent", "-w", "1", "-b", f"127.0.0.1:{port}", "--no-control-socket",
            *options, "launch_app:app"]


def test_flaskui_run_serves_the_app(tmp_path: Path) -> None:
    port = free_port()
    with serving([command("flaskui"), "run", "launch_app:app", "--port", str(port)], port, tmp_path) as server:
        assert_counter_works(server.url)
    assert_no_patch_warning(server)


def test_python_module_with_flaskui_run_call_serves_the_app(tmp_path: Path) -> None:
    port = free_port()
    with serving([sys.executable, "launch_app.py"], port, tmp_path, env={"PORT": str(port)}) as server:
        assert_counter_works(server.url)
    assert_no_patch_warning(server)


@pytest.mark.browser
def test_gunicorn_gevent_worker_serves_a_page_to_chromium(tmp_path: Path, flaskui_browser: Browser) -> None:
    port = free_port()
    with serving(gunicorn(port), port, tmp_path) as server:
        context = flaskui_browser.new_context(base_url=server.url)
        try:
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto("/")
            expect(page.get_by_text("0", exact=True)).to_be_visible()
            page.get_by_text("Click").click()
            expect(page.get_by_text("1", exact=True)).to_be_visible()
            expect(page.get_by_text("0", exact=True)).to_have_count(0)
            assert errors == []
        finally:
            context.close()
    assert_no_patch_warning(server)


def test_flaskui_run_sigterm_closes_sockets_with_1001(tmp_path: Path) -> None:
    port = free_port()
    with serving([command("flaskui"), "run", "launch_app:app", "--port", str(port)], port, tmp_path) as server:
        page = ProtocolClient(server.url).open("/")
        page.connect()
        server.process.send_signal(signal.SIGTERM)
        assert page.close_code(timeout=5) == 1001
        server.process.wait(timeout=10)
        assert server.process.returncode == 0
    assert_no_patch_warning(server)


def test_gunicorn_sigterm_closes_sockets_with_1001_before_the_graceful_timeout(tmp_path: Path) -> None:
    port = free_port()
    with serving(gunicorn(port, "--graceful-timeout", "30"), port, tmp_path) as server:
        page = ProtocolClient(server.url).open("/")
        page.connect()
        started = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        assert page.close_code(timeout=5) == 1001
        assert time.monotonic() - started < 5
    assert_no_patch_warning(server)


def test_a_blocking_handler_delays_neither_another_tab_nor_its_own_tab(tmp_path: Path) -> None:
    port = free_port()
    with serving([command("flaskui"), "run", "launch_app:app", "--port", str(port)], port, tmp_path) as server:
        sleeper = ProtocolClient(server.url).open("/slow")
        other = ProtocolClient(server.url).open("/slow")  # another browser
        try:
            sleeper.connect()
            sleeper.click(sleeper.find_text("sleep"))
            # "sleeping" is only sent while time.sleep(5) runs if the sleep yields to the hub
            sleeper.wait_for(lambda: "sleeping" in sleeper.texts(), timeout=2)

            other.connect()
            started = time.monotonic()
            other.click(other.find_text("quick"))
            other.wait_for(lambda: "quick done" in other.texts(), timeout=2)
            assert time.monotonic() - started < 2

            started = time.monotonic()
            sleeper.click(sleeper.find_text("quick"))
            sleeper.wait_for(lambda: "quick done" in sleeper.texts(), timeout=2)
            assert time.monotonic() - started < 2
            assert "slept" not in sleeper.texts(), "the quick handler must not have waited for the sleep"
        finally:
            disconnect(sleeper, other)
    assert_no_patch_warning(server)


def test_flask_run_refuses_and_names_flaskui_run() -> None:
    result = subprocess.run(
        [command("flask"), "--app", "launch_app", "run", "--port", str(free_port())],
        cwd=TESTS, env={**os.environ, "PYTHONUNBUFFERED": "1"}, stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=15, check=False,
    )
    assert result.returncode != 0
    assert "flaskui run" in result.stderr


def test_flaskui_run_reload_serves_and_restarts_on_change(tmp_path: Path) -> None:
    app_dir = tmp_path / "app"
    app_dir.mkdir()
    module = app_dir / "launch_app.py"
    shutil.copy(TESTS / "launch_app.py", module)  # touched below: keep the repository's copy untouched
    port = free_port()
    arguments = [command("flaskui"), "run", "--reload", "launch_app:app", "--port", str(port)]
    with serving(arguments, port, tmp_path / "out", cwd=app_dir) as server:
        assert_counter_works(server.url)
        wait_until(lambda: server.stdout().count("flaskui: serving") == 1, timeout=5)
        modified = module.stat().st_mtime + 10
        os.utime(module, (modified, modified))
        wait_until(lambda: server.stdout().count("flaskui: serving") == 2, timeout=STARTUP_TIMEOUT)
        wait_until(lambda: healthy(server.url), timeout=STARTUP_TIMEOUT)
        assert_counter_works(server.url)
    assert_no_patch_warning(server)


def factory_project(folder: Path) -> Path:
    """``folder`` with ``factory_app.py`` (FACTORY_APP) and the sibling module it imports."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "factory_app.py").write_text(FACTORY_APP)
    (folder / "greeting.py").write_text('GREETING = "Hello from the factory"\n')
    return folder


def run_to_the_end(arguments: list[str], cwd: Path,
                   env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``flaskui *arguments``, which must end by itself, and capture its output."""
    return subprocess.run(
        [command("flaskui"), *arguments], cwd=cwd, env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=15, check=False,
    )


def fetch(url: str, cookie: str | None = None) -> tuple[int, str, str | None]:
    """GET ``url`` (error statuses too): its status, body, and the ``name=value`` of a cookie it sets."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, body, headers = response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        status, body, headers = error.code, error.read().decode(), error.headers
    set_cookie = headers.get("Set-Cookie")
    return status, body, set_cookie.split(";")[0] if set_cookie else None


@pytest.mark.parametrize(("target", "greeting", "folder"), [
    ("factory_app", "Hello from the factory", "project"),             # a module: Flask finds its create_app
    ("factory_app:create_app()", "Hello from the factory", "project"),
    ('factory_app:create_app("Hi")', "Hi", "project"),                 # a factory with literal arguments
    ("project/factory_app.py", "Hello from the factory", "."),         # a file: its folder goes on sys.path
])
def test_flaskui_run_takes_the_targets_flask_app_takes(tmp_path: Path, target: str, greeting: str,
                                                       folder: str) -> None:
    factory_project(tmp_path / "project")
    port = free_port()
    with serving([command("flaskui"), "run", target, "--port", str(port)], port, tmp_path / "out",
                 cwd=tmp_path / folder) as server:
        page = ProtocolClient(server.url).open("/")
        assert greeting in page.texts()
    assert_no_patch_warning(server)


def test_flaskui_version_names_flaskui_and_what_it_runs_on() -> None:
    result = run_to_the_end(["--version"], cwd=TESTS)
    assert result.returncode == 0, result.stderr
    for package in ("Flask", "Werkzeug", "gevent"):
        assert f"{package} {importlib.metadata.version(package)}" in result.stdout
    assert result.stdout.startswith(f"flaskui {flaskui.__version__} ")


@pytest.mark.parametrize(("arguments", "message"), [
    (["nosuch:app"], "Could not import 'nosuch'."),
    (["nosuch.py"], "Could not import 'nosuch'."),
    (["factory_app:nope"], "Failed to find attribute 'nope' in 'factory_app'."),
    (["factory_app:create_app(1, 2)"],
     "The factory 'create_app(1, 2)' in module 'factory_app' could not be called with the specified arguments."),
    (["factory_app:create_app(FLASKUI_RECONNECT_TIMEOUT=-1)"],
     "FLASKUI_RECONNECT_TIMEOUT is -1 (int): expected a number of seconds >= 0"),
    (["factory_app:create_app(FLASKUI_AUTH={})"],
     'FLASKUI_AUTH["providers"] must be a non-empty dict of provider name → settings'),
    (["--reload", "nosuch:app"], "Could not import 'nosuch'."),   # before the reloader starts a child
])
def test_a_bad_target_is_one_line_and_exit_code_2(tmp_path: Path, arguments: list[str], message: str) -> None:
    result = run_to_the_end(["run", *arguments, "--port", str(free_port())], cwd=factory_project(tmp_path))
    assert (result.returncode, result.stderr) == (2, f"flaskui: error: {message}\n")


def test_flaskui_run_debug_shows_werkzeugs_debugger_for_a_page_that_raises(tmp_path: Path) -> None:
    port, pin = free_port(), "123-456-789"
    arguments = [command("flaskui"), "run", "factory_app:create_app()", "--debug", "--port", str(port)]
    with serving(arguments, port, tmp_path / "out", cwd=factory_project(tmp_path / "project"),
                 env={"WERKZEUG_DEBUG_PIN": pin}) as server:
        status, page, _ = fetch(server.url + "/boom")
        assert status == 500
        assert "<title>RuntimeError: boom 42\n // Werkzeug Debugger</title>" in page
        secret = re.search(r'SECRET = "(\w+)"', page)
        frames = re.findall(r'<div class="frame" id="frame-(\d+)">', page)
        assert secret and frames, page
        # the console evaluates code in the page function's frame (the innermost), once unlocked with the PIN
        evaluate = (f"{server.url}/boom?__debugger__=yes&s={secret.group(1)}&frm={frames[-1]}&cmd="
                    + urllib.parse.quote("str(answer) + '-in-the-frame'"))
        status, page, _ = fetch(evaluate)
        assert status == 500 and "42-in-the-frame" not in page, "locked: the page just fails again"
        fetch(f"{server.url}/?__debugger__=yes&cmd=printpin&s={secret.group(1)}")  # what the locked console asks
        wait_until(lambda: f"Debugger pin code: {pin}" in server.stderr(), timeout=5)
        status, answer, cookie = fetch(f"{server.url}/?__debugger__=yes&cmd=pinauth&pin={pin}&s={secret.group(1)}")
        assert json.loads(answer) == {"auth": True, "exhausted": False} and cookie
        status, page, _ = fetch(evaluate, cookie=cookie)
        assert status == 200 and "42-in-the-frame" in page
        assert_counter_works(server.url)  # pages and their websockets work behind the debugger
    assert_no_patch_warning(server)
