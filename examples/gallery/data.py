"""Data and charts: table, aggrid, echart, plotly, pyplot, matplotlib, line plot, tree, JSON editor,
code editor, mermaid."""
from __future__ import annotations

import math

from flaskui import ui

from . import demo


@demo("Table")
def table() -> None:
    people = ui.table(rows=[{"id": 1, "name": "Ada", "age": 36}, {"id": 2, "name": "Grace", "age": 45}],
                      column_defaults={"sortable": True}, selection="multiple", pagination=5,
                      on_select=lambda e: ui.notify(f"selected: {[row['name'] for row in e.selection]}"))
    ui.button("Add a row", on_click=lambda: people.add_row({"id": len(people.rows) + 1, "name": "Linus", "age": 28}))
    ui.button("Birthday of Ada", on_click=lambda: people.set_cell(1, "age", people.rows[0]["age"] + 1))


@demo("AG Grid")
def aggrid() -> None:
    grid = ui.aggrid({
        "columnDefs": [{"field": "name", "filter": True}, {"field": "age", ":valueFormatter": "p => p.value + ' y'"}],
        "rowData": [{"name": "Ada", "age": 36}, {"name": "Grace", "age": 45}, {"name": "Linus", "age": 28}],
        "rowSelection": {"mode": "multiRow"},
    }).style("width: 360px")
    grid.on("cellClicked", lambda e: ui.notify(f"{e.args[0]['colId']}: {e.args[0]['value']}"))


@demo("ECharts")
def echart() -> None:
    chart = ui.echart({
        "xAxis": {"type": "value"}, "yAxis": {"type": "value"}, "tooltip": {"trigger": "axis"},
        "series": [{"type": "line", "name": "sine", "data": [[x, math.sin(x / 5)] for x in range(100)]}],
    }, on_point_click=lambda e: ui.notify(f"{e.series_name}: {e.value}")).style("width: 360px")

    def next_point() -> None:
        x = chart.options["series"][0]["data"][-1][0] + 1
        chart.append([x, math.sin(x / 5)], max_points=100)  # sends the new point only, drops the oldest

    ui.button("Next point", on_click=next_point)


@demo("Plotly")
def plotly() -> None:
    ui.plotly({"data": [{"type": "bar", "x": ["a", "b", "c"], "y": [3, 5, 2]}],
               "layout": {"width": 340, "height": 240, "margin": {"t": 20, "b": 30, "l": 30, "r": 10}}})


@demo("Pyplot", requires="matplotlib")
def pyplot() -> None:
    import matplotlib.pyplot as plt

    with ui.pyplot(figsize=(3, 2)):
        plt.plot([1, 2, 3, 4], [1, 4, 9, 16], "o-")
        plt.title("Squares")


@demo("Matplotlib figure", requires="matplotlib")
def matplotlib() -> None:
    plot = ui.matplotlib(figsize=(3, 2))

    def draw(frequency: int) -> None:
        with plot.figure as figure:
            figure.clear()
            figure.gca().plot([math.sin(frequency * x / 20) for x in range(100)])

    draw(1)
    ui.button("Faster", on_click=lambda: draw(3))


@demo("Line plot", requires="matplotlib")
def line_plot() -> None:
    lines = ui.line_plot(n=2, limit=30, figsize=(3, 2)).with_legend(["sin", "cos"], loc="upper right")

    def push() -> None:
        t = lines.push_counter
        lines.push([t], [[math.sin(t / 3)], [math.cos(t / 3)]])

    ui.button("Push", on_click=push)


@demo("Tree")
def tree() -> None:
    ui.tree([{"id": "fruits", "label": "Fruits", "children": [{"id": "apple", "label": "Apple"},
                                                              {"id": "pear", "label": "Pear"}]},
             {"id": "vegetables", "label": "Vegetables", "children": [{"id": "leek", "label": "Leek"}]}],
            on_select=lambda e: ui.notify(f"selected: {e.value}")).expand(["fruits"])


@demo("JSON editor")
def json_editor() -> None:
    ui.json_editor({"content": {"json": {"name": "Ada", "languages": ["en", "fr"], "active": True}}},
                   on_change=lambda e: ui.notify(f"now: {e.content}")).style("width: 360px")


@demo("Code editor")
def codemirror() -> None:
    code = ui.codemirror("def greet(name):\n    return f'Hello, {name}!'\n", language="Python")
    code.style("width: 360px")
    ui.button("Dark", on_click=lambda: setattr(code, "theme", "oneDark"))


@demo("Mermaid")
def mermaid() -> None:
    diagram = ui.mermaid("graph LR\n  Browser -- events --> Flask\n  Flask -- diffs --> Browser")
    ui.button("Add a database", on_click=lambda: diagram.set_content(diagram.content + "\n  Flask --> Database"))
