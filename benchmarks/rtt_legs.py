"""Where the time of one rtt click goes, leg by leg, in Chromium and flaskui's server.

    python benchmarks/rtt_legs.py [--clicks 150] [--rounds 2] [--load 500] [--repo DIR]

Serves ``apps/timed_app.py`` (``bench_app`` with its socket reads and writes timestamped) and runs
``bench.py``'s rtt loop on ``/rtt`` (click, wait until the counter's text changes, click again) in
four page variants, interleaved: as served; Quasar's ripple hidden (``.q-ripple{display:none}``);
the ripple shown but without transitions; the ripple started inside the click, as Quasar does
(flaskui starts it in the next frame). Per click it takes, from ``performance.timeOrigin +
performance.now()`` in the page and ``time.time()`` in the server (one machine, one clock):

- click -> ``ws.send``; ``ws.send`` -> the server's ``recv`` of the event; the server's ``recv`` ->
  its last ``send`` of the frame; that ``send`` -> the page's ``message`` event; ``message`` -> the
  counter's DOM change. The two legs that cross processes depend on the clocks agreeing, so their
  sum ("browser <-> socket") is given too.

``--load N`` first connects N loader clients of ``/ticker`` to the same server (``loader.py``, which
needs the NiceGUI venv ``bench.py`` creates), like ``bench.py``'s rtt under load. ``--repo`` serves
another flaskui checkout (e.g. a worktree of an older commit) to compare with.
"""
from __future__ import annotations

import argparse
import collections
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import (APPS, CONNECTED, Browser, Loader, child_env, close_page, free_port, http_get,  # noqa: E402
                   wait_until_serving)

# Page variants: CSS added to the page, or a script run before flaskui.js.
VARIANTS = {"as served": "", "ripple hidden": ".q-ripple{display:none}",
            "ripple without transitions": ".q-ripple__inner{transition:none!important}",
            "ripple in the click": "script"}
# Quasar's own ripple timing back (frontend/src/ripple.js defers the ripple to the next frame): an
# animation frame requested while a click is being dispatched runs at once, inside the click.
RIPPLE_IN_THE_CLICK = """
(() => {
  let clicking = false;
  addEventListener('click', () => { clicking = true; }, true);
  addEventListener('click', () => { clicking = false; });
  const request = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = callback => {
    if (!clicking) return request(callback);
    callback(performance.now());
    return 0;
  };
})();
"""

# Keeps the page's websocket reachable and stamps each incoming message before flaskui.js sees it.
SOCKET_HOOK = """
(() => {
  const Native = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    window.__ws = ws;
    ws.addEventListener('message', () => { window.__received = performance.timeOrigin + performance.now(); });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();
"""

# Like bench.CLICK_LOOP, also noting when the event left (ws.send) and the frame arrived (message).
CLICKS = """
async ({n}) => {
  const now = () => performance.timeOrigin + performance.now();
  const counter = document.querySelector('.bench-counter'), ws = window.__ws, send = ws.send;
  const times = [];
  let sent = null;
  ws.send = function (data) { if (sent === null) sent = now(); return send.call(this, data); };
  try {
    for (let i = 0; i < n; i++) {
      const before = counter.textContent;
      sent = null;
      times.push(await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no change in 10 s')), 10000);
        const clicked = now();
        const observer = new MutationObserver(() => {
          if (counter.textContent === before) return;
          observer.disconnect(); clearTimeout(timer);
          resolve([clicked, sent, window.__received, now()]);
        });
        observer.observe(document.body, {subtree: true, childList: true, characterData: true});
        document.querySelector('.bench-btn').click();
      }));
    }
  } finally { ws.send = send; }
  return times;
}
"""
LEGS = ("click -> ws.send", "ws.send -> server recv", "server recv -> send", "server send -> message",
        "message -> DOM", "browser <-> socket", "total")


def legs(clicks: list[list[float]], marks: list[list[Any]]) -> dict[str, list[float]]:
    """Per-click legs in ms; the page's socket is the one the server read most from."""
    fd = collections.Counter(m[3] for m in marks if m[0] == "r").most_common(1)[0][0]
    ours = [(kind, at * 1000) for kind, at, _, sock in marks if sock == fd]
    out: dict[str, list[float]] = {leg: [] for leg in LEGS}
    for clicked, sent, received, changed in clicks:
        reads = [at for kind, at in ours if kind == "r" and at >= sent - 0.3]
        if not reads:
            continue
        writes = [at for kind, at in ours if kind == "s" and reads[0] <= at <= received + 0.3]
        if not writes:
            continue
        read, written = reads[0], writes[-1]
        for leg, value in zip(LEGS, (sent - clicked, read - sent, written - read, received - written,
                                     changed - received, (read - sent) + (received - written), changed - clicked)):
            out[leg].append(value)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clicks", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--load", type=int, default=0, help="loader clients of /ticker connected meanwhile")
    parser.add_argument("--repo", help="flaskui checkout to serve (default: the installed one)")
    options = parser.parse_args()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = child_env(**({"PYTHONPATH": options.repo} if options.repo else {}))
    server = subprocess.Popen([sys.executable, "-m", "flaskui", "run", "timed_app:app", "--port", str(port)],
                              cwd=APPS, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    browser = loader = None
    results: dict[str, dict[str, list[float]]] = {v: {leg: [] for leg in LEGS} for v in VARIANTS}
    try:
        wait_until_serving(url + "/", server)
        if options.load:
            loader = Loader("flaskui", url)
            print(loader.ask(f"connect {options.load}"))
        browser = Browser()
        for _ in range(options.rounds):
            for variant, css in VARIANTS.items():
                context = browser.browser.new_context()
                context.add_init_script(SOCKET_HOOK)
                if css == "script":
                    context.add_init_script(RIPPLE_IN_THE_CLICK)
                page = context.new_page()
                page.goto(url + "/rtt")
                page.wait_for_function(CONNECTED, timeout=20000)
                if css and css != "script":
                    page.add_style_tag(content=css)
                try:
                    page.evaluate(CLICKS, {"n": 30})
                    http_get(url + "/_socket_marks")
                    clicks = page.evaluate(CLICKS, {"n": options.clicks})
                    marks = json.loads(http_get(url + "/_socket_marks")[1])
                finally:
                    close_page(page)
                for leg, values in legs(clicks, marks).items():
                    results[variant][leg].extend(values)
        print("median ms | " + " | ".join(LEGS))
        for variant, measured in results.items():
            print(f"{variant} | " + " | ".join(f"{statistics.median(v):.2f}" if v else "-" for v in measured.values()))
    finally:
        if loader is not None:
            loader.stop()
        if browser is not None:
            browser.close()
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
