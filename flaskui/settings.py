"""flaskui's settings, read once from ``app.config`` on first use.

Every key has a default; set any of them before the first request::

    app.config["FLASKUI_RECONNECT_TIMEOUT"] = 60
    app.config["FLASKUI_ALLOWED_ORIGINS"] = ["https://admin.example.com"]
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping


@dataclass(frozen=True)
class Settings:
    """The ``FLASKUI_*`` keys of ``app.config``, lower-cased without the prefix."""

    #: Origins allowed to open the websocket besides the page's own (``"*"``: any).
    allowed_origins: tuple[str, ...] = ()
    #: Seconds a disconnected client is kept for its tab to reconnect.
    reconnect_timeout: float = 30.0
    #: Seconds a client whose page was fetched but never connected is kept.
    prune_timeout: float = 15.0
    #: Seconds the browser has for its handshake, and a page function for ``connected()``.
    handshake_timeout: float = 10.0
    #: Frames kept per client for replay after a reconnect.
    history_max_frames: int = 1000
    #: Seconds a frame is kept for replay; a longer gap is answered with a snapshot.
    history_max_age: float = 30.0
    #: Largest browser → server message in bytes (larger: close 1009).
    max_message_size: int = 1024 * 1024
    #: Handlers of one client running at once; further events queue.
    max_running_handlers: int = 32
    #: Events of one client waiting for a handler slot; further events are refused.
    max_pending_events: int = 256
    #: Frames sent ahead of what the tab acknowledged as rendered; further changes coalesce meanwhile.
    frames_in_flight: int = 128
    #: Seconds to wait for a tab's acknowledgement before sending anyway.
    ack_timeout: float = 5.0
    #: Seconds between websocket pings (a peer that stops answering is closed); 0 disables.
    ping_interval: float = 20.0
    #: Largest upload in bytes (all files of one request) where ``ui.upload`` sets no ``max_total_size``.
    max_upload_size: int = 100 * 1024 * 1024
    #: Freeze each built page out of the garbage collector, with a full collection at most this many
    #: seconds after the first page since the last one (``flaskui.collector``); 0 (the default,
    #: ``flaskui run`` uses 300) leaves the collector alone.
    gc_freeze_interval: float = 0.0

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Settings:
        values: dict[str, Any] = {}
        for field in fields(cls):
            key = "FLASKUI_" + field.name.upper()
            if key in config:
                value = config[key]
                if field.name == "allowed_origins":
                    value = (value,) if isinstance(value, str) else tuple(value)
                values[field.name] = value
        return cls(**values)
