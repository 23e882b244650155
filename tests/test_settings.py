"""The ``FLASKUI_*`` settings: checked when the first flaskui Blueprint is registered, and documented.

A bad value fails ``app.register_blueprint`` with a message naming the key, the value and what is
expected; an unknown key is a warning naming the closest known one; docs/settings.md lists every key
with its default and what it accepts, as the checks say it.
"""
from __future__ import annotations

import logging
import math
import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

import flaskui
from flaskui import ui
from flaskui.runtime import Runtime
from flaskui.settings import KEYS, Settings, SettingsError

ROOT = Path(__file__).resolve().parent.parent
AUTH = {"providers": {"oidc": {"client_id": "x", "server_metadata_url": "http://127.0.0.1:9/"}}}


def create_app(**config: Any) -> Flask:
    """An app with ``config`` and one page; registering its Blueprint checks the settings."""
    app = Flask(__name__)
    app.config.update(SECRET_KEY="settings-tests", TESTING=True, **config)
    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/")
    def index() -> None:
        ui.label("hello")

    app.register_blueprint(pages)
    return app


@pytest.mark.parametrize(("key", "value", "message"), [
    ("FLASKUI_RECONNECT_TIMEOUT", -1, "FLASKUI_RECONNECT_TIMEOUT is -1 (int): expected a number of seconds >= 0"),
    ("FLASKUI_PING_INTERVAL", "20", "FLASKUI_PING_INTERVAL is '20' (str): expected a number of seconds >= 0"),
    ("FLASKUI_HANDSHAKE_TIMEOUT", 0, "FLASKUI_HANDSHAKE_TIMEOUT is 0 (int): expected a number of seconds > 0"),
    ("FLASKUI_ACK_TIMEOUT", True, "FLASKUI_ACK_TIMEOUT is True (bool): expected a number of seconds > 0"),
    ("FLASKUI_HISTORY_MAX_AGE", math.nan, "FLASKUI_HISTORY_MAX_AGE is nan (float): expected a number of seconds >= 0"),
    ("FLASKUI_MAX_RUNNING_HANDLERS", 0, "FLASKUI_MAX_RUNNING_HANDLERS is 0 (int): expected a whole number >= 1"),
    ("FLASKUI_FRAMES_IN_FLIGHT", 2.5, "FLASKUI_FRAMES_IN_FLIGHT is 2.5 (float): expected a whole number >= 1"),
    ("FLASKUI_MAX_UPLOAD_SIZE", None, "FLASKUI_MAX_UPLOAD_SIZE is None (NoneType): expected a whole number of "
                                      "bytes >= 1"),
    ("FLASKUI_ALLOWED_ORIGINS", 42, "FLASKUI_ALLOWED_ORIGINS is 42 (int): expected an origin such as "
                                    "'https://admin.example.com' or '*', or a list of them"),
    ("FLASKUI_ALLOWED_ORIGINS", {"https://a.example": True}, "FLASKUI_ALLOWED_ORIGINS is {'https://a.example': "
                                                             "True} (dict): expected an origin such as "
                                                             "'https://admin.example.com' or '*', or a list of them"),
    ("FLASKUI_ALLOWED_ORIGINS", ["https://a.example", "admin.example.com"],
     "FLASKUI_ALLOWED_ORIGINS is ['https://a.example', 'admin.example.com'] (list): expected an origin such as "
     "'https://admin.example.com' or '*', or a list of them ('admin.example.com' is not an origin: "
     "scheme://host[:port], without a path)"),
    ("FLASKUI_ALLOWED_ORIGINS", "https://admin.example.com/app",
     "FLASKUI_ALLOWED_ORIGINS is 'https://admin.example.com/app' (str): expected an origin such as "
     "'https://admin.example.com' or '*', or a list of them ('https://admin.example.com/app' is not an origin: "
     "scheme://host[:port], without a path)"),
])
def test_a_bad_value_fails_the_registration_naming_key_value_and_expectation(key: str, value: object,
                                                                             message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        create_app(**{key: value})
    assert str(raised.value) == message


def test_good_values_are_read_as_the_runtime_uses_them(caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(FLASKUI_RECONNECT_TIMEOUT=60, FLASKUI_PING_INTERVAL=0, FLASKUI_MAX_UPLOAD_SIZE=50e6,
                     FLASKUI_ALLOWED_ORIGINS="https://admin.example.com", FLASKUI_AUTH=AUTH)
    settings = Runtime.of(app).settings
    assert settings.reconnect_timeout == 60.0 and settings.ping_interval == 0.0
    assert settings.max_upload_size == 50_000_000 and isinstance(settings.max_upload_size, int)
    assert settings.allowed_origins == ("https://admin.example.com",)
    anyone = create_app(FLASKUI_ALLOWED_ORIGINS=["*", "http://127.0.0.1:5000/"])  # the origin check strips a "/"
    assert Runtime.of(anyone).settings.allowed_origins == ("*", "http://127.0.0.1:5000/")
    assert [r.getMessage() for r in caplog.records if r.name == "flaskui" and r.levelno >= logging.WARNING] == []


def test_a_misspelled_key_is_warned_about_with_the_closest_known_one(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="flaskui"):
        create_app(FLASKUI_RECONECT_TIMEOUT=60, FLASKUI_COLOUR_SCHEME="dark", FLASKUI_AUTH=AUTH)
    assert sorted(r.getMessage() for r in caplog.records if r.name == "flaskui") == [
        "app.config has FLASKUI_COLOUR_SCHEME, which is not a flaskui setting: the keys are listed in "
        "docs/settings.md",
        "app.config has FLASKUI_RECONECT_TIMEOUT, which is not a flaskui setting: did you mean "
        "FLASKUI_RECONNECT_TIMEOUT?",
    ]


def test_a_key_set_after_the_registration_is_checked_at_first_use() -> None:
    app = create_app()
    app.config["FLASKUI_PRUNE_TIMEOUT"] = "soon"
    with pytest.raises(SettingsError, match=r"^FLASKUI_PRUNE_TIMEOUT is 'soon' \(str\): expected a number of "
                                            r"seconds > 0$"):
        app.test_client().get("/")
    app.config["FLASKUI_PRUNE_TIMEOUT"] = 0.5
    assert app.test_client().get("/").status_code == 200


def documented() -> dict[str, list[str]]:
    """The rows of docs/settings.md's table of keys: key → [default, accepts, meaning]."""
    text = (ROOT / "docs" / "settings.md").read_text()
    rows = re.findall(r"^\| `(FLASKUI_\w+)` \| (.+) \|$", text, flags=re.MULTILINE)
    keys = [key for key, _ in rows]
    assert len(keys) == len(set(keys)), "a key is listed twice"
    return {key: [cell.strip() for cell in cells.split(" | ")] for key, cells in rows}


def test_the_settings_page_lists_every_key_once_and_only_those() -> None:
    assert set(documented()) == KEYS


@pytest.mark.parametrize("setting", fields(Settings), ids=lambda setting: setting.name)
def test_the_settings_page_gives_each_default_and_what_is_accepted(setting: Any) -> None:
    key = "FLASKUI_" + setting.name.upper()
    default, accepts, _ = documented()[key]
    shown = default.strip("`")
    assert (() if shown == "[]" else float(shown.replace("_", ""))) == setting.default
    with pytest.raises(SettingsError) as raised:   # what the table says is what the error says
        create_app(**{key: object()})
    assert str(raised.value).endswith(f": expected {accepts}")


def test_the_readme_links_the_settings_page() -> None:
    assert "(docs/settings.md)" in (ROOT / "README.md").read_text()
