"""flaskui's settings: the ``FLASKUI_*`` keys of ``app.config`` (docs/settings.md lists them all).

Every key has a default; set any of them before registering the first flaskui Blueprint::

    app.config["FLASKUI_RECONNECT_TIMEOUT"] = 60
    app.config["FLASKUI_ALLOWED_ORIGINS"] = ["https://admin.example.com"]
    app.register_blueprint(pages)

Registering the first flaskui Blueprint checks them (``check_config``): a value of the wrong type or
out of range raises ``SettingsError`` naming the key, the value and what is expected, and a
``FLASKUI_`` key that flaskui does not know (a typo) is logged as a warning with the closest known
key. The runtime reads them at first use (``Settings.from_config``, checking again), so a key set
after registration but before the first request still takes effect.
"""
from __future__ import annotations

import difflib
import logging
import math
from dataclasses import dataclass, field, fields
from typing import Any, Mapping, TypeVar
from urllib.parse import urlsplit

log = logging.getLogger("flaskui")

N = TypeVar("N", int, float)

_ORIGINS = "an origin such as 'https://admin.example.com' or '*', or a list of them"

#: ``FLASKUI_`` keys that other modules read and check themselves: known, so not typos.
OTHER_KEYS = frozenset({
    "FLASKUI_AUTH",  # the sign-in providers, checked by flaskui.auth.config at registration
})


class SettingsError(ValueError):
    """A ``FLASKUI_*`` key of ``app.config`` has a value of the wrong type or out of range."""


def _number(default: N, minimum: N, *, unit: str = "", above: bool = False) -> N:
    """A numeric setting: its default and the smallest value allowed (``above``: that value excluded)."""
    return field(default=default, metadata={"minimum": minimum, "unit": unit, "above": above})


@dataclass(frozen=True)
class Settings:
    """The ``FLASKUI_*`` keys of ``app.config``, lower-cased without the prefix.

    The metadata of each numeric field holds the range allowed (``from_config`` checks it).
    """

    #: Origins allowed to open the websocket besides the page's own (``"*"``: any).
    allowed_origins: tuple[str, ...] = ()
    #: Seconds a disconnected client is kept for its tab to reconnect.
    reconnect_timeout: float = _number(30.0, 0.0, unit="seconds")
    #: Seconds a client whose page was fetched but never connected is kept.
    prune_timeout: float = _number(15.0, 0.0, unit="seconds", above=True)
    #: Seconds the browser has for its handshake, and a page function for ``connected()``.
    handshake_timeout: float = _number(10.0, 0.0, unit="seconds", above=True)
    #: Frames kept per client for replay after a reconnect.
    history_max_frames: int = _number(1000, 0)
    #: Seconds a frame is kept for replay; a longer gap is answered with a snapshot.
    history_max_age: float = _number(30.0, 0.0, unit="seconds")
    #: Largest browser → server message in bytes (larger: close 1009).
    max_message_size: int = _number(1024 * 1024, 1, unit="bytes")
    #: Handlers of one client running at once; further events queue.
    max_running_handlers: int = _number(32, 1)
    #: Events of one client waiting for a handler slot; further events are refused.
    max_pending_events: int = _number(256, 0)
    #: Messages per second one connection may send (a burst of one second's worth); beyond it the
    #: socket is read no faster, so TCP slows the sender down; 0 disables.
    max_message_rate: float = _number(200.0, 0.0, unit="messages per second")
    #: Frames sent ahead of what the tab acknowledged as rendered; further changes coalesce meanwhile.
    frames_in_flight: int = _number(128, 1)
    #: Seconds to wait for a tab's acknowledgement before sending anyway.
    ack_timeout: float = _number(5.0, 0.0, unit="seconds", above=True)
    #: Seconds between websocket pings (a peer that stops answering is closed); 0 disables.
    ping_interval: float = _number(20.0, 0.0, unit="seconds")
    #: Seconds of silence after which a websocket gets a heartbeat message (``hb``), which unlike a
    #: ping the tab can see: a tab that hears nothing for three intervals reconnects; 0 disables.
    heartbeat_interval: float = _number(5.0, 0.0, unit="seconds")
    #: Largest upload in bytes (all files of one request) where ``ui.upload`` sets no ``max_total_size``.
    max_upload_size: int = _number(100 * 1024 * 1024, 1, unit="bytes")
    #: Log a warning when one handler (or anything) holds the worker's event loop this many seconds,
    #: so every tab of it waits: CPU-bound work (``flaskui.blocking``); 0 disables.
    blocking_warning: float = _number(1.0, 0.0, unit="seconds")
    #: Freeze each built page out of the garbage collector, with a full collection at most this many
    #: seconds after the first page since the last one (``flaskui.collector``); 0 (the default,
    #: ``flaskui run`` uses 300) leaves the collector alone.
    gc_freeze_interval: float = _number(0.0, 0.0, unit="seconds")

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Settings:
        """The settings in ``config``; raises ``SettingsError`` for a value of the wrong type or out of range."""
        values: dict[str, Any] = {}
        for setting in fields(cls):
            key = "FLASKUI_" + setting.name.upper()
            if key in config:
                value = config[key]
                if setting.name == "allowed_origins":
                    values[setting.name] = _origins(key, value)
                else:
                    values[setting.name] = _checked_number(key, value, type(setting.default), setting.metadata)
        return cls(**values)


