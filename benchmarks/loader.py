"""Many protocol-level clients of one page, for the `clients` benchmark (runs in benchmarks/.venv-nicegui).

Both frameworks get the same client stack, asyncio + aiohttp, in one process:

- flaskui: GET the page (own cookie jar per client), open the page's websocket, send ``hello``
  (docs/architecture.md), count frames and ``ack`` every quarter window like flaskui's frames.js does.
- NiceGUI: GET the page, read ``client_id`` from it, connect python-socketio's AsyncClient to
  ``/_nicegui_ws/socket.io`` (websocket transport) with the query the browser sends
  (client_id, tab_id, document_id, next_message_id, implicit_handshake), count ``update``
  events, and ``ack`` every 3 s like nicegui.js does (so the server can prune its history).

Driven over stdin/stdout, one JSON line per answer:
    connect N   -> grow to N connected clients     {"connected": N, "seconds": s, "errors": e}
    stats       -> {"connected": N, "received": total messages, "errors": e}
    quit
"""
from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
import uuid

import aiohttp

STATE = re.compile(r'<script type="application/json" id="flaskui-state">(.*?)</script>', re.S)
FLASKUI_FRAME = re.compile(r'\{"t":"f","id":(\d+),')
NICEGUI_CLIENT_ID = re.compile(r"""['"]client_id['"]\s*:\s*['"]([0-9a-f-]+)['"]""")


class Loader:
    def __init__(self, framework: str, url: str, path: str) -> None:
        self.framework = framework
        self.url = url.rstrip("/")
        self.path = path
        self.received = 0
        self.errors = 0
        self.clients: list[object] = []
        self.sessions: list[aiohttp.ClientSession] = []
        self.tasks: list[asyncio.Task[None]] = []
        self.last_error = ""

    async def add_flaskui(self, index: int) -> None:
        session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.sessions.append(session)
        async with session.get(self.url + self.path) as response:
            html = await response.text()
        state = json.loads(STATE.search(html).group(1))  # type: ignore[union-attr]
        ws = await session.ws_connect(self.url.replace("http", "ws", 1) + state["ws"], origin=self.url,
                                      autoping=True, max_msg_size=0)
        await ws.send_str(json.dumps({"t": "hello", "client": state["client"], "tab": f"load-{index}",
                                      "last": state["frame"]}))
        first = json.loads((await ws.receive(timeout=10)).data)
        if first.get("t") != "hi":
            raise RuntimeError(f"handshake refused: {first}")
        self.clients.append(ws)
        # Trees before the window was announced in `hi` expected an ack per frame (tick_cpu.py compares trees).
        ack_every = max(1, first.get("window", 1) // 4)
        self.tasks.append(asyncio.create_task(self.read_flaskui(ws, state["frame"], ack_every)))

    async def read_flaskui(self, ws: aiohttp.ClientWebSocketResponse, acked: int, ack_every: int) -> None:
        async for message in ws:
            if message.type == aiohttp.WSMsgType.TEXT:
                frame = FLASKUI_FRAME.match(message.data)
                if frame:
                    self.received += 1
                    # like frames.js: acknowledge every quarter of the server's window of frames in flight
                    last = int(frame.group(1))
                    if last - acked >= ack_every:
                        await ws.send_str(f'{{"t":"ack","id":{last}}}')
                        acked = last
            else:
                break

    async def add_nicegui(self, index: int) -> None:
        import socketio

        session = aiohttp.ClientSession()
        self.sessions.append(session)
        async with session.get(self.url + self.path) as response:
            html = await response.text()
        client_id = NICEGUI_CLIENT_ID.search(html).group(1)  # type: ignore[union-attr]
        sio = socketio.AsyncClient(reconnection=False, http_session=session, ssl_verify=False)
        state = {"next": 0}

        def on_update(data: dict) -> None:
            self.received += 1
            state["next"] = int(data.get("_id", state["next"])) + 1

        sio.on("update", on_update)
        query = (f"client_id={client_id}&tab_id={uuid.uuid4()}&document_id={uuid.uuid4()}"
                 f"&next_message_id=0&implicit_handshake=true")
        await sio.connect(f"{self.url}/?{query}", socketio_path="/_nicegui_ws/socket.io",
                          transports=["websocket"], wait_timeout=10)
        self.clients.append(sio)

        async def ack() -> None:
            while sio.connected:
                await asyncio.sleep(3)
                await sio.emit("ack", {"client_id": client_id, "next_message_id": state["next"]})

        self.tasks.append(asyncio.create_task(ack()))

    async def grow(self, target: int) -> dict[str, object]:
        start = time.monotonic()
        limit = asyncio.Semaphore(16)
        add = self.add_flaskui if self.framework == "flaskui" else self.add_nicegui

        async def one(index: int) -> None:
            async with limit:
                try:
                    await asyncio.wait_for(add(index), 30)
                except Exception as error:  # counted and reported, never retried
                    self.errors += 1
                    self.last_error = repr(error)

        await asyncio.gather(*(one(i) for i in range(len(self.clients), target)))
        return {"connected": len(self.clients), "seconds": round(time.monotonic() - start, 3),
                "errors": self.errors, "last_error": self.last_error}

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
        for client in self.clients:
            try:
                if self.framework == "flaskui":
                    await asyncio.wait_for(client.close(), 2)  # type: ignore[attr-defined]
                else:
                    await asyncio.wait_for(client.disconnect(), 2)  # type: ignore[attr-defined]
            except Exception:
                pass
        for session in self.sessions:
            await session.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("framework", choices=["flaskui", "nicegui"])
    parser.add_argument("url")
    parser.add_argument("--path", default="/ticker")
    options = parser.parse_args()
    loader = Loader(options.framework, options.url, options.path)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    deadline = time.monotonic() + 3600  # never outlive a forgotten run
    while time.monotonic() < deadline:
        line = (await reader.readline()).decode().strip()
        if not line or line == "quit":
            break
        command, _, argument = line.partition(" ")
        if command == "connect":
            answer = await loader.grow(int(argument))
        elif command == "stats":
            answer = {"connected": len(loader.clients), "received": loader.received, "errors": loader.errors}
        else:
            answer = {"error": f"unknown command {line!r}"}
        print(json.dumps(answer), flush=True)
    await loader.close()


if __name__ == "__main__":
    asyncio.run(main())
