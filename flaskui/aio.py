"""``async def`` pages, handlers and timers, each run to the end in its own greenlet.

flaskui runs every page function, handler and timer tick in a greenlet of its own. When one is a
coroutine function, ``run(coroutine)`` drives the coroutine there: asyncio's own primitives
(``asyncio.sleep``, ``gather``, ``wait_for``, ``Event``, ``create_task``) work on ``GeventLoop``,
an asyncio event loop whose waiting is gevent's, so awaiting suspends only that greenlet and never
the worker's other tabs. flaskui's waits are awaitable too (``await client.connected()``,
``await ui.run_javascript(...)``, ``await dialog``); they block the coroutine's greenlet, which is
the coroutine's alone::

    @pages.page("/")
    async def index() -> None:
        label = ui.label("waiting")
        await ui.context.client.connected()
        width = await ui.run_javascript("window.innerWidth")
        await asyncio.sleep(1)
        label.text = f"{width} px wide"

Plain blocking calls (``requests.get``, ``time.sleep`` under gevent) are fine inside such a
coroutine for the same reason. Callbacks given to ``loop.call_soon``/``call_later`` run in gevent's
hub and must not block; tasks (``asyncio.create_task``) each get a greenlet of their own.
"""
from __future__ import annotations

import asyncio
import contextvars
import logging
import time
import weakref
from typing import Any, Callable, Coroutine, Generator, TypeVar, TypeVarTuple, Unpack

import gevent
import gevent.event
from asyncio import events

log = logging.getLogger("flaskui")

T = TypeVar("T")
Ts = TypeVarTuple("Ts")


class GreenletTask(asyncio.Future[Any]):
    """A coroutine run by ``run`` in a greenlet of its own, as a future; ``cancel()`` throws
    ``CancelledError`` into it where it waits."""

    def __init__(self, loop: GeventLoop, coroutine: Coroutine[Any, Any, Any], context: contextvars.Context) -> None:
        super().__init__(loop=loop)
        self._greenlet = gevent.spawn(context.run, self._drive, coroutine)
        self._greenlet.link(self._ended)

    def _ended(self, greenlet: gevent.Greenlet) -> None:
        if not self.done():   # killed before it started
            super().cancel()

    def _drive(self, coroutine: Coroutine[Any, Any, Any]) -> None:
        try:
            result = run(coroutine)
        except asyncio.CancelledError:
            super().cancel()
        except BaseException as error:   # handed to whoever awaits the task
            if not self.done():
                self.set_exception(error)
        else:
            if not self.done():
                self.set_result(result)

    def cancel(self, msg: Any = None) -> bool:
        if self.done():
            return False
        self._greenlet.kill(asyncio.CancelledError(msg), block=False)
        return True


class GeventLoop(asyncio.AbstractEventLoop):
    """asyncio's event loop interface on gevent's hub; one per hub (``loop_of_this_hub``)."""

    def __init__(self) -> None:
        self._hub = gevent.get_hub()
        self._timers: dict[asyncio.TimerHandle, Any] = {}
        self._steps = 0   # coroutine steps under way in this thread (see run)

    # -- scheduling: callbacks run in the hub ------------------------------------------------------
    def call_soon(self, callback: Callable[[Unpack[Ts]], object], *args: Unpack[Ts],
                  context: contextvars.Context | None = None) -> asyncio.Handle:
        handle = asyncio.Handle(callback, args, self, context)
        self._hub.loop.run_callback(self._run_handle, handle)
        return handle

    def call_soon_threadsafe(self, callback: Callable[[Unpack[Ts]], object], *args: Unpack[Ts],
                             context: contextvars.Context | None = None) -> asyncio.Handle:
        handle = asyncio.Handle(callback, args, self, context)
        self._hub.loop.run_callback_threadsafe(self._run_handle, handle)
        return handle

    def call_later(self, delay: float, callback: Callable[[Unpack[Ts]], object], *args: Unpack[Ts],
                   context: contextvars.Context | None = None) -> asyncio.TimerHandle:
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when: float, callback: Callable[[Unpack[Ts]], object], *args: Unpack[Ts],
                context: contextvars.Context | None = None) -> asyncio.TimerHandle:
        handle = asyncio.TimerHandle(when, callback, args, self, context)
        timer = self._timers[handle] = self._hub.loop.timer(max(0.0, when - self.time()))
        timer.start(self._timer_fired, handle)
        return handle

    def _timer_fired(self, handle: asyncio.TimerHandle) -> None:
        self._timers.pop(handle, None)
        self._run_handle(handle)

    def _timer_handle_cancelled(self, handle: asyncio.TimerHandle) -> None:
        timer = self._timers.pop(handle, None)
        if timer is not None:
            timer.stop()

    def _run_handle(self, handle: asyncio.Handle) -> None:
        if not handle.cancelled():
            handle._run()

    def time(self) -> float:
        return time.monotonic()

    # -- futures and tasks --------------------------------------------------------------------------
    def create_future(self) -> asyncio.Future[Any]:
        return asyncio.Future(loop=self)

    def create_task(self, coro: Any, *, name: str | None = None,  # type: ignore[override]
                    context: contextvars.Context | None = None) -> asyncio.Future[Any]:
        return GreenletTask(self, coro, context or contextvars.copy_context())

    def run_in_executor(self, executor: Any, func: Callable[[Unpack[Ts]], T], *args: Unpack[Ts]) -> asyncio.Future[T]:
        """Run ``func`` in a greenlet (gevent makes blocking I/O cooperative); ``executor`` is ignored."""
        future: asyncio.Future[T] = self.create_future()

        def work() -> None:
            try:
                result = func(*args)
            except BaseException as error:   # handed to whoever awaits the future
                self.call_soon(_settle, future, None, error)
            else:
                self.call_soon(_settle, future, result, None)

        gevent.spawn(work)
        return future

    # -- state --------------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._steps > 0

    def is_closed(self) -> bool:
        return False

    def get_debug(self) -> bool:
        return False

    def call_exception_handler(self, context: dict[str, Any]) -> None:
        log.error("asyncio: %s", context.get("message"), exc_info=context.get("exception"))

    def default_exception_handler(self, context: dict[str, Any]) -> None:
        self.call_exception_handler(context)


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():
        return
    if error is None:
        future.set_result(result)
    else:
        future.set_exception(error)