#: Every ``FLASKUI_`` key flaskui knows.
KEYS = frozenset({"FLASKUI_" + setting.name.upper() for setting in fields(Settings)} | OTHER_KEYS)


def check_config(config: Mapping[str, Any]) -> None:
    """Check ``config`` when the first flaskui Blueprint is registered, so a mistake shows at start.

    Raises ``SettingsError`` for a bad value; logs a warning for each unknown ``FLASKUI_`` key.
    """
    Settings.from_config(config)
    for key in config:
        if isinstance(key, str) and key.startswith("FLASKUI_") and key not in KEYS:
            # compared without the prefix, which every key shares and would make any two look alike
            close = difflib.get_close_matches(key[len("FLASKUI_"):], [k[len("FLASKUI_"):] for k in KEYS], n=1)
            hint = f"did you mean FLASKUI_{close[0]}?" if close else "the keys are listed in docs/settings.md"
            log.warning("app.config has %s, which is not a flaskui setting: %s", key, hint)


def _expected(kind: type, rule: Mapping[str, Any]) -> str:
    noun = "a whole number" if kind is int else "a number"
    unit = f" of {rule['unit']}" if rule["unit"] else ""
    return f"{noun}{unit} {'>' if rule['above'] else '>='} {rule['minimum']:g}"


def _invalid(key: str, value: object, expectation: str) -> SettingsError:
    return SettingsError(f"{key} is {value!r} ({type(value).__name__}): expected {expectation}")


def _checked_number(key: str, value: object, kind: type, rule: Mapping[str, Any]) -> int | float:
    # bool is an int to Python, but True as a timeout is a mistake; NaN would pass the range check
    if not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value):
        number = float(value)
        in_range = number > rule["minimum"] or (number == rule["minimum"] and not rule["above"])
        if in_range and (kind is float or number.is_integer()):
            return number if kind is float else int(value)  # 50e6 bytes is a whole number
    raise _invalid(key, value, _expected(kind, rule))


def _origins(key: str, value: object) -> tuple[str, ...]:
    origins = (value,) if isinstance(value, str) else value
    if not isinstance(origins, (list, tuple, set, frozenset)):
        raise _invalid(key, value, _ORIGINS)
    for origin in origins:
        if not (isinstance(origin, str) and _is_origin(origin)):
            raise _invalid(key, value, f"{_ORIGINS} ({origin!r} is not an origin: "
                                       "scheme://host[:port], without a path)")
    return tuple(origins)


def _is_origin(text: str) -> bool:
    """``"*"``, or ``scheme://host[:port]`` (a trailing slash is tolerated, as the origin check does)."""
    if text == "*":
        return True
    try:
        parts = urlsplit(text)
    except ValueError:  # an unclosed IPv6 bracket
        return False
    return bool(parts.scheme and parts.netloc) and parts.path in ("", "/") and not (parts.query or parts.fragment)
