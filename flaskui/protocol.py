"""Parsing and validating what a browser sends (docs/architecture.md, "Browser → server").

Every message is checked for its type, its exact set of keys and their types before anything acts
on it, and event arguments nest at most ``MAX_ARGS_DEPTH`` lists/objects deep; a bad one raises
``Refused`` with the reason the server logs and sends back::

    parse('{"t": "ev", "el": 3, "l": "1", "args": []}')   # -> Event(element=3, listener="1", args=[])
    parse('{"t": "ev", "el": 3, "l": "1", "args": [], "client": "x"}')   # Refused: unexpected key
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .errors import Refused

#: how deep lists and objects may nest in one event argument: handlers, the outbox's encoder and
#: the element values they set never meet deeper structures
MAX_ARGS_DEPTH = 64


@dataclass(frozen=True)
class Hello:
    client: str
    tab: str
    last: int


@dataclass(frozen=True)
class Event:
    element: int
    listener: str
    args: list[Any]


@dataclass(frozen=True)
class JavaScriptReply:
    id: int
    ok: bool
    value: Any


@dataclass(frozen=True)
class Resync:
    last: int


@dataclass(frozen=True)
class Ack:
    frame: int


Message = Hello | Event | JavaScriptReply | Resync | Ack

_KEYS = {
    "hello": {"t", "client", "tab", "last"},
    "ev": {"t", "el", "l", "args"},
    "resync": {"t", "last"},
    "ack": {"t", "id"},
}


def _require(condition: bool, reason: str) -> None:
    if not condition:
        raise Refused(reason)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _nests_within(values: list[Any], depth: int) -> bool:
    """Whether no value of ``values`` nests more than ``depth`` lists/objects deep (level by level,
    without recursion)."""
    level = values
    for _ in range(depth + 1):
        level = [child for value in level if isinstance(value, (list, dict))
                 for child in (value.values() if isinstance(value, dict) else value)]
        if not level:
            return True
    return False


def parse(raw: str | bytes) -> Message:
    """Turn one websocket text frame into a message, or raise ``Refused``."""
    _require(isinstance(raw, str), "binary frames are not accepted")
    try:
        data = json.loads(raw)
    except ValueError as error:
        raise Refused(f"malformed JSON: {error}") from None
    except RecursionError:   # the decoder nests one C call per level, up to the recursion limit
        raise Refused("JSON nested too deeply") from None
    _require(isinstance(data, dict), "a message must be a JSON object")
    kind = data.get("t")
    if kind == "js":
        _require(set(data) in ({"t", "id", "ok", "value"}, {"t", "id", "ok", "error"}),
                 "a js reply has exactly the keys t, id, ok and value or error")
        _require(_is_int(data["id"]) and isinstance(data["ok"], bool), "bad js reply fields")
        if data["ok"]:
            _require("value" in data, "a successful js reply carries a value")
            return JavaScriptReply(data["id"], True, data["value"])
        _require(isinstance(data.get("error"), str), "a failed js reply carries an error string")
        return JavaScriptReply(data["id"], False, data["error"])
    _require(isinstance(kind, str) and kind in _KEYS, f"unknown message type {kind!r}")
    extra = set(data) - _KEYS[kind]
    _require(not extra, f"unexpected keys in {kind!r} message: {sorted(extra)}")
    missing = _KEYS[kind] - set(data)
    _require(not missing, f"missing keys in {kind!r} message: {sorted(missing)}")
    if kind == "hello":
        _require(isinstance(data["client"], str) and isinstance(data["tab"], str) and _is_int(data["last"]),
                 "bad hello fields")
        return Hello(data["client"], data["tab"][:64], data["last"])
    if kind == "ev":
        _require(_is_int(data["el"]) and isinstance(data["l"], str) and isinstance(data["args"], list),
                 "bad event fields")
        _require(_nests_within(data["args"], MAX_ARGS_DEPTH),
                 f"event arguments nest more than {MAX_ARGS_DEPTH} lists/objects deep")
        return Event(data["el"], data["l"], data["args"])
    if kind == "ack":
        _require(_is_int(data["id"]), "bad ack fields")
        return Ack(data["id"])
    _require(_is_int(data["last"]), "bad resync fields")
    return Resync(data["last"])
