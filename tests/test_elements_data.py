"""The data and chart elements: table, aggrid, echart, plotly, pyplot, tree, json_editor,
codemirror and mermaid; their diffs on the wire, and heavy libraries loaded only where used."""
from __future__ import annotations

import io
import json
import re
import sys
from typing import Any, Iterator

import pytest
from flask import Flask
from playwright.sync_api import Locator, expect

from flaskui import ui
from flaskui.testing import LiveServer, ProtocolClient, Screen, User

from .elements_data_app import BIG, PEOPLE, create_app

LIBRARIES = ("echarts", "plotly", "ag-grid", "mermaid", "jsoneditor", "codemirror")
# Milliseconds to wait for a library's first drawing: plotly.min.js alone takes seconds to compile
# on a busy machine.
LOADING = 60_000


@pytest.fixture
def app() -> Flask:
    return create_app()


@pytest.fixture
def live(app: Flask) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server


def only(user: User, kind: type[ui.element], marker: str | None = None) -> Any:
    (element,) = user.find(kind=kind, marker=marker).elements
    return element


def names(rows: list[dict[str, Any]]) -> list[str]:
    return [row["name"] for row in rows]


# -- the simulated user ---------------------------------------------------------------------------------
def test_table_rows_selection_and_pagination(user: User) -> None:
    user.open("/table")
    table = only(user, ui.table)
    assert table.props["row-key"] == "id" and table.selection == "multiple"
    assert all(column["sortable"] for column in table.columns)
    assert table.pagination == {"rowsPerPage": 3}
    user.find("add").click()
    user.find("age Grace").click()
    user.find("rename").click()
    assert names(table.rows) == ["Ada", "Grace", "LINUS", "Alan", "Barbara"]
    assert table.rows[1]["age"] == 99
    user.find(kind=ui.table).trigger("update:selected", [[PEOPLE[0], PEOPLE[3]]])
    user.should_see("selected: Ada, Alan")
    user.find(kind=ui.table).trigger("update:pagination", [{"page": 2, "rowsPerPage": 3}])
    user.should_see("page: 2")
    user.find("remove Ada").click()
    assert names(table.rows) == ["Grace", "LINUS", "Alan", "Barbara"]
    assert names(table.selected) == ["Alan"]  # a removed row is no longer selected
    user.find("select Grace").click()
    assert names(table.selected) == ["Grace"]


def test_table_columns_default_to_the_first_row_and_cells_need_a_known_key(user: User) -> None:
    user.open("/big-table")
    table = only(user, ui.table)
    assert [column["field"] for column in table.columns] == ["id", "name", "age"]
    assert table.pagination == {"rowsPerPage": 10}
    with pytest.raises(KeyError, match="no row with id = 'nope'"):
        table.set_cell("nope", "age", 1)


def test_table_update_rows_without_keys_sends_them_whole(user: User) -> None:
    user.open("/table")
    table = only(user, ui.table)
    table.update_rows([{"name": "no key"}])
    assert table.rows == [{"name": "no key"}]


def test_echart_points_options_and_clicks(user: User) -> None:
    user.open("/echart")
    chart = only(user, ui.echart, "line")
    data = chart.options["series"][0]["data"]
    user.find("append").click()
    assert len(data) == BIG + 1 and data[-1] == [BIG, 5]
    user.find("slide").click()
    assert len(data) == BIG and data[-1] == [BIG + 1, 6]
    user.find("set point").click()
    assert chart.options["series"][0]["data"][0] == [0, 42]
    user.find(marker="bars").trigger("pointClick", [{"componentType": "series", "seriesType": "bar",
                                                     "seriesIndex": 0, "seriesName": "sales", "name": "b",
                                                     "dataIndex": 1, "data": 5, "dataType": None, "value": 5}])
    user.should_see("clicked: sales b 5")


def test_aggrid_events_and_grid_methods(user: User) -> None:
    user.javascript_rules[r'"selectAll"'] = None
    user.javascript_rules[r'"getSelectedRows"'] = [{"name": "Ada"}, {"name": "Grace"}]
    user.open("/aggrid")
    grid = only(user, ui.aggrid)
    assert grid.props["html-columns"] == [2] and grid.props["theme"] == "quartz"
    user.find(kind=ui.aggrid).trigger("cellClicked", [{"colId": "age", "value": 36, "rowIndex": 0}])
    user.should_see("cell: age 36")
    user.find("add").click()
    assert names(grid.options["rowData"])[-1] == "Barbara"
    user.find("select all").click()
    user.should_see("grid selected: Ada, Grace")