_loops: weakref.WeakKeyDictionary[Any, GeventLoop] = weakref.WeakKeyDictionary()


def loop_of_this_hub() -> GeventLoop:
    """The ``GeventLoop`` of this thread's hub."""
    hub = gevent.get_hub()
    loop = _loops.get(hub)
    if loop is None:
        # only what asyncio's futures, tasks, sleep and timeouts use is implemented (no sockets)
        loop = _loops[hub] = GeventLoop()  # type: ignore[abstract]
    return loop


class _Step:
    """Makes the hub's loop asyncio's running loop while a coroutine of this thread takes a step.

    The running loop is one per thread, not per greenlet: a step that blocks (a plain blocking
    call) lets other greenlets run meanwhile, so the loop stays set until no step is under way."""

    __slots__ = ("_loop",)

    def __init__(self, loop: GeventLoop) -> None:
        self._loop = loop

    def __enter__(self) -> None:
        self._loop._steps += 1
        events._set_running_loop(self._loop)

    def __exit__(self, *exc: object) -> None:
        self._loop._steps -= 1
        if self._loop._steps == 0:
            events._set_running_loop(None)


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Drive ``coroutine`` to its end in the calling greenlet and return its result.

    Each step runs in the calling greenlet's own context (``contextvars``, Flask's contexts), so
    what the coroutine does is seen where it was called from. Awaiting a future waits for it
    with gevent, suspending this greenlet only.
    """
    loop = loop_of_this_hub()
    step = _Step(loop)
    value: Any = None
    error: BaseException | None = None
    while True:
        with step:
            try:
                yielded = coroutine.throw(error) if error is not None else coroutine.send(value)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
        value, error = None, None
        if yielded is None:   # a bare yield (asyncio.sleep(0)): let others run
            gevent.sleep(0)
            continue
        if not asyncio.isfuture(yielded):
            error = RuntimeError(f"flaskui cannot await {yielded!r} (await asyncio awaitables or flaskui's)")
            continue
        yielded._asyncio_future_blocking = False
        try:
            _wait(yielded)
        except BaseException as interruption:   # a kill or timeout: into the coroutine
            error = interruption
            continue
        try:
            value = yielded.result()
        except BaseException as failure:   # the coroutine decides
            error = failure


def _wait(future: asyncio.Future[Any]) -> None:
    if future.done():
        return
    done = gevent.event.Event()
    future.add_done_callback(lambda _: done.set())
    try:
        done.wait()
    except BaseException:
        future.cancel()   # whoever stopped this greenlet stops what it waited for too
        raise


def result_of(value: Any) -> Any:
    """``value``, or what it returns if it is a coroutine (an ``async def`` function's call)."""
    return run(value) if asyncio.iscoroutine(value) else value


def blocking(wait: Callable[[], T]) -> Generator[Any, None, T]:
    """``__await__`` for flaskui's blocking waits: blocks the awaiting coroutine's greenlet, out
    of its asyncio step (so other greenlets meanwhile see no running loop: ``asyncio.run`` works)."""
    loop = loop_of_this_hub()
    loop._steps -= 1
    if loop._steps == 0:
        events._set_running_loop(None)
    try:
        return wait()
    finally:
        loop._steps += 1
        events._set_running_loop(loop)
    yield  # makes this a generator, which is what ``await`` takes


class Done:
    """What flaskui's blocking waits return (``client.connected()``): ``await`` it in a coroutine,
    or ignore it in plain code; the wait is over either way."""

    __slots__ = ()

    def __await__(self) -> Generator[Any, None, None]:
        return blocking(lambda: None)


DONE = Done()
