"""Bytes on the websocket for small changes of big data elements (not a test; numbers go to RESULTS.md).

    python benchmarks/table_bytes.py

A browserless tab (``ProtocolClient``) on a live server clicks buttons that add one row to and
change one cell of a 10,000-row table, and append one point to a 10,000-point chart; each frame's
JSON length is what the websocket carried. The whole element's JSON length is printed for scale.
"""
from __future__ import annotations

import json
from typing import Any

from flask import Flask

import flaskui
from flaskui import ui
from flaskui.testing import LiveServer, ProtocolClient

SIZE = 10_000


def create_app() -> Flask:
    pages = flaskui.Blueprint("bytes", __name__)

    @pages.page("/")
    def index() -> None:
        table = ui.table(rows=[{"id": i, "name": f"name {i}", "age": i % 90} for i in range(SIZE)], pagination=10)
        chart = ui.echart({"xAxis": {"type": "value"}, "yAxis": {"type": "value"},
                           "series": [{"type": "line", "data": [[i, i % 10] for i in range(SIZE)]}]})
        ui.button("add row", on_click=lambda: table.add_row({"id": SIZE, "name": "new", "age": 1}))
        ui.button("change cell", on_click=lambda: table.set_cell(5000, "age", 99))
        ui.button("append point", on_click=lambda: chart.append([SIZE, 5]))

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "benchmark"
    app.register_blueprint(pages)
    return app


def element_bytes(page: ProtocolClient, tag: str) -> int:
    element: dict[str, Any] = next(e for e in page.elements.values() if e["tag"] == tag)
    return len(json.dumps(element, separators=(",", ":")))


def main() -> None:
    with LiveServer(create_app()) as server:
        page = ProtocolClient(server.url).open("/")
        page.connect()
        assert ui.echart.component is not None
        sizes = {"10,000-row table": element_bytes(page, "q-table"),
                 "10,000-point echart": element_bytes(page, ui.echart.component.name)}
        print("| change | frame bytes | the whole element |")
        print("| --- | --- | --- |")
        for button, element in (("add row", "10,000-row table"), ("change cell", "10,000-row table"),
                                ("append point", "10,000-point echart")):
            page.click(page.find_text(button))
            frame = page.wait_for_message(lambda m: m["t"] == "f")
            size = len(json.dumps(frame, separators=(",", ":"), ensure_ascii=False))
            print(f"| {button} ({element}) | {size} | {sizes[element]:,} |")


if __name__ == "__main__":
    main()
