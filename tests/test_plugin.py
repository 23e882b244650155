"""flaskui's pytest plugin as a user's project meets it: pytest run in a subprocess, in a project folder
of its own (its own pytest.ini, so none of this repository's configuration applies).

The plugin comes in through its ``pytest11`` entry point, as in any project that installed flaskui.
"Playwright is not installed" is made true for one run by an early plugin (``-p no_playwright``) that
refuses to import it from the interpreter's start, the way Python does when it is absent.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CONFTEST = '''
import pytest
from flask import Flask

import flaskui
from flaskui import ui


@pytest.fixture
def app():
    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/")
    def index():
        ui.label("hello")

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "plugin-tests"
    app.register_blueprint(pages)
    return app
'''

TESTS = '''
import pytest


@pytest.mark.browser
def test_marked():
    pass


def test_user(user):
    user.open("/")
    user.should_see("hello")


def test_screen(screen):
    screen.open("/")
'''

NO_PLAYWRIGHT = '''
import importlib.abc
import sys


class NoPlaywright(importlib.abc.MetaPathFinder):
    """Finds no playwright, as in an environment without it."""

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "playwright":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, NoPlaywright())
'''


def project(folder: Path) -> Path:
    """A user's project: pytest.ini, the ``app`` fixture, tests, and the ``no_playwright`` early plugin."""
    (folder / "pytest.ini").write_text("[pytest]\n")
    (folder / "conftest.py").write_text(CONFTEST)
    (folder / "test_app.py").write_text(TESTS)
    (folder / "no_playwright.py").write_text(NO_PLAYWRIGHT)
    return folder


def pytest_run(folder: Path, *arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m pytest --strict-markers *arguments`` in ``folder``."""
    search_path = [str(folder), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(search_path), **(env or {})}
    environment.pop("PYTEST_ADDOPTS", None)
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--strict-markers", *arguments],
                          cwd=folder, env=environment, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=60, check=False)


def test_the_browser_marker_passes_strict_markers(tmp_path: Path) -> None:
    folder = project(tmp_path)
    result = pytest_run(folder, "test_app.py::test_marked")
    assert result.returncode == 0 and "1 passed" in result.stdout, result.stdout + result.stderr
    without_plugin = pytest_run(folder, "-p", "no:flaskui", "test_app.py::test_marked")
    assert "'browser' not found in `markers` configuration option" in without_plugin.stdout + without_plugin.stderr


def test_browser_fixtures_without_playwright_say_what_to_install(tmp_path: Path) -> None:
    result = pytest_run(project(tmp_path), "-p", "no_playwright", "-rE", "test_app.py::test_user",
                        "test_app.py::test_screen")
    assert "1 passed, 1 error" in result.stdout, result.stdout + result.stderr  # the user fixture needs no browser
    assert ("flaskui's browser fixtures need Playwright (No module named 'playwright'): pip install "
            "'flaskui[testing]', and Debian's chromium: apt-get install chromium") in result.stdout


def test_browser_fixtures_without_chromium_say_what_to_install(tmp_path: Path) -> None:
    missing = tmp_path / "no-chromium"
    result = pytest_run(project(tmp_path), "-rE", "test_app.py::test_screen", env={"FLASKUI_CHROMIUM": str(missing)})
    assert "1 error" in result.stdout, result.stdout + result.stderr
    assert (f"flaskui's browser fixtures need Chromium, and {missing} does not exist: apt-get install chromium "
            "(Debian's)") in result.stdout
