"""``ui.table``: a Quasar table (https://quasar.dev/vue-components/table) whose rows change by diffs.

Adding, removing and changing rows sends only what changed, so a 10,000-row table stays cheap::

    table = ui.table(rows=[{"id": 1, "name": "Ada", "age": 36}], selection="multiple")
    table.add_row({"id": 2, "name": "Grace", "age": 45})     # one small splice op
    table.set_cell(2, "age", 46)                            # one nested-value op
    table.remove_rows([table.rows[0]])
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cmp_to_key
from typing import Any, Literal

from ..events import Handler, ValueChangeEventArguments
from ..shown import received, shown_text
from .synced_props import SyncedPropsElement

Row = dict[str, Any]
Opcode = Literal["replace", "delete", "insert", "equal"]


@dataclass
class TableSelectionEventArguments(ValueChangeEventArguments):
    """A selection change: ``value`` (also ``selection``) lists the selected rows."""

    @property
    def selection(self) -> list[Row]:
        return list(self.value or [])


class Table(SyncedPropsElement):
    """A table of rows (dicts) with sorting, pagination and selection.

    Args:
        rows: the rows; each needs a unique value under ``row_key``.
        columns: Quasar column definitions (``name``, ``label``, ``field``, ``sortable``, ``align`` ...);
            default: one column per key of the first row.
        column_defaults: merged into every column, e.g. ``{"sortable": True}``.
        row_key: the field that identifies a row.
        title: shown above the table.
        selection: ``"single"`` or ``"multiple"`` to show selection checkboxes.
        pagination: rows per page (0: all rows, the default) or a Quasar pagination dict,
            e.g. ``{"rowsPerPage": 10, "sortBy": "age", "descending": True}``.
        on_select: called with ``TableSelectionEventArguments`` when the user changes the selection.
        on_pagination_change: called with ``ValueChangeEventArguments`` when the user pages or sorts.

    Changes to ``rows`` made in place are not seen; use the methods, or call ``update()`` after.
    """

    def __init__(self, *, rows: list[Row], columns: list[dict[str, Any]] | None = None,
                 column_defaults: dict[str, Any] | None = None, row_key: str = "id", title: str | None = None,
                 selection: Literal["single", "multiple"] | None = None, pagination: int | dict[str, Any] | None = None,
                 on_select: Handler | None = None, on_pagination_change: Handler | None = None) -> None:
        super().__init__("q-table")
        if columns is None:
            columns = [{"name": key, "label": key, "field": key} for key in (rows[0] if rows else {})]
        self.props["columns"] = [{**(column_defaults or {}), **column} for column in columns]
        self.props["rows"] = rows
        self.props["row-key"] = row_key
        self.props["selection"] = selection or "none"
        if title is not None:
            self.props["title"] = title
        self._sync_prop("selected", [], on_select, TableSelectionEventArguments)
        page = pagination if isinstance(pagination, dict) else {"rowsPerPage": pagination or 0}
        self._sync_prop("pagination", page, on_pagination_change)

    # -- properties -----------------------------------------------------------------------------
    @property
    def rows(self) -> list[Row]:
        """The rows; assigning sends the difference to what the browser has (see ``update_rows``)."""
        rows: list[Row] = self.props["rows"]
        return rows

    @rows.setter
    def rows(self, rows: list[Row]) -> None:
        self.update_rows(rows, clear_selection=False)

    @property
    def columns(self) -> list[dict[str, Any]]:
        """The column definitions; assigning replaces them."""
        columns: list[dict[str, Any]] = self.props["columns"]
        return columns

    @columns.setter
    def columns(self, columns: list[dict[str, Any]]) -> None:
        self.props["columns"] = columns

    @property
    def row_key(self) -> str:
        return str(self.props["row-key"])

    @property
    def selected(self) -> list[Row]:
        """The selected rows; assigning selects those rows."""
        selected: list[Row] = self.props["selected"]
        return selected

    @selected.setter
    def selected(self, rows: list[Row]) -> None:
        self.props["selected"] = list(rows)

    @property
    def selection(self) -> str | None:
        """``"single"``, ``"multiple"`` or None (no selection)."""
        selection = self.props["selection"]
        return None if selection == "none" else str(selection)

    @selection.setter
    def selection(self, selection: Literal["single", "multiple"] | None) -> None:
        self.props["selection"] = selection or "none"

    @property
    def pagination(self) -> dict[str, Any]:
        """The Quasar pagination dict (page, rowsPerPage, sortBy, descending), as the user left it."""
        pagination: dict[str, Any] = self.props["pagination"]
        return pagination

    @pagination.setter
    def pagination(self, pagination: int | dict[str, Any]) -> None:
        self.props["pagination"] = pagination if isinstance(pagination, dict) else {"rowsPerPage": pagination}

    def on_select(self, handler: Handler) -> Table:
        """Also call ``handler`` when the user changes the selection."""
        self._on_prop_change("selected", handler)
        return self

    def on_pagination_change(self, handler: Handler) -> Table:
        """Also call ``handler`` when the user pages or sorts."""
        self._on_prop_change("pagination", handler)
        return self

    def _user_content(self) -> list[str]:
        """Its title, the column labels and the cells of the rows on the page shown."""
        shown = [*super()._user_content(), *(shown_text(column.get("label")) for column in self.columns)]
        fields = [column.get("field") for column in self.columns]
        return shown + [shown_text(None if field is None else row.get(field))
                        for row in self._rows_shown() for field in fields]

    def _rows_shown(self) -> list[Row]:
        """The rows on the page shown, sorted and paged as Quasar does by default (with
        ``rowsNumber`` the server pages: the rows are shown as they are)."""
        rows, pagination = self.rows, self.pagination
        if "rowsNumber" in pagination:
            return rows
        sort_by = pagination.get("sortBy")
        column = next((c for c in self.columns if c.get("name") == sort_by), None) if sort_by else None
        if column is not None and column.get("field") is not None:
            field, direction = column["field"], -1 if pagination.get("descending") else 1

            def by_field(a: Row, b: Row) -> int:   # Quasar's comparator turned round, not the result
                return direction * _quasar_order(a.get(field), b.get(field))

            rows = sorted(rows, key=cmp_to_key(by_field))
        per_page = int(pagination.get("rowsPerPage", (self.props.get("rows-per-page-options") or [5])[0]) or 0)
        if per_page <= 0:
            return rows
        start = (int(pagination.get("page") or 1) - 1) * per_page   # past the last page: no rows
        return rows[start:start + per_page] if start >= 0 else []

    # -- rows, sent as diffs ----------------------------------------------------------------------
    def add_row(self, row: Row) -> None:
        """Append one row."""
        self.add_rows([row])

    def add_rows(self, rows: Iterable[Row]) -> None:
        """Append rows."""
        self._splice(["rows"], len(self.rows), 0, list(rows))

    def remove_row(self, row: Row) -> None:
        """Remove the row with ``row``'s key."""
        self.remove_rows([row])

    def remove_rows(self, rows: Iterable[Row]) -> None:
        """Remove the rows with these rows' keys (one splice per run of neighbouring rows)."""
        keys = {row[self.row_key] for row in rows}
        index = len(self.rows)
        while index > 0:
            if self.rows[index - 1].get(self.row_key) not in keys:
                index -= 1
                continue
            end = index
            while index > 0 and self.rows[index - 1].get(self.row_key) in keys:
                index -= 1
            self._splice(["rows"], index, end - index, [])
        if any(row.get(self.row_key) in keys for row in self.selected):
            self.selected = [row for row in self.selected if row.get(self.row_key) not in keys]

    def set_cell(self, key: Any, column: str, value: Any) -> None:
        """Set the field ``column`` of the row whose ``row_key`` is ``key`` (one small op)."""
        self._set_path(["rows", self._index(key), column], value)

    def update_row(self, row: Row) -> None:
        """Replace the row that has ``row``'s key by ``row``."""
        self._set_path(["rows", self._index(row[self.row_key])], row)

    def update_rows(self, rows: list[Row], *, clear_selection: bool = True) -> None:
        """Replace the rows, sending only the difference: rows kept (by key) in order cost their
        changed cells, inserted and removed runs of rows are spliced.

        Args:
            rows: the new rows.
            clear_selection: also unselect every row.
        """
        old = self.rows
        opcodes = None if rows is old else self._diff(old, rows)
        if opcodes is None:
            self.props["rows"] = rows
        else:
            # Back to front, so the positions of the blocks still to do stay valid.
            for tag, i1, i2, j1, j2 in reversed(opcodes):
                if tag != "equal":
                    self._splice(["rows"], i1, i2 - i1, rows[j1:j2])
                    continue
                for offset in range(i2 - i1):
                    self._update_cells(i1 + offset, rows[j1 + offset])
        if clear_selection and self.selected:
            self.selected = []

    def _update_cells(self, index: int, row: Row) -> None:
        """Turn the row at ``index`` into ``row``: changed cells one by one, or the whole row if its fields differ."""
        current = self.rows[index]
        if current.keys() != row.keys():
            self._set_path(["rows", index], row)
            return
        for field, value in row.items():
            if current[field] != value:
                self._set_path(["rows", index, field], value)

    def _diff(self, old: list[Row], new: list[Row]) -> list[tuple[Opcode, int, int, int, int]] | None:
        """How to turn ``old`` into ``new`` by key, or None if a row has no hashable key."""
        try:
            keys = [row[self.row_key] for row in old], [row[self.row_key] for row in new]
            return SequenceMatcher(None, *keys, autojunk=False).get_opcodes()
        except (KeyError, TypeError):
            return None

    def _index(self, key: Any) -> int:
        for index, row in enumerate(self.rows):
            if row.get(self.row_key) == key:
                return index
        raise KeyError(f"no row with {self.row_key} = {key!r}")


def _quasar_order(a: Any, b: Any) -> int:
    """Quasar's default table sort, ascending: empty cells first (NaN and infinity arrive as
    null), then numbers by value (as doubles), yes/no values no before yes, anything else as
    lowercase text."""
    a, b = received(a), received(b)
    if a is None:
        return -1
    if b is None:
        return 1
    if isinstance(a, bool) and isinstance(b, bool):
        return int(a) - int(b)
    if _is_number(a) and _is_number(b):
        return int(float(a) > float(b)) - int(float(a) < float(b))
    a_text, b_text = shown_text(a).lower(), shown_text(b).lower()
    return (a_text > b_text) - (a_text < b_text)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
