"""Outbox, Client and JavaScript requests, driven in-process with an in-memory transport."""
from __future__ import annotations

import contextvars
import json
from typing import Any, Callable, Iterator

import gevent
import gevent.event
import greenlet
import pytest
from flask import Flask

import flaskui
from flaskui import runners, ui
from flaskui.client import Client, Refused
from flaskui.events import ValueChangeEventArguments
from flaskui.javascript import JavaScriptError
from flaskui.outbox import _longest_kept_order
from flaskui.runtime import Runtime


class MemoryTransport:
    """Records what the server sends; acknowledges frames like a tab that renders at once."""

    def __init__(self, client: Client | None = None) -> None:
        self.client = client
        self.sent: list[dict[str, Any]] = []
        self.closed: tuple[int, str] | None = None

    def send(self, text: str) -> None:
        message = json.loads(text)
        self.sent.append(message)
        if self.client is not None and message["t"] == "f":
            self.client.outbox.acknowledge(message["id"])

    def receive(self, timeout: float | None) -> str | None:
        return None

    def close(self, code: int = 1000, reason: str = "") -> None:
        self.closed = (code, reason)

    def frames(self) -> list[dict[str, Any]]:
        gevent.idle()  # let the outbox greenlet flush
        return [m for m in self.sent if m["t"] == "f"]


@pytest.fixture
def app() -> Flask:
    app = Flask(__name__)
    app.config.update(SECRET_KEY="unit", FLASKUI_HISTORY_MAX_FRAMES=3, FLASKUI_FRAMES_IN_FLIGHT=2)
    app.register_blueprint(flaskui.Blueprint("pages", __name__))
    return app


@pytest.fixture
def client(app: Flask) -> Iterator[Client]:
    with app.app_context():
        client = Client(Runtime.of(app), browser_id="b")
        Runtime.of(app).clients.add(client)
        yield client
        client.delete()


def connect(client: Client, last: int = 0, acknowledge: bool = True) -> MemoryTransport:
    transport = MemoryTransport(client if acknowledge else None)
    client.outbox.start_recording()
    client.handle_handshake(transport, "tab", last)
    return transport


def test_changes_are_coalesced_into_one_update(client: Client) -> None:
    with client.ui_context():
        label = ui.label("a")
    transport = connect(client)
    for text in "bcd":
        label.text = text
    label.classes("x")
    label.props["title"] = "t"
    label.props["title"] = "u"
    (frame,) = transport.frames()
    assert frame["ops"] == [["u", label.id, {"text": "d", "classes": ["x"], "props": {"title": "u"}}]]


def test_classes_edited_like_a_list_are_sent(client: Client) -> None:
    with client.ui_context():
        row = ui.row(wrap=False)
    transport = connect(client)
    assert list(row.classes) == ["flaskui-row", "no-wrap"] and row.classes[:1] == ["flaskui-row"]
    row.classes.append("gap-4")
    del row.classes[1]
    row.classes[0] = "wide"
    row.classes.insert(0, "first")
    (frame,) = transport.frames()
    assert frame["ops"] == [["u", row.id, {"classes": ["first", "wide", "gap-4"]}]]
    assert list(row.classes) == ["first", "wide", "gap-4"]


def test_removed_prop_is_sent_as_unset(client: Client) -> None:
    with client.ui_context():
        button = ui.button("b")
    transport = connect(client)
    button.props(remove="no-caps")
    assert transport.frames()[0]["ops"] == [["u", button.id, {"unset": ["no-caps"]}]]


def test_new_subtree_is_one_insert_with_current_state(client: Client) -> None:
    transport = connect(client)
    with client.ui_context():
        with ui.card() as card:
            inner = ui.label("first")
        inner.text = "second"
    (frame,) = transport.frames()
    assert frame["ops"] == [["a", client.content.id, None, card.id, {
        str(card.id): {"tag": "q-card", "classes": ["flaskui-card"], "children": [inner.id]},
        str(inner.id): {"tag": "div", "text": "second"},
    }]]


