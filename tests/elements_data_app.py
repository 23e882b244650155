"""Pages with the data and chart elements, for tests/test_elements_data.py.

Handlers write what happened into labels, so tests read what a user sees.
"""
from __future__ import annotations

from typing import Any

from flask import Flask

import flaskui
from flaskui import EventArguments, ValueChangeEventArguments, ui
from flaskui.elements.echart import EChartPointClickEventArguments
from flaskui.elements.json_editor import JsonEditorChangeEventArguments
from flaskui.elements.table import TableSelectionEventArguments

PEOPLE = [{"id": 1, "name": "Ada", "age": 36}, {"id": 2, "name": "Grace", "age": 45},
          {"id": 3, "name": "Linus", "age": 28}, {"id": 4, "name": "Alan", "age": 41}]
NODES = [{"id": "fruits", "label": "Fruits", "children": [{"id": "apple", "label": "Apple"},
                                                          {"id": "pear", "label": "Pear"}]},
         {"id": "vegetables", "label": "Vegetables", "children": [{"id": "leek", "label": "Leek"}]}]
BIG = 10_000


def big_rows() -> list[dict[str, Any]]:
    return [{"id": i, "name": f"name {i}", "age": i % 90} for i in range(BIG)]


def line_options(points: int) -> dict[str, Any]:
    return {"animation": False, "xAxis": {"type": "value"}, "yAxis": {"type": "value"},
            "series": [{"type": "line", "name": "wave", "showSymbol": False,
                        "data": [[i, i % 10] for i in range(points)]}]}