def test_plotly_figure_updates_and_events(user: User) -> None:
    user.open("/plotly")
    plot = only(user, ui.plotly)
    user.find("grow").click()
    assert plot.props["figure"]["data"][0]["y"] == [4, 4, 4]
    user.find(kind=ui.plotly).trigger("plotly_click", [{"points": [{"x": "b", "y": 3}]}])
    user.should_see("plotly: b")


def test_plotly_takes_figure_objects_with_to_json(user: User) -> None:
    class Figure:  # what plotly.graph_objects.Figure offers
        def to_json(self) -> str:
            return json.dumps({"data": [{"type": "scatter", "y": [1, 2]}]})

    user.open("/plotly")
    plot = only(user, ui.plotly)
    plot.update_figure(Figure())
    assert plot.props["figure"] == {"data": [{"type": "scatter", "y": [1, 2]}]}
    with pytest.raises(TypeError, match="dict or a plotly Figure"):
        plot.figure = [1, 2]


def test_pyplot_matplotlib_and_line_plot_show_svg(user: User) -> None:
    user.open("/pyplot")
    pyplot = only(user, ui.pyplot, "pyplot")
    assert pyplot.props["innerHTML"].startswith("<svg") and "Squares" in pyplot.props["innerHTML"]
    plot = only(user, ui.matplotlib, "matplotlib")
    assert "Empty" in plot.props["innerHTML"]
    user.find("draw").click()
    assert "Drawn" in plot.props["innerHTML"]
    lines = only(user, ui.line_plot, "lines")
    for _ in range(4):
        user.find("push").click()
    assert lines.x == [1, 2, 3] and lines.Y == [[1, 2, 3], [-1, -2, -3]]  # the last `limit` points
    lines.clear()
    assert lines.x == [] and lines.Y == [[], []]


def test_pyplot_without_matplotlib_names_the_extra(user: User, monkeypatch: pytest.MonkeyPatch) -> None:
    user.open("/labels")
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    assert user.client is not None
    with user.client.layout, pytest.raises(ImportError, match=re.escape("pip install 'flaskui[plot]'")):
        ui.pyplot()


def test_tree_selection_expansion_and_ticks(user: User) -> None:
    user.open("/tree")
    tree = only(user, ui.tree)
    user.find(kind=ui.tree).trigger("update:expanded", [["fruits"]])
    user.should_see("expanded: ['fruits']")
    user.find(kind=ui.tree).trigger("update:selected", ["apple"])
    user.should_see("selected: apple")
    user.find(kind=ui.tree).trigger("update:ticked", [["leek"]])
    user.should_see("ticked: ['leek']")
    user.find("expand all").click()
    assert tree.expanded == ["fruits", "apple", "pear", "vegetables", "leek"]
    user.find("collapse fruits").click()
    assert "fruits" not in tree.expanded
    user.find("tick pear").click()
    assert tree.ticked == ["leek", "pear"]
    tree.deselect()
    assert tree.selected is None


def test_json_editor_edits_reach_the_server(user: User) -> None:
    user.open("/json")
    editor = only(user, ui.json_editor)
    user.find(kind=ui.json_editor).trigger("change", [{"content": {"json": {"name": "Linus"}}, "errors": None}])
    user.should_see("json: {'json': {'name': 'Linus'}}")
    assert editor.content == {"json": {"name": "Linus"}}
    user.find("reset").click()
    assert editor.properties["content"] == {"json": {"name": "Grace"}}


def test_codemirror_value_language_and_theme(user: User) -> None:
    user.open("/codemirror")
    editor = only(user, ui.codemirror)
    assert editor.language == "Python" and editor.theme == "basicLight"
    user.find(kind=ui.codemirror).type("y")
    user.should_see("code: 'x = 1\\ny'")
    user.find("set code").click()
    user.should_see("code: 'x = 2\\ny = 3\\n'")
    user.find("dark").click()
    assert editor.props["theme"] == "oneDark"
    with pytest.raises(ValueError, match="unknown language 'cobol'"):
        editor.language = "cobol"


def test_mermaid_content(user: User) -> None:
    user.open("/mermaid")
    diagram = only(user, ui.mermaid)
    user.find("grow").click()
    assert diagram.content == "graph LR\n  Start --> Middle --> Finish"


# -- the wire: row and point changes are small patches ------------------------------------------------------
def click_and_read_frame(page: ProtocolClient, text: str) -> dict[str, Any]:
    page.click(page.find_text(text))
    return page.wait_for_message(lambda m: m["t"] == "f")