def test_element_created_and_deleted_in_one_window_sends_nothing(client: Client) -> None:
    transport = connect(client)
    with client.ui_context():
        ui.label("ghost").delete()
    assert transport.frames() == []


def test_move_between_parents_and_clear(client: Client) -> None:
    with client.ui_context():
        left, right = ui.column(), ui.column()
        with left:
            a = ui.label("a")
            b = ui.label("b")
    transport = connect(client)
    a.move(right)
    left.clear()
    (frame,) = transport.frames()
    assert frame["ops"] == [["m", a.id, right.id, None], ["d", left.id, b.id]]
    assert b.id not in client.elements


def test_reorder_moves_the_fewest_elements(client: Client) -> None:
    with client.ui_context():
        with ui.column() as column:
            labels = [ui.label(str(i)) for i in range(6)]
    transport = connect(client)
    labels[5].move(column, 0)
    labels[2].move(column, 6)
    ops = transport.frames()[0]["ops"]
    assert sorted(op[1] for op in ops) == sorted([labels[5].id, labels[2].id])


def test_longest_kept_order() -> None:
    assert _longest_kept_order([1, 2, 3, 4], [4, 1, 2, 3]) == {1, 2, 3}
    assert _longest_kept_order([1, 2, 3], [3, 2, 1]) in ({1}, {2}, {3})
    assert _longest_kept_order([], []) == set()


def test_message_cuts_the_changes_before_it(client: Client) -> None:
    with client.ui_context():
        label = ui.label("a")
    transport = connect(client)
    with client.ui_context():
        label.text = "b"
        ui.notify("n")
        label.text = "c"
    (frame,) = transport.frames()
    assert [op[0] for op in frame["ops"]] == ["u", "n", "u"]


def test_frames_are_numbered_and_replayed_from_history(client: Client) -> None:
    with client.ui_context():
        label = ui.label("0")
    first = connect(client)
    for i in range(1, 4):
        label.text = str(i)
        first.frames()
    assert [f["id"] for f in first.frames()] == [1, 2, 3]
    client.handle_disconnect(first)
    label.text = "4"
    gevent.idle()
    second = MemoryTransport(client)
    client.handle_handshake(second, "tab", 2)
    assert second.sent[0] == {"t": "hi", "frame": 4, "window": 2}
    assert [m["id"] for m in second.sent[1:]] == [3, 4]


def test_gap_older_than_history_gets_snapshot(client: Client) -> None:
    with client.ui_context():
        label = ui.label("0")
    first = connect(client)
    for i in range(1, 6):
        label.text = str(i)
        first.frames()
    second = MemoryTransport(client)
    client.handle_handshake(second, "tab", 1)
    snapshot = second.sent[1]
    assert snapshot["t"] == "snap" and snapshot["id"] == 5
    assert snapshot["elements"][str(label.id)]["text"] == "5"
    assert first.closed == (1000, "replaced by a newer connection of this tab")


def test_other_tab_cannot_take_a_connected_client(client: Client) -> None:
    connect(client)
    with pytest.raises(Refused, match="another tab"):
        client.handle_handshake(MemoryTransport(), "other-tab", 0)


def test_unknown_element_and_listener_are_refused(client: Client) -> None:
    with client.ui_context():
        button = ui.button("b", on_click=lambda: None)
    with pytest.raises(Refused, match="unknown element 99"):
        client.handle_event(99, "1", [])
    with pytest.raises(Refused, match="unknown listener"):
        client.handle_event(button.id, "nope", [])


def test_event_backlog_is_bounded(app: Flask) -> None:
    app.config.update(FLASKUI_MAX_RUNNING_HANDLERS=1, FLASKUI_MAX_PENDING_EVENTS=2)
    with app.app_context():
        client = Client(Runtime.of(app), browser_id="b")
        with client.ui_context():
            button = ui.button("b", on_click=lambda: gevent.sleep(10))
        listener = next(iter(button.listeners))
        for _ in range(3):
            client.handle_event(button.id, listener, [])
        with pytest.raises(Refused, match="too many pending events"):
            client.handle_event(button.id, listener, [])
        client.delete()