def create_app() -> Flask:
    pages = flaskui.Blueprint("data_pages", __name__)

    @pages.page("/labels")
    def labels() -> None:
        ui.label("just text")
        ui.button("a button")

    @pages.page("/table")
    def table() -> None:
        columns = [{"name": "name", "label": "Name", "field": "name", "align": "left"},
                   {"name": "age", "label": "Age", "field": "age"}]
        people = ui.table(rows=[dict(row) for row in PEOPLE], columns=columns, column_defaults={"sortable": True},
                          title="People", selection="multiple", pagination=3)
        selection = ui.label("selected: -")
        paging = ui.label("page: 1")

        def show_selection(event: TableSelectionEventArguments) -> None:
            selection.text = "selected: " + ", ".join(row["name"] for row in event.selection)

        def show_page(event: ValueChangeEventArguments) -> None:
            paging.text = f"page: {event.value['page']}"

        people.on_select(show_selection).on_pagination_change(show_page)
        ui.button("add", on_click=lambda: people.add_row({"id": 5, "name": "Barbara", "age": 52}))
        ui.button("remove Ada", on_click=lambda: people.remove_row({"id": 1}))
        ui.button("age Grace", on_click=lambda: people.set_cell(2, "age", 99))
        ui.button("rename", on_click=lambda: people.update_rows(
            [{**row, "name": row["name"].upper()} if row["id"] == 3 else row for row in people.rows]))
        ui.button("select Grace", on_click=lambda: setattr(
            people, "selected", [row for row in people.rows if row["name"] == "Grace"]))

    @pages.page("/big-table")
    def big_table() -> None:
        table = ui.table(rows=big_rows(), pagination=10)
        ui.button("add", on_click=lambda: table.add_row({"id": BIG, "name": "new", "age": 1}))
        ui.button("change", on_click=lambda: table.set_cell(5000, "age", 99))
        ui.button("renew", on_click=lambda: table.update_rows(
            [{**row, "age": 0} if row["id"] == 7 else row for row in table.rows if row["id"] != 3]))

    @pages.page("/echart")
    def echart() -> None:
        chart = ui.echart(line_options(BIG)).mark("line")
        ui.button("append", on_click=lambda: chart.append([BIG, 5]))
        ui.button("slide", on_click=lambda: chart.append([BIG, 5], [BIG + 1, 6], max_points=BIG))
        ui.button("set point", on_click=lambda: chart.set_point(0, [0, 42]))

        def retitle() -> None:
            chart.options["title"] = {"text": "Waves"}
            chart.update()
            chart.append([BIG, 7])

        ui.button("retitle and append", on_click=retitle)
        clicked = ui.label("clicked: -")

        def show_click(event: EChartPointClickEventArguments) -> None:
            clicked.text = f"clicked: {event.series_name} {event.name} {event.value}"

        ui.echart({"animation": False, "xAxis": {"type": "category", "data": ["a", "b", "c"]},
                   "yAxis": {"type": "value"},
                   "tooltip": {":formatter": "p => 'value ' + p.value"},
                   "series": [{"type": "bar", "name": "sales", "data": [3, 5, 2]}]},
                  on_point_click=show_click).mark("bars")

    @pages.page("/aggrid")
    def aggrid() -> None:
        grid = ui.aggrid({"columnDefs": [{"field": "name"}, {"field": "age"}, {"field": "note"}],
                          "rowData": [{**row, "note": f"<b>{row['name']}</b>"} for row in PEOPLE],
                          "rowSelection": {"mode": "multiRow"}}, html_columns=[2])
        clicked = ui.label("cell: -")

        def show_cell(event: EventArguments) -> None:
            clicked.text = f"cell: {event.args[0]['colId']} {event.args[0]['value']}"

        grid.on("cellClicked", show_cell)

        def add() -> None:
            grid.options["rowData"].append({"name": "Barbara", "age": 52, "note": "new"})
            grid.update()

        ui.button("add", on_click=add)
        selected = ui.label("grid selected: -")

        def show_selected() -> None:
            grid.run_grid_method("selectAll")
            selected.text = "grid selected: " + ", ".join(row["name"] for row in grid.get_selected_rows())

        ui.button("select all", on_click=show_selected)

    @pages.page("/plotly")
    def plotly() -> None:
        figure = {"data": [{"type": "bar", "x": ["a", "b", "c"], "y": [1, 3, 2], "name": "counts"}],
                  "layout": {"title": {"text": "Counts"}, "width": 400, "height": 300}}
        plot = ui.plotly(figure)
        clicked = ui.label("plotly: -")
        plot.on("plotly_click", lambda e: setattr(clicked, "text", f"plotly: {e.args[0]['points'][0]['x']}"))

        def grow() -> None:
            plot.figure["data"][0]["y"] = [4, 4, 4]
            plot.figure["layout"]["title"]["text"] = "Grown"
            plot.update()

        ui.button("grow", on_click=grow)

    @pages.page("/pyplot")
    def pyplot() -> None:
        import matplotlib.pyplot as plt

        with ui.pyplot(figsize=(3, 2)).mark("pyplot"):
            plt.plot([1, 2, 3], [1, 4, 9], label="squares")
            plt.title("Squares")
        plot = ui.matplotlib(figsize=(3, 2)).mark("matplotlib")
        with plot.figure as figure:
            figure.gca().set_title("Empty")

        def draw() -> None:
            with plot.figure as figure:
                figure.gca().set_title("Drawn")

        ui.button("draw", on_click=draw)
        lines = ui.line_plot(n=2, limit=3, figsize=(3, 2)).with_legend(["up", "down"]).mark("lines")
        ui.button("push", on_click=lambda: lines.push([len(lines.x)], [[len(lines.x)], [-len(lines.x)]]))

    @pages.page("/tree")
    def tree() -> None:
        shown = ui.label("tree: -")

        def show(what: str) -> Any:
            return lambda event: setattr(shown, "text", f"{what}: {event.value}")

        nodes = ui.tree(NODES, on_select=show("selected"), on_expand=show("expanded"), on_tick=show("ticked"),
                        tick_strategy="leaf")
        ui.button("expand all", on_click=lambda: nodes.expand())
        ui.button("collapse fruits", on_click=lambda: nodes.collapse(["fruits"]))
        ui.button("tick pear", on_click=lambda: nodes.tick(["pear"]))

    @pages.page("/json")
    def json_editor() -> None:
        shown = ui.label("json: -")

        def show(event: JsonEditorChangeEventArguments) -> None:
            shown.text = f"json: {event.content}"

        editor = ui.json_editor({"content": {"json": {"name": "Ada", "langs": ["en"]}}}, on_change=show)
        ui.button("reset", on_click=lambda: setattr(editor, "content", {"json": {"name": "Grace"}}))

    @pages.page("/codemirror")
    def codemirror() -> None:
        shown = ui.label("code: -")
        editor = ui.codemirror("x = 1\n", language="python",
                               on_change=lambda event: setattr(shown, "text", f"code: {event.value!r}"))
        ui.button("set code", on_click=lambda: setattr(editor, "value", "x = 2\ny = 3\n"))
        ui.button("dark", on_click=lambda: setattr(editor, "theme", "oneDark"))

    @pages.page("/mermaid")
    def mermaid() -> None:
        diagram = ui.mermaid("graph LR\n  Start --> Stop")
        ui.button("grow", on_click=lambda: diagram.set_content("graph LR\n  Start --> Middle --> Finish"))
        ui.button("break", on_click=lambda: diagram.set_content("graph LR\n  Start -->"))

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "test"
    app.register_blueprint(pages)
    return app