def test_table_changes_are_sent_as_row_diffs(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/big-table")
    page.connect()
    table_id = next(i for i, e in page.elements.items() if e["tag"] == "q-table")
    rows = page.elements[table_id]["props"]["rows"]

    frame = click_and_read_frame(page, "add")
    assert frame["ops"] == [["l", table_id, ["rows"], BIG, 0, [{"id": BIG, "name": "new", "age": 1}]]]
    frame = click_and_read_frame(page, "change")
    assert frame["ops"] == [["p", table_id, ["rows", 5000, "age"], 99]]
    frame = click_and_read_frame(page, "renew")
    assert frame["ops"] == [["p", table_id, ["rows", 7, "age"], 0], ["l", table_id, ["rows"], 3, 1, []]]
    assert len(rows) == BIG and rows[6] == {"id": 7, "name": "name 7", "age": 0}
    assert rows[5000 - 1]["age"] == 99 and rows[-1]["name"] == "new"


def test_echart_points_are_sent_as_patches(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/echart")
    page.connect()
    chart_id, chart = next((i, e) for i, e in page.elements.items() if "options" in e.get("props", {}))
    path = ["options", "series", 0, "data"]

    frame = click_and_read_frame(page, "append")
    assert frame["ops"] == [["l", chart_id, path, BIG, 0, [[BIG, 5]]]]
    frame = click_and_read_frame(page, "slide")
    assert frame["ops"] == [["l", chart_id, path, BIG + 1, 0, [[BIG, 5], [BIG + 1, 6]]],
                            ["l", chart_id, path, 0, 3, []]]
    frame = click_and_read_frame(page, "set point")
    assert frame["ops"] == [["p", chart_id, [*path, 0], [0, 42]]]
    # A whole update and a patch in one handler: the point arrives once.
    click_and_read_frame(page, "retitle and append")
    data = chart["props"]["options"]["series"][0]["data"]
    assert len(data) == BIG + 1 and data[-2:] == [[BIG + 1, 6], [BIG, 7]]
    assert chart["props"]["options"]["title"] == {"text": "Waves"}


# -- a real browser ---------------------------------------------------------------------------------------
def requested(screen: Screen, path: str) -> list[str]:
    urls: list[str] = []
    screen.page.on("request", lambda request: urls.append(request.url))
    screen.open(path)
    return urls


@pytest.mark.browser
def test_heavy_libraries_load_only_on_pages_that_use_them(screen: Screen) -> None:
    urls = requested(screen, "/labels")
    assert urls and not [url for url in urls if any(library in url for library in LIBRARIES)]
    urls = requested(screen, "/echart")
    expect(screen.page.locator("canvas").first).to_be_visible(timeout=LOADING)
    loaded = [url for url in urls if any(library in url for library in LIBRARIES)]
    assert loaded and all("echarts" in url for url in loaded)


# ECharts marks its containers; the line chart comes first on the page.
CHART = "(index => window.echarts?.getInstanceByDom(document.querySelectorAll('[_echarts_instance_]')[index]))"


def chart_has(screen: Screen, condition: str, index: int = 0) -> None:
    """Wait until ``condition`` (JavaScript about ``chart``, the ECharts instance) holds."""
    screen.page.wait_for_function(f"index => {{ const chart = {CHART}(index); return chart && ({condition}); }}",
                                  arg=index, timeout=LOADING)


@pytest.mark.browser
def test_table_in_the_browser(screen: Screen) -> None:
    screen.open("/table")
    rows = screen.page.locator("tbody tr")
    expect(rows).to_have_count(3)
    rows.nth(0).locator(".q-checkbox").click()
    screen.should_contain("selected: Ada")
    screen.page.locator("th").filter(has_text="Age").click()  # sort by age: Linus (28) first
    expect(rows.nth(0)).to_contain_text("Linus")
    screen.click("age Grace")
    screen.click("add")
    screen.page.get_by_role("button", name="Next page").click()
    screen.should_contain("page: 2")
    expect(screen.page.locator("tbody")).to_contain_text("Grace")
    expect(screen.page.locator("tbody")).to_contain_text("99")
    expect(screen.page.locator("tbody")).to_contain_text("Barbara")
    screen.click("select Grace")
    expect(screen.page.locator(".q-table__bottom")).to_contain_text("1 record selected")


@pytest.mark.browser
def test_echart_applies_patches_and_reports_clicks(screen: Screen) -> None:
    screen.open("/echart")
    data = "chart.getOption().series[0].data"
    chart_has(screen, f"{data}.length === {BIG}")
    screen.click("append")
    chart_has(screen, f"{data}.length === {BIG + 1}")
    screen.click("set point")
    chart_has(screen, f"{data}[0][1] === 42")
    chart_has(screen, "true", index=1)
    x, y = screen.page.evaluate(f"{CHART}(1).convertToPixel({{seriesIndex: 0}}, ['b', 2])")
    screen.page.locator("[_echarts_instance_]").nth(1).click(position={"x": x, "y": y})
    screen.should_contain("clicked: sales b 5")


@pytest.mark.browser
def test_aggrid_in_the_browser(screen: Screen) -> None:
    screen.open("/aggrid")
    expect(screen.page.locator(".ag-row")).to_have_count(4, timeout=LOADING)
    expect(screen.page.locator(".ag-cell b").first).to_have_text("Ada")  # an HTML column
    screen.page.locator(".ag-cell[col-id=age]").first.click()
    screen.should_contain("cell: age 36")
    screen.click("add")
    expect(screen.page.locator(".ag-row")).to_have_count(5)
    screen.click("select all")
    screen.should_contain("grid selected: Ada, Grace, Linus, Alan, Barbara")


@pytest.mark.browser
def test_plotly_in_the_browser(screen: Screen) -> None:
    screen.open("/plotly")
    expect(screen.page.locator(".main-svg").first).to_be_visible(timeout=LOADING)
    expect(screen.page.locator(".gtitle")).to_have_text("Counts")
    screen.click("grow")
    expect(screen.page.locator(".gtitle")).to_have_text("Grown")
    box = screen.page.locator(".point").nth(1).bounding_box()  # Plotly takes clicks on a layer above
    assert box is not None
    screen.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    screen.should_contain("plotly: b")


@pytest.fixture
def matplotlib_loaded() -> None:
    """Import pyplot and draw once: the first figure of a process takes seconds (font cache)."""
    import matplotlib.pyplot as plt

    figure = plt.figure()
    figure.savefig(io.StringIO(), format="svg")
    plt.close(figure)


@pytest.mark.browser
def test_pyplot_in_the_browser(screen: Screen, matplotlib_loaded: None) -> None:
    screen.open("/pyplot")
    expect(screen.page.locator("svg").first).to_be_visible()
    screen.click("draw")
    # Matplotlib draws text as paths; the SVG names each text in a comment.
    screen.page.wait_for_function("[...document.querySelectorAll('svg')].some(s => s.innerHTML.includes('Drawn'))")


@pytest.mark.browser
def test_tree_in_the_browser(screen: Screen) -> None:
    screen.open("/tree")
    screen.page.locator(".q-tree__arrow").first.click()
    screen.should_contain("expanded: ['fruits']")
    screen.page.get_by_text("Apple", exact=True).click()
    screen.should_contain("selected: apple")
    screen.click("tick pear")
    expect(screen.page.locator(".q-checkbox[aria-checked=true]")).to_have_count(1)
    screen.page.locator(".q-tree__node-header").filter(has_text="Apple").locator(".q-checkbox").click()
    screen.should_contain("ticked: ['pear', 'apple']")
    screen.click("expand all")
    screen.should_contain("Leek")


@pytest.mark.browser
def test_json_editor_in_the_browser(screen: Screen) -> None:
    screen.open("/json")
    value = screen.page.locator(".jse-value").filter(has_text="Ada")
    expect(value).to_be_visible(timeout=LOADING)
    value.dblclick()
    screen.page.keyboard.press("ControlOrMeta+a")
    screen.page.keyboard.type("Ada L.")
    screen.page.keyboard.press("Enter")
    screen.should_contain("json: {'json': {'name': 'Ada L.', 'langs': ['en']}}")
    screen.click("reset")
    expect(screen.page.locator(".jse-value").first).to_have_text("Grace")


def editor_text(screen: Screen) -> Locator:
    return screen.page.locator(".cm-content")


@pytest.mark.browser
def test_codemirror_in_the_browser(screen: Screen) -> None:
    screen.open("/codemirror")
    content = editor_text(screen)
    expect(content).to_contain_text("x = 1", timeout=LOADING)
    content.locator(".cm-line").first.click()
    screen.page.keyboard.press("End")
    screen.page.keyboard.type("0")
    screen.should_contain("code: 'x = 10\\n'")
    screen.click("set code")
    expect(content).to_contain_text("y = 3")
    screen.click("dark")
    expect(screen.page.locator(".cm-editor")).to_have_css("background-color", "rgb(40, 44, 52)")


@pytest.mark.browser
def test_mermaid_in_the_browser(screen: Screen) -> None:
    screen.open("/mermaid")
    expect(screen.page.locator("svg").filter(has_text="Stop")).to_be_visible(timeout=LOADING)
    screen.click("grow")
    expect(screen.page.locator("svg").filter(has_text="Middle")).to_be_visible()
    screen.click("break")
    expect(screen.page.locator("pre.text-negative")).to_contain_text("Parse error")