def test_value_change_handlers_run_in_the_order_of_the_changes(client: Client) -> None:
    """A slow handler of an older value finishes before a newer value's handler starts; other
    elements' handlers do not wait for it."""
    release, done = gevent.event.Event(), gevent.event.Event()
    seen: list[str] = []

    def slow_then_fast(event: ValueChangeEventArguments) -> None:
        if event.value == "a":
            release.wait(5)
        seen.append(event.value)
        shown.text = event.value
        if len(seen) == 3:
            done.set()

    with client.ui_context():
        shown = ui.label("")
        field = ui.input(on_change=slow_then_fast)
        other = ui.input(on_change=lambda event: (seen.append(f"other {event.value}"), release.set()))
    update = next(key for key, listener in field.listeners.items() if listener.type == "update:modelValue")
    other_update = next(key for key, listener in other.listeners.items() if listener.type == "update:modelValue")
    client.handle_event(field.id, update, ["a"])
    client.handle_event(field.id, update, ["ab"])
    client.handle_event(other.id, other_update, ["x"])   # runs at once, and lets "a" finish
    assert done.wait(5)
    assert seen == ["other x", "a", "ab"]
    assert shown.text == "ab"


def test_values_waiting_in_order_count_towards_the_backlog(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    app.config.update(FLASKUI_MAX_RUNNING_HANDLERS=4, FLASKUI_MAX_PENDING_EVENTS=2)
    release, clicked = gevent.event.Event(), gevent.event.Event()
    handled: list[str] = []

    def slow(event: ValueChangeEventArguments) -> None:
        release.wait(5)
        handled.append(event.value)

    with app.app_context():
        client = Client(Runtime.of(app), browser_id="b")
        with client.ui_context():
            field = ui.input(on_change=slow)
            button = ui.button("b", on_click=clicked.set)
        update = next(key for key, listener in field.listeners.items() if listener.type == "update:modelValue")
        for value in ("a", "ab", "abc"):   # one runs, two wait behind it
            client.handle_event(field.id, update, [value])
        assert not caplog.records
        client.handle_event(field.id, update, ["abcd"])   # the value is kept, its handler is not run
        assert field.value == "abcd"
        assert "<Input #" in caplog.text and "2 events are pending, so " in caplog.text
        assert "slow is not run" in caplog.text
        client.handle_event(button.id, next(iter(button.listeners)), [])   # it need not wait: it runs
        assert clicked.wait(5)
        release.set()
        with gevent.Timeout(5):
            while len(handled) < 3:
                gevent.sleep(0.01)
            client.handle_event(field.id, update, ["abcde"])   # the line has drained: there is room again
            while len(handled) < 4:
                gevent.sleep(0.01)
        assert handled == ["a", "ab", "abc", "abcde"]
        client.delete()


def test_a_value_line_waits_its_turn_behind_other_events(app: Flask) -> None:
    """With every handler slot busy, events run in the order they came; the next change of a value
    waits for its previous one, then for the events that came before it, and does not take the
    slot its previous change frees."""
    app.config.update(FLASKUI_MAX_RUNNING_HANDLERS=1)
    release, done = gevent.event.Event(), gevent.event.Event()
    order: list[str] = []
    with app.app_context():
        client = Client(Runtime.of(app), browser_id="b")
        with client.ui_context():
            blocker = ui.button("blocker", on_click=lambda: (release.wait(5), order.append("blocker")))
            field = ui.input(on_change=lambda event: order.append(f"value {event.value}"))
            other = ui.button("other", on_click=lambda: order.append("other"))
            last = ui.button("last", on_click=lambda: (order.append("last"), done.set()))
        update = next(key for key, listener in field.listeners.items() if listener.type == "update:modelValue")
        click = next(iter(blocker.listeners))
        client.handle_event(blocker.id, click, [])
        client.handle_event(field.id, update, ["a"])
        client.handle_event(other.id, next(iter(other.listeners)), [])
        client.handle_event(field.id, update, ["ab"])
        client.handle_event(last.id, next(iter(last.listeners)), [])
        release.set()
        assert done.wait(5)
        assert order == ["blocker", "value a", "other", "value ab", "last"]   # as they came
        client.delete()


def test_javascript_result_error_and_timeout(client: Client) -> None:
    transport = connect(client)
    with client.ui_context():
        ok = ui.run_javascript("1 + 1")
        failing = ui.run_javascript("x")
        silent = ui.run_javascript("never")
    ops = transport.frames()[0]["ops"]
    assert ops == [["js", ok.id, "1 + 1"], ["js", failing.id, "x"], ["js", silent.id, "never"]]
    client.handle_javascript_response(ok.id, True, 2)
    client.handle_javascript_response(failing.id, False, "ReferenceError: x is not defined")
    assert ok.result() == 2
    with pytest.raises(JavaScriptError, match="ReferenceError: x is not defined"):
        failing.result()
    with pytest.raises(TimeoutError, match="no reply"):
        silent.result(timeout=0.01)
    with pytest.raises(Refused, match="unknown JavaScript request"):
        client.handle_javascript_response(ok.id, True, 3)


def test_deleted_client_fails_pending_javascript_and_stops_timers(client: Client) -> None:
    connect(client)
    ticks: list[int] = []
    with client.ui_context():
        request = ui.run_javascript("1")
        timer = ui.timer(0.001, lambda: ticks.append(1))
    with gevent.Timeout(5):
        while len(ticks) < 2:
            gevent.sleep(0.001)
    client.delete()
    with pytest.raises(TimeoutError, match="deleted"):
        request.result()
    ticked = len(ticks)
    gevent.sleep(0.05)  # fifty intervals: a timer that still ran would have ticked
    assert timer.deleted and len(ticks) == ticked


_LEFT_BY_A_TICK: contextvars.ContextVar[str] = contextvars.ContextVar("left_by_a_tick")


def wait_until(condition: Callable[[], bool], seconds: float = 5) -> None:
    with gevent.Timeout(seconds):
        while not condition():
            gevent.sleep(0.001)


def test_timers_of_two_clients_tick_in_their_own_contexts(app: Flask, client: Client) -> None:
    other = Client(Runtime.of(app), browser_id="b2")
    Runtime.of(app).clients.add(other)
    seen: list[tuple[bool, str | None]] = []
    labels = {}
    transports = {}
    for each in (client, other):
        transports[each] = connect(each)
        with each.ui_context():
            label = labels[each] = ui.label("0")

            def tick(each: Client = each, label: Any = label) -> None:
                seen.append((ui.context.client is each, _LEFT_BY_A_TICK.get(None)))
                _LEFT_BY_A_TICK.set("leaked")   # the next tick, in a reused greenlet, must not see it
                label.text = str(int(label.text) + 1)

            ui.timer(0.001, tick)
    try:
        wait_until(lambda: all(int(label.text) >= 20 for label in labels.values()))
    finally:
        other.delete()
    assert seen and all(seen_own and left is None for seen_own, left in seen)
    for each, transport in transports.items():
        texts = [op[2]["text"] for frame in transport.frames() for op in frame["ops"] if op[1] == labels[each].id]
        assert texts[:3] == ["1", "2", "3"]


def test_deleting_a_timer_ends_its_blocked_callback_and_spares_the_others(client: Client) -> None:
    connect(client)
    release = gevent.event.Event()
    log: list[str] = []
    ticks: list[int] = []

    def blocking() -> None:
        log.append("started")
        try:
            release.wait()
            log.append("went on")
        finally:
            log.append("unwound")

    with client.ui_context():
        blocked = ui.timer(0.001, blocking, once=True)
        ui.timer(0.001, lambda: ticks.append(1))
    wait_until(lambda: log == ["started"])
    blocked.delete()
    wait_until(lambda: log == ["started", "unwound"])
    release.set()
    counted = len(ticks)
    wait_until(lambda: len(ticks) >= counted + 10)   # the other timer, in reused greenlets, goes on
    assert log == ["started", "unwound"]


def test_ticks_reuse_a_parked_greenlet_and_survive_a_stale_wake(client: Client) -> None:
    connect(client)
    served: list[greenlet.greenlet] = []
    with client.ui_context():
        ui.timer(0.001, lambda: served.append(greenlet.getcurrent()))
    wait_until(lambda: len(served) >= 5)
    assert all(runner is served[0] for runner in served)   # no new greenlet per tick
    stale = served[-1]
    gevent.get_hub().loop.run_callback(stale.switch, "not a job")   # e.g. a leftover waiter
    wait_until(lambda: stale.dead)
    counted = len(served)
    wait_until(lambda: len(served) >= counted + 5)   # the timer goes on in another runner
    assert stale not in runners._idle[gevent.get_hub()] and served[-1] is not stale


def test_runners_run_only_from_the_hub() -> None:
    with pytest.raises(RuntimeError, match="from the hub"):
        runners.run(lambda: None)


def test_a_burst_of_blocked_ticks_leaves_a_bounded_number_of_parked_greenlets(client: Client) -> None:
    connect(client)
    release = gevent.event.Event()
    started: list[int] = []
    done: list[int] = []

    def blocking() -> None:
        started.append(1)
        release.wait()
        done.append(1)

    with client.ui_context():
        for _ in range(runners.KEEP * 3):
            ui.timer(0.001, blocking, once=True)
    wait_until(lambda: len(started) == runners.KEEP * 3)   # each blocked in a greenlet of its own
    release.set()
    wait_until(lambda: len(done) == runners.KEEP * 3)
    assert len(runners._idle[gevent.get_hub()]) == runners.KEEP


def test_disconnected_client_is_deleted_after_the_reconnect_window(app: Flask) -> None:
    app.config["FLASKUI_RECONNECT_TIMEOUT"] = 0.01
    with app.app_context():
        client = Client(Runtime.of(app), browser_id="b")
        Runtime.of(app).clients.add(client)
        transport = connect(client)
        client.handle_disconnect(transport)
        deleted = gevent.event.Event()
        client.on_delete(deleted.set)
        assert deleted.wait(5)
        assert Runtime.of(app).clients.get(client.id) is None


def test_never_connected_client_is_pruned(app: Flask) -> None:
    app.config["FLASKUI_PRUNE_TIMEOUT"] = 0.01
    with app.app_context():
        client = Client(Runtime.of(app), browser_id="b")
        Runtime.of(app).clients.add(client)
        deleted = gevent.event.Event()
        client.on_delete(deleted.set)
        client.schedule_prune()
        assert deleted.wait(5) and client.deleted


def test_flow_control_sends_few_frames_ahead_and_coalesces_meanwhile(client: Client) -> None:
    with client.ui_context():
        label = ui.label("0")
    transport = connect(client, acknowledge=False)
    for i in range(1, 6):
        label.text = str(i)
        gevent.idle()
    assert [f["ops"][0][2]["text"] for f in transport.frames()] == ["1", "2"], "two frames in flight at most"
    client.outbox.acknowledge(2)
    gevent.idle()
    assert [f["ops"][0][2]["text"] for f in transport.frames()] == ["1", "2", "5"], "then the latest, coalesced"
    with pytest.raises(Refused, match="ack for frame 9, which was not sent"):
        client.outbox.acknowledge(9)


def test_a_tab_that_stops_acknowledging_is_sent_to_after_the_timeout(app: Flask) -> None:
    app.config["FLASKUI_ACK_TIMEOUT"] = 0.01
    with app.app_context():
        client = Client(Runtime.of(app), browser_id="b")
        with client.ui_context():
            label = ui.label("0")
        transport = connect(client, acknowledge=False)
        for i in range(1, 4):
            label.text = str(i)
            gevent.idle()
        label.text = "last"
        with gevent.Timeout(5):  # the outbox gives up waiting after 0.01 s and sends
            while "last" not in str(transport.sent):
                gevent.sleep(0.01)
        client.delete()


def test_children_change_only_through_flaskui_calls(client: Client) -> None:
    with client.ui_context():
        leaf = ui.label("leaf")
        other = ui.label("other")
        with ui.row() as row:
            ui.label("inside")
    assert leaf.children == [] and other.children == [] and len(row.children) == 1
    with pytest.raises(TypeError, match="with flaskui calls"):
        leaf.children.append(other)
    assert leaf.children == [] and other.children == []
    other.move(leaf)
    assert leaf.children == [other] and row.children[0].text == "inside" and other.children == []


def test_values_reach_the_browser_as_json_as_the_standard_library_wrote_them() -> None:
    import dataclasses
    from datetime import datetime

    import numpy

    from flaskui.outbox import dumps

    @dataclasses.dataclass
    class Point:
        x: int

    point = Point(1)
    assert dumps({1: "é<", "when": datetime(2024, 1, 2, 3, 4), "point": point, "tags": {"a"}}) == (
        f'{{"1":"é<","when":"2024-01-02 03:04:00","point":{json.dumps(str(point))},"tags":"{{\'a\'}}"}}'
    )
    assert dumps([numpy.float64(1.5), numpy.arange(3)]) == "[1.5,[0,1,2]]"  # numbers stay numbers
    assert dumps({"big": 2**70}) == '{"big":1180591620717411303424}'       # beyond orjson's 64 bits


def test_a_deleted_page_is_freed_without_waiting_for_the_garbage_collector(app: Flask) -> None:
    import gc
    import weakref

    def build() -> None:
        with ui.row():
            ui.label("x")
            button = ui.button("b")
            button.on("click", lambda: setattr(button, "text", "clicked"))   # button -> handler -> button

    with app.app_context():
        page = Client(Runtime.of(app), browser_id="b")
        with page.ui_context():
            build()
        built = [weakref.ref(element) for element in page.content.descendants() if element is not page.content]
        gc.disable()
        try:
            page.delete()
            alive = [ref() for ref in built if ref() is not None]
        finally:
            gc.enable()
    assert len(built) == 3 and alive == []


def test_a_deleted_client_is_freed_without_waiting_for_the_garbage_collector(app: Flask) -> None:
    import gc
    import weakref

    class Card(ui.column):   # a refreshable method: its per-instance table must not keep the card
        @ui.refreshable
        def body(self) -> None:
            ui.label("body")

    with app.app_context():
        page = Client(Runtime.of(app), browser_id="b")
        with page.ui_context():
            label = ui.label("x")
            ui.button("b", on_click=lambda: None)
            ui.run_javascript("1 + 1")
            with Card() as card:
                card.body()
            page.on_disconnect(lambda shown=label: shown.text)    # hooks refer to elements
            page.on_delete(lambda: ui.run_javascript("late"))
        page.outbox.start_recording()
        label.text = "changed while no tab is attached"   # recorded, never sent
        freed = weakref.ref(page)
        del label, card
        gc.disable()
        try:
            page.delete()
            gevent.sleep(0)   # the on_delete hook runs
            del page
            alive = freed()
        finally:
            gc.enable()
    assert alive is None


def test_javascript_of_a_deleted_client_fails_at_once(client: Client) -> None:
    client.delete()
    with client.ui_context():
        request = ui.run_javascript("1 + 1")
    with pytest.raises(TimeoutError, match="deleted"):
        request.result()


def test_layout_of_a_deleted_client_says_so(client: Client) -> None:
    client.delete()
    with pytest.raises(RuntimeError, match="is deleted"):
        client.layout
