"""Where the page's main thread spends a click, from Chromium's performance timeline, both frameworks.

    python benchmarks/click_trace.py [--page fanout|rtt] [--clicks 40] [--frameworks flaskui,nicegui]

Runs ``bench.py``'s click loop (click, wait until the target's text changes, click again) on
``/fanout`` (1000 labels, target the last) or ``/rtt`` (target the counter) with Chromium's tracing on,
then sums, per click, the renderer main thread's time in:

- the click's dispatch, and the style and layout it forces (Quasar's ripple, started inside the
  click, reads the button's position, so the previous click's changes are laid out right there;
  flaskui starts the ripple in the next frame instead, frontend/src/ripple.js);
- handling the server's message (the framework's code applying it, until the DOM changed);
- style and layout outside clicks, paint, JavaScript garbage collection, and idle.

Nested events are counted once (the time their spans cover). Tracing slows the page down: compare
the parts with each other, not the traced p50 with ``bench.py``'s.

Also prints the heaviest trace events by total time (nested events count separately). Traces stay
in ``--keep DIR`` if given. NiceGUI needs the venv ``bench.py`` creates.
"""
from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import CLICK_LOOP, Browser, Config, Server, close_page  # noqa: E402

TARGETS = {"fanout": ".bench-last", "rtt": ".bench-counter"}
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel"]


def main_thread_events(trace: dict[str, Any] | list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Complete ("X") and instant events of the page's renderer main thread, in time order."""
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    main = {(e["pid"], e["tid"]) for e in events
            if e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    picked = [e for e in events if (e.get("pid"), e.get("tid")) in main and e.get("ph") in ("X", "I", "i")]
    return sorted(picked, key=lambda e: e["ts"])


def covered(events: list[dict[str, Any]]) -> float:
    """Milliseconds covered by the events' spans, overlaps (nested events) counted once."""
    total, end = 0.0, float("-inf")
    for start, stop in sorted((e["ts"], e["ts"] + e["dur"]) for e in events):
        if stop > end:
            total += stop - max(start, end)
            end = stop
    return total / 1000


def within(events: list[dict[str, Any]], outer: list[dict[str, Any]]) -> list[dict[str, Any]]:
    spans = [(e["ts"], e["ts"] + e["dur"]) for e in outer]
    return [e for e in events if any(a <= e["ts"] < b for a, b in spans)]


def breakdown(events: list[dict[str, Any]], clicks: int) -> dict[str, float]:
    """Per-click milliseconds of the main thread by what it did (see the module docstring)."""
    spans = [e for e in events if e.get("ph") == "X" and "dur" in e]

    def named(*names: str) -> list[dict[str, Any]]:
        return [e for e in spans if e["name"] in names]

    dispatches = [e for e in named("EventDispatch") if (e["args"].get("data") or {}).get("type") == "click"]
    tasks = named("ThreadControllerImpl::RunTask")
    received = [e for e in events if e["name"] == "WebSocketReceive"]
    # A message's task runs the framework's code up to the DOM change, then (the click loop's
    # promise resolving in its microtasks) the next click: that click is counted as a click.
    message_tasks = [task for task in tasks if within(received, [task])]
    layout = named("Layout", "UpdateLayoutTree")
    forced = within(layout, dispatches)
    busy = covered(tasks)
    span = (max(e["ts"] + e["dur"] for e in spans) - min(e["ts"] for e in spans)) / 1000
    return {
        "click dispatch": covered(dispatches) / clicks,
        "  of which forced style+layout": covered(forced) / clicks,
        "message handling": (covered(message_tasks) - covered(within(dispatches, message_tasks))) / clicks,
        "style+layout outside clicks": (covered(layout) - covered(forced)) / clicks,
        "paint": covered(named("Paint")) / clicks,
        "garbage collection": covered(named("MajorGC", "MinorGC", "V8.GC_SCAVENGER", "V8.GC_MARK_COMPACTOR",
                                            "BlinkGC.AtomicPauseMarkEpilogue", "BlinkGC.CompleteSweep")) / clicks,
        "all tasks (busy)": busy / clicks,
        "idle": (span - busy) / clicks,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--page", choices=sorted(TARGETS), default="fanout")
    parser.add_argument("--clicks", type=int, default=40)
    parser.add_argument("--frameworks", default="flaskui,nicegui")
    parser.add_argument("--keep", help="folder to keep the JSON traces in")
    options = parser.parse_args()
    keep = Path(options.keep or tempfile.mkdtemp())
    keep.mkdir(parents=True, exist_ok=True)
    config = Config.make(quick=True)
    browser = Browser()
    try:
        for framework in options.frameworks.split(","):
            server = Server(framework, config, keep)
            try:
                page = browser.page(f"{server.url}/{options.page}")
                loop = {"btn": ".bench-btn", "target": TARGETS[options.page], "timeout": 10000}
                page.evaluate(CLICK_LOOP, {"n": 10, **loop})
                path = keep / f"trace-{framework}-{options.page}.json"
                browser.browser.start_tracing(page=page, path=str(path), categories=CATEGORIES)
                times = page.evaluate(CLICK_LOOP, {"n": options.clicks, **loop})
                browser.browser.stop_tracing()
                close_page(page)
            finally:
                server.stop()
            events = main_thread_events(json.loads(path.read_text()))
            print(f"\n{framework} /{options.page}: click -> change p50 {statistics.median(times):.2f} ms "
                  f"(traced, {options.clicks} clicks); main thread per click, ms:")
            for name, value in breakdown(events, options.clicks).items():
                print(f"  {name:32s} {value:7.2f}")
            heaviest: collections.Counter[str] = collections.Counter()
            for event in events:
                heaviest[event["name"]] += event.get("dur", 0) / 1000 / options.clicks
            print("  heaviest events (ms per click, nested ones count separately):")
            for name, value in heaviest.most_common(12):
                print(f"    {name:45s} {value:7.2f}")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
