"""flaskui vs NiceGUI, side by side: one interleaved run of every benchmark for both frameworks.

    python benchmarks/bench.py --quick          # smoke run, small counts, prints the table
    python benchmarks/bench.py                  # full run, also writes its section of RESULTS.md

The same app shapes (benchmarks/apps/bench_app.py for flaskui, apps/nicegui_app.py for NiceGUI)
run as subprocesses on free 127.0.0.1 ports. NiceGUI lives in benchmarks/.venv-nicegui, created
here on first use (pip: nicegui 3.18.*, python-socketio, aiohttp). Browser numbers come
from Playwright driving Debian's /usr/bin/chromium, timed inside the page (performance.now and a
MutationObserver), so the driver's own round trips are not in them. Many-connection numbers come
from benchmarks/loader.py (asyncio + aiohttp for both frameworks). Every repetition runs flaskui
and NiceGUI back to back (the order alternates), and the report gives medians over repetitions,
their spread (min-max) and the ratio flaskui / NiceGUI.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

HERE = Path(__file__).resolve().parent
APPS = HERE / "apps"
VENV = HERE / ".venv-nicegui"
VENV_PYTHON = VENV / "bin" / "python"
RESULTS = HERE / "RESULTS.md"
NICEGUI_REQUIREMENT = "nicegui==3.18.*"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
FRAMEWORKS = ("flaskui", "nicegui")
SECTION_START = "<!-- bench-vs-nicegui:start -->"
SECTION_END = "<!-- bench-vs-nicegui:end -->"


@dataclass
class Config:
    quick: bool
    reps: int
    rtt_warm: int
    rtt_clicks: int
    fanout_warm: int
    fanout_clicks: int
    stream_seconds: float
    wrk_seconds: int
    wrk_connections: int
    ttc_samples: int
    client_reps: int
    clients_low: int
    clients_high: int
    cpu_seconds: float
    import_reps: int
    startup_reps: int

    @classmethod
    def make(cls, quick: bool) -> Config:
        if quick:
            return cls(True, reps=2, rtt_warm=10, rtt_clicks=50, fanout_warm=2, fanout_clicks=8,
                       stream_seconds=2, wrk_seconds=2, wrk_connections=8, ttc_samples=2, client_reps=1,
                       clients_low=20, clients_high=50, cpu_seconds=4, import_reps=3,
                       startup_reps=2)
        return cls(False, reps=5, rtt_warm=30, rtt_clicks=300, fanout_warm=3, fanout_clicks=30,
                   stream_seconds=5, wrk_seconds=5, wrk_connections=8, ttc_samples=5, client_reps=3,
                   clients_low=100, clients_high=500, cpu_seconds=10, import_reps=10,
                   startup_reps=5)


# -- environment ------------------------------------------------------------------------------------
def ensure_nicegui_venv() -> None:
    """Create benchmarks/.venv-nicegui with NiceGUI and the socket.io client (again when the
    requirement changed)."""
    marker = VENV / ".bench-ready"
    if marker.exists() and marker.read_text().strip() == NICEGUI_REQUIREMENT:
        return
    print(f"creating {VENV} ({NICEGUI_REQUIREMENT})", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV_PYTHON), "-m", "pip", "install", "-q", NICEGUI_REQUIREMENT,
                    # No "[asyncio_client]" extra: python-socketio 5.x dropped it (its async
                    # client needs only aiohttp), and pip's resolver crashes on the missing extra.
                    "python-socketio", "aiohttp"], check=True)
    marker.write_text(NICEGUI_REQUIREMENT + "\n")


def versions() -> dict[str, str]:
    def of(python: str, module: str) -> str:
        code = f"import importlib.metadata as m; print(m.version({module!r}))"
        out = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=60)
        return out.stdout.strip() or "?"

    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    wrk = shutil.which("wrk")
    # `wrk -v` prints "wrk 4.1.0 [epoll] Copyright ..." and exits with status 1.
    wrk_version = subprocess.run([wrk, "-v"], capture_output=True, text=True, timeout=30).stdout.split("[")[0].strip() \
        if wrk else "absent: Python GET client used"
    return {
        "python": platform.python_version(),
        "flaskui": of(sys.executable, "flaskui"),
        "flask": of(sys.executable, "flask"),
        "gevent": of(sys.executable, "gevent"),
        "nicegui": of(str(VENV_PYTHON), "nicegui"),
        "python-socketio (NiceGUI server and load client)": of(str(VENV_PYTHON), "python-socketio"),
        "uvicorn": of(str(VENV_PYTHON), "uvicorn"),
        "aiohttp (load client)": of(str(VENV_PYTHON), "aiohttp"),
        "playwright": of(sys.executable, "playwright"),
        "chromium": chromium,
        "wrk": wrk_version,
    }


def child_env(**extra: str) -> dict[str, str]:
    """The environment for servers and imports: bytecode caches allowed (a machine-wide
    PYTHONDONTWRITEBYTECODE would leave the editable flaskui without them while NiceGUI's pip
    install has them), plus ``extra``."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **extra}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def http_get(url: str, timeout: float = 10, gzip_ok: bool = False) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, response.read()


def wait_until_serving(url: str, process: subprocess.Popen[Any], timeout: float = 30) -> None:
    """Poll ``url`` until it answers 200; raise if ``process`` exits or ``timeout`` passes first."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError("server exited")
        try:
            if http_get(url, timeout=1)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.01)
    raise RuntimeError(f"server not ready in {timeout} s")


# -- servers under test -------------------------------------------------------------------------------
def _tree(pid: int) -> list[int]:
    pids = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                for child in f.read().split():
                    pids.extend(_tree(int(child)))
    except OSError:
        pass
    return pids


def rss_bytes(pid: int) -> int:
    """Resident memory of the process and its children."""
    total = 0
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the process and its children."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
        except OSError:
            pass
    return total


CHILDREN: list[subprocess.Popen[Any]] = []  # killed by the watchdog if a run overstays


def start_watchdog(seconds: float) -> None:
    """End the whole run (servers and loaders included) if it takes longer than ``seconds``."""
    import threading

    def abort() -> None:
        print(f"bench: no end after {seconds:.0f} s, killing everything", file=sys.stderr, flush=True)
        for child in CHILDREN:
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        os._exit(3)

    timer = threading.Timer(seconds, abort)
    timer.daemon = True
    timer.start()


class Server:
    """One framework's bench app as a subprocess in its own process group."""

    def __init__(self, framework: str, config: Config, logs: Path) -> None:
        self.framework = framework
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = child_env(PYTHONUNBUFFERED="1", BENCH_STREAM_SECONDS=str(config.stream_seconds))
        if framework == "flaskui":
            command = [sys.executable, "-m", "flaskui", "run", "bench_app:app", "--port", str(self.port)]
        else:
            command = [str(VENV_PYTHON), "nicegui_app.py", str(self.port)]
        self.log = open(logs / f"{framework}-{self.port}.log", "w")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, cwd=APPS, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        CHILDREN.append(self.process)
        self.startup = self._wait_ready()

    def _wait_ready(self) -> float:
        try:
            wait_until_serving(self.url + "/", self.process, timeout=60)
        except RuntimeError as error:
            raise RuntimeError(f"{self.framework}: {error}; see {self.log.name}") from None
        return time.perf_counter() - self.started

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(5)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(5)
        self.log.close()


# -- browser-side measurements ---------------------------------------------------------------------------
CONNECTED = "() => (window.flaskui && window.flaskui.connected === true) || window.did_handshake === true"

# Click `btn` and wait until `target`'s text changes, n times; times in ms from performance.now().
# A click without a change within `timeout` ms ends the loop with an error (the page opens only once
# the framework reports its socket connected, so the first click needs no retry).
CLICK_LOOP = """
async ({n, btn, target, timeout}) => {
  const q = s => document.querySelector(s);
  const once = (maxMs) => new Promise(resolve => {
    const before = q(target).textContent;
    const t0 = performance.now();
    let timer;
    const observer = new MutationObserver(() => {
      if (q(target).textContent !== before) {
        observer.disconnect(); clearTimeout(timer); resolve(performance.now() - t0);
      }
    });
    observer.observe(document.body, {subtree: true, childList: true, characterData: true});
    timer = setTimeout(() => { observer.disconnect(); resolve(null); }, maxMs);
    q(btn).click();
  });
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = await once(timeout);
    if (t === null) throw new Error('no change after ' + timeout + ' ms at click ' + i);
    times.push(t);
  }
  return times;
}
"""

STREAM = """
async ({timeout}) => {
  const q = s => document.querySelector(s);
  return await new Promise((resolve, reject) => {
    const seen = new Set();
    const lags = [];
    let last = q('.bench-stream').textContent, tFirst = null;
    const observer = new MutationObserver(() => {
      const text = q('.bench-stream').textContent;
      if (text === last) return;
      last = text;
      // Date.now() has whole milliseconds; flaskui's lags are below one.
      const now = (performance.timeOrigin + performance.now()) / 1000;
      const [i, ts, end] = text.split(' ');
      seen.add(i);
      lags.push(now - parseFloat(ts));
      if (tFirst === null) tFirst = performance.now();
      if (end) {
        observer.disconnect(); clearTimeout(timer);
        lags.sort((a, b) => a - b);
        resolve({distinct: seen.size, server_iterations: +i, final_lag: lags.length ? now - parseFloat(ts) : null,
                 median_lag: lags[Math.floor(lags.length / 2)], span: (performance.now() - tFirst) / 1000});
      }
    });
    observer.observe(document.body, {subtree: true, childList: true, characterData: true});
    const timer = setTimeout(() => {
      observer.disconnect(); reject(new Error('stream did not end: ' + seen.size));
    }, timeout);
    q('.bench-btn').click();
  });
}
"""

TTC_INIT = """
window.__ttc = null;
new MutationObserver((records, observer) => {
  if (document.querySelector('.bench-last')) { window.__ttc = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, childList: true});
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


class Browser:
    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)

    def page(self, url: str) -> Any:
        context = self.browser.new_context()
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(CONNECTED, timeout=20000)
        return page

    def close(self) -> None:
        self.browser.close()
        self._pw.stop()


def close_page(page: Any) -> None:
    """Leave the app first (closes its socket, drops any backlog; bounded), then close the context.

    A NiceGUI tab seconds behind in a stream once made ``context.close()`` hang for good.
    """
    try:
        page.goto("about:blank", timeout=15000)
    except Exception:
        pass
    page.context.close()


def clicks(browser: Browser, url: str, warm: int, n: int, target: str, timeout_ms: int = 10000) -> dict[str, float]:
    page = browser.page(url)
    try:
        page.evaluate(CLICK_LOOP, {"n": warm, "btn": ".bench-btn", "target": target, "timeout": timeout_ms})
        times = page.evaluate(CLICK_LOOP, {"n": n, "btn": ".bench-btn", "target": target, "timeout": timeout_ms})
    finally:
        close_page(page)
    return {"p50": percentile(times, 0.5), "p90": percentile(times, 0.9), "p99": percentile(times, 0.99),
            "mean": statistics.fmean(times), "n": len(times)}


def stream(browser: Browser, url: str, seconds: float) -> dict[str, float]:
    page = browser.page(url)
    try:
        result = page.evaluate(STREAM, {"timeout": int((seconds + 30) * 1000)})
    finally:
        close_page(page)
    result["values_per_s"] = result["distinct"] / seconds
    result["server_iterations_per_s"] = result["server_iterations"] / seconds
    return dict(result)


def time_to_content(browser: Browser, url: str, samples: int) -> dict[str, float]:
    cold, warm = [], []
    for _ in range(samples):
        context = browser.browser.new_context()
        context.add_init_script(TTC_INIT)
        page = context.new_page()
        try:
            for bucket in (cold, warm):
                page.goto(url, wait_until="commit")
                page.wait_for_function("window.__ttc !== null", timeout=20000)
                bucket.append(page.evaluate("window.__ttc"))
        finally:
            context.close()
    return {"cold_ms": statistics.median(cold), "warm_ms": statistics.median(warm)}


def page_get(url: str, seconds: int, connections: int, pid: int) -> dict[str, float]:
    """Requests/s of a bounded concurrent GET load (wrk, or a thread pool if wrk is absent), and the
    server's CPU ms per request (less sensitive than req/s to what else the machine runs)."""
    cpu_before = cpu_seconds(pid)
    if shutil.which("wrk"):
        out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "--latency", url],
                             capture_output=True, text=True, timeout=seconds + 60).stdout
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
        count = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
        bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        errors = re.search(r"Socket errors: (.*)", out)
        return {"rps": rps, "non2xx": int(bad.group(1)) if bad else 0,
                "socket_errors": errors.group(1) if errors else "",
                "cpu_ms_per_get": 1000 * (cpu_seconds(pid) - cpu_before) / max(count, 1)}
    from concurrent.futures import ThreadPoolExecutor

    deadline = time.perf_counter() + seconds
    count = [0]

    def worker() -> None:
        while time.perf_counter() < deadline:
            http_get(url)
            count[0] += 1

    start = time.perf_counter()
    with ThreadPoolExecutor(connections) as pool:
        futures = [pool.submit(worker) for _ in range(connections)]
    for future in futures:
        future.result()   # a failed GET fails the benchmark instead of quietly lowering req/s
    return {"rps": count[0] / (time.perf_counter() - start), "non2xx": 0, "socket_errors": "",
            "cpu_ms_per_get": 1000 * (cpu_seconds(pid) - cpu_before) / max(count[0], 1)}


def html_bytes(url: str) -> dict[str, int]:
    """The page's HTML uncompressed, and as the server sends it to a client accepting gzip."""
    _, raw = http_get(url)
    _, sent = http_get(url, gzip_ok=True)
    return {"html_bytes": len(raw), "html_bytes_sent_gzip_ok": len(sent)}


# -- many connections ------------------------------------------------------------------------------------
class Loader:
    def __init__(self, framework: str, url: str) -> None:
        self.process = subprocess.Popen([str(VENV_PYTHON), str(HERE / "loader.py"), framework, url],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        start_new_session=True)
        CHILDREN.append(self.process)

    def ask(self, line: str) -> dict[str, Any]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError(f"loader exited on {line!r}")
        return dict(json.loads(answer))

    def stop(self) -> None:
        try:
            assert self.process.stdin
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
            self.process.wait(20)
        except Exception:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(5)


@contextlib.contextmanager
def paused(processes: list[subprocess.Popen[Any]]) -> Iterator[None]:
    """Stop these processes' groups (SIGSTOP) for the block: they keep their sockets and memory and
    use no CPU."""
    for process in processes:
        os.killpg(process.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGCONT)


# A resumed server owes its clients the ticks of the pause (a pause lasts a few seconds; ticks are
# once a second): time for it to send them before the next measurement.
RESUME_SETTLE_SECONDS = 2.0


def clients_run(order: tuple[str, ...], config: Config, logs: Path, browser: Browser) -> dict[str, dict[str, float]]:
    """Both frameworks' servers loaded at once, so noise from the machine hits both alike.

    RSS at 0 clients (after three warm-up GETs), at ``clients_low`` and ``clients_high`` connected
    loader clients of /ticker (each page's timer changes a label once a second); memory per client is
    the marginal (RSS high - RSS low) / (high - low). Then server CPU over the same window for both.
    Then the rtt of one more (browser) client, measured like the idle rtt (``rtt_warm`` clicks, then
    ``rtt_clicks``), with both servers loaded (``both_loaded_rtt_p50``, as runs before 2026-12-04
    measured it) and under its own server's load alone, the other framework's server and loader
    stopped meanwhile (``load_rtt_*``: otherwise the lighter framework's tab competes with the
    heavier one's load, and the other way round).
    """
    servers = {fw: Server(fw, config, logs) for fw in order}
    loaders: dict[str, Loader] = {}
    result: dict[str, dict[str, float]] = {fw: {} for fw in order}
    try:
        for fw in order:
            for _ in range(3):  # warm the page code path (lazy imports, templates)
                http_get(servers[fw].url + "/ticker")
        time.sleep(1)
        for fw in order:
            result[fw]["rss0_mb"] = rss_bytes(servers[fw].pid) / 2**20
            loaders[fw] = Loader(fw, servers[fw].url)
        for count in (config.clients_low, config.clients_high):
            for fw in order:
                answer = loaders[fw].ask(f"connect {count}")
                if answer["connected"] < count:
                    raise RuntimeError(f"{fw}: only {answer['connected']} of {count} clients connected: {answer}")
                result[fw][f"connect_{count}_s"] = answer["seconds"]
            time.sleep(3)
            for fw in order:
                result[fw][f"rss{count}_mb"] = rss_bytes(servers[fw].pid) / 2**20
        low, high = config.clients_low, config.clients_high
        for fw in order:
            grown = result[fw][f"rss{high}_mb"] - result[fw][f"rss{low}_mb"]
            result[fw]["kb_per_client"] = grown * 1024 / (high - low)
        before = {fw: (loaders[fw].ask("stats")["received"], cpu_seconds(servers[fw].pid), time.perf_counter())
                  for fw in order}
        time.sleep(config.cpu_seconds)
        for fw in order:
            received, cpu, t = loaders[fw].ask("stats")["received"], cpu_seconds(servers[fw].pid), time.perf_counter()
            elapsed = t - before[fw][2]
            result[fw]["cpu_percent"] = 100 * (cpu - before[fw][1]) / elapsed
            result[fw]["updates_per_client_s"] = (received - before[fw][0]) / elapsed / high

        def tab_rtt(fw: str) -> dict[str, float]:
            return clicks(browser, servers[fw].url + "/rtt", config.rtt_warm, config.rtt_clicks, ".bench-counter")

        for fw in order:
            result[fw]["both_loaded_rtt_p50"] = tab_rtt(fw)["p50"]
            others = [other for other in order if other != fw]
            with paused([p for o in others for p in (servers[o].process, loaders[o].process)]):
                own = tab_rtt(fw)
            result[fw]["load_rtt_p50"], result[fw]["load_rtt_p90"] = own["p50"], own["p90"]
            time.sleep(RESUME_SETTLE_SECONDS)
        for fw in order:
            result[fw]["rss_end_mb"] = rss_bytes(servers[fw].pid) / 2**20
    finally:
        for loader in loaders.values():
            loader.stop()
        for server in servers.values():
            server.stop()
    return result


# -- import and startup ------------------------------------------------------------------------------------
IMPORT_CODE = "import time; t = time.perf_counter(); from {0} import ui; print(time.perf_counter() - t)"


def import_time(framework: str) -> float:
    python = sys.executable if framework == "flaskui" else str(VENV_PYTHON)
    out = subprocess.run([python, "-c", IMPORT_CODE.format(framework)], capture_output=True, text=True, timeout=120,
                         cwd=tempfile.gettempdir(), env=child_env())
    return float(out.stdout.strip().splitlines()[-1])


# -- the run -----------------------------------------------------------------------------------------------------
@dataclass
class Results:
    values: dict[str, dict[str, list[float]]] = field(default_factory=dict)  # metric -> framework -> per rep
    extra: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, metric: str, framework: str, value: float | None) -> None:
        if value is not None:
            self.values.setdefault(metric, {f: [] for f in FRAMEWORKS})[framework].append(float(value))


def orders(reps: int) -> list[tuple[int, tuple[str, ...]]]:
    return [(r, FRAMEWORKS if r % 2 == 0 else FRAMEWORKS[::-1]) for r in range(reps)]


def guarded(results: Results, name: str, function: Callable[[], None]) -> None:
    started = time.perf_counter()
    print(f"== {name}", flush=True)
    try:
        function()
    except Exception as error:  # one broken benchmark must not lose the others
        results.errors.append(f"{name}: {error!r}")
        print(f"   FAILED: {error!r}", flush=True)
    print(f"   ({time.perf_counter() - started:.0f} s)", flush=True)


def run(config: Config, only: set[str] | None) -> Results:
    results = Results()
    logs = Path(tempfile.mkdtemp(prefix="flaskui-bench-"))
    results.extra["logs"] = str(logs)
    wanted = (lambda name: only is None or name in only)
    browser = Browser()
    servers: dict[str, Server] = {}
    try:
        if any(wanted(n) for n in ("rtt", "fanout", "stream", "pageload")):
            for framework in FRAMEWORKS:
                servers[framework] = Server(framework, config, logs)
                print(f"{framework} on {servers[framework].url} (pid {servers[framework].pid})", flush=True)

        def bench_rtt() -> None:
            for r, order in orders(config.reps):
                for fw in order:
                    m = clicks(browser, servers[fw].url + "/rtt", config.rtt_warm, config.rtt_clicks, ".bench-counter")
                    for key in ("p50", "p90", "p99"):
                        results.add(f"rtt_{key}", fw, m[key])
                    print(f"   rep {r} {fw}: p50 {m['p50']:.2f} p90 {m['p90']:.2f} p99 {m['p99']:.2f} ms", flush=True)

        def bench_fanout() -> None:
            for r, order in orders(config.reps):
                for fw in order:
                    m = clicks(browser, servers[fw].url + "/fanout", config.fanout_warm, config.fanout_clicks,
                               ".bench-last", timeout_ms=30000)
                    results.add("fanout_p50", fw, m["p50"])
                    results.add("fanout_p90", fw, m["p90"])
                    print(f"   rep {r} {fw}: p50 {m['p50']:.1f} p90 {m['p90']:.1f} ms", flush=True)

        def bench_stream() -> None:
            for r, order in orders(config.reps):
                for fw in order:
                    m = stream(browser, servers[fw].url + "/stream", config.stream_seconds)
                    results.add("stream_values_per_s", fw, m["values_per_s"])
                    results.add("stream_final_lag_ms", fw, m["final_lag"] * 1000)
                    results.add("stream_median_lag_ms", fw, m["median_lag"] * 1000)
                    results.add("stream_server_iterations_per_s", fw, m["server_iterations_per_s"])
                    print(f"   rep {r} {fw}: {m['values_per_s']:.0f} values/s,"
                          f" final lag {m['final_lag'] * 1000:.1f} ms, median lag {m['median_lag'] * 1000:.1f} ms,"
                          f" server {m['server_iterations_per_s']:.0f} it/s", flush=True)

        def bench_pageload() -> None:
            for fw in FRAMEWORKS:
                results.extra.setdefault("html", {})[fw] = html_bytes(servers[fw].url + "/page100")
            for r, order in orders(config.reps):
                for fw in order:
                    m = time_to_content(browser, servers[fw].url + "/page100", config.ttc_samples)
                    results.add("ttc_cold_ms", fw, m["cold_ms"])
                    results.add("ttc_warm_ms", fw, m["warm_ms"])
                    print(f"   rep {r} {fw}: time to content cold {m['cold_ms']:.0f} warm {m['warm_ms']:.0f} ms",
                          flush=True)
            for r, order in orders(config.reps):
                for fw in order:
                    m = page_get(servers[fw].url + "/page100", config.wrk_seconds, config.wrk_connections,
                                 servers[fw].pid)
                    results.add("get_rps", fw, m["rps"])
                    results.add("get_cpu_ms", fw, m["cpu_ms_per_get"])
                    if m["non2xx"] or m["socket_errors"]:
                        results.errors.append(f"pageload {fw} rep {r}: non-2xx {m['non2xx']},"
                                              f" errors {m['socket_errors']}")
                    print(f"   rep {r} {fw}: {m['rps']:.0f} GET/s, {m['cpu_ms_per_get']:.2f} server CPU ms/GET",
                          flush=True)

        def bench_clients() -> None:
            for r, order in orders(config.client_reps):
                both = clients_run(order, config, logs, browser)
                for fw in FRAMEWORKS:
                    m = both[fw]
                    results.extra.setdefault("clients", {}).setdefault(fw, []).append(m)
                    for key in ("kb_per_client", "rss0_mb", f"rss{config.clients_low}_mb",
                                f"rss{config.clients_high}_mb",
                                "load_rtt_p50", "load_rtt_p90", "both_loaded_rtt_p50"):
                        results.add(key, fw, m[key])
                    results.add("ticking_cpu_percent", fw, m["cpu_percent"])
                    results.add("ticking_updates_per_client_s", fw, m["updates_per_client_s"])
                    print(f"   rep {r} {fw}: " + ", ".join(f"{k} {v:.2f}" for k, v in m.items()), flush=True)

        def bench_import_startup() -> None:
            for fw in FRAMEWORKS:
                import_time(fw)  # compile caches
            for r, order in orders(config.import_reps):
                for fw in order:
                    results.add("import_ms", fw, import_time(fw) * 1000)
            for r, order in orders(config.startup_reps):
                for fw in order:
                    server = Server(fw, config, logs)
                    server.stop()
                    results.add("startup_ms", fw, server.startup * 1000)
            for metric in ("import_ms", "startup_ms"):
                medians = (f"{fw} {statistics.median(results.values[metric][fw]):.0f}" for fw in FRAMEWORKS)
                print(f"   {metric}: " + ", ".join(medians), flush=True)

        for name, function in (("rtt", bench_rtt), ("fanout", bench_fanout), ("stream", bench_stream),
                               ("pageload", bench_pageload)):
            if wanted(name):
                guarded(results, name, function)
        for server in servers.values():
            server.stop()
        servers.clear()
        if wanted("clients"):
            guarded(results, "clients", bench_clients)
        if wanted("import"):
            guarded(results, "import and startup", bench_import_startup)
    finally:
        for server in servers.values():
            server.stop()
        browser.close()
    return results


# -- report ------------------------------------------------------------------------------------------------------
# metric, label, lower is better, target ratio (flaskui / NiceGUI) or None
ROWS: list[tuple[str, str, bool, float | None]] = [
    ("rtt_p50", "rtt p50 (ms)", True, 0.6),
    ("rtt_p90", "rtt p90 (ms)", True, None),
    ("rtt_p99", "rtt p99 (ms)", True, None),
    ("fanout_p50", "fanout: click -> 1000th label (ms, p50)", True, 0.35),
    ("stream_values_per_s", "stream: distinct values/s in the browser", False, 1.0),
    ("stream_final_lag_ms", "stream: final lag (ms)", True, 0.7),
    ("stream_median_lag_ms", "stream: median lag (ms)", True, None),
    ("stream_server_iterations_per_s", "stream: server loop iterations/s", False, None),
    ("get_rps", "page GET req/s (100 elements)", False, 20.0),
    ("get_cpu_ms", "server CPU per page GET (ms)", True, None),
    ("ttc_cold_ms", "time to content, cold (ms)", True, 0.5),
    ("ttc_warm_ms", "time to content, warm (ms)", True, None),
    ("kb_per_client", "memory per connected client (KiB)", True, 0.5),
    ("rss0_mb", "server RSS, 0 clients (MiB)", True, None),
    ("rss{low}_mb", "server RSS, {low} clients (MiB)", True, None),
    ("rss{high}_mb", "server RSS, {high} clients (MiB)", True, None),
    ("ticking_cpu_percent", "server CPU, {high} clients ticking 1/s (%)", True, 0.3),
    ("ticking_updates_per_client_s", "updates delivered per client per s", False, None),
    ("load_rtt_p50", "rtt p50 under {high} ticking clients (ms)", True, 0.4),
    ("load_rtt_p90", "rtt p90 under {high} ticking clients (ms)", True, None),
    ("both_loaded_rtt_p50", "rtt p50 with both servers' {high} clients ticking (ms)", True, None),
    ("import_ms", "`from X import ui` (ms)", True, 0.6),
    ("startup_ms", "spawn -> first HTTP 200 (ms)", True, None),
]


def fmt(value: float) -> str:
    if value != value:
        return "n/a"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(results: Results, config: Config) -> tuple[str, list[str]]:
    lines = ["| metric | flaskui median (min-max) | NiceGUI median (min-max) "
             "| ratio flaskui/NiceGUI (pairwise min-max) | target | met |",
             "| --- | --- | --- | --- | --- | --- |"]
    verdicts = []
    for metric, label, lower, target in ROWS:
        metric = metric.format(low=config.clients_low, high=config.clients_high)
        label = label.format(low=config.clients_low, high=config.clients_high)
        per = results.values.get(metric)
        if not per or not per["flaskui"] or not per["nicegui"]:
            if target is not None:
                lines.append(f"| {label} | n/a | n/a | n/a | {'≤' if lower else '≥'} {target} | not measured |")
            continue
        f, n = per["flaskui"], per["nicegui"]
        mf, mn = statistics.median(f), statistics.median(n)
        ratio = mf / mn if mn else float("inf")
        pairs = [a / b for a, b in zip(f, n) if b]
        spread = f"{fmt(min(pairs))}-{fmt(max(pairs))}" if pairs else "n/a"
        target_text, met = "", ""
        if target is not None:
            ok = ratio <= target if lower else ratio >= target
            target_text = f"{'≤' if lower else '≥'} {target}"
            met = "yes" if ok else "**no**"
            verdicts.append(f"{label}: ratio {fmt(ratio)} vs target {target_text}: {'met' if ok else 'missed'}")
        lines.append(f"| {label} | {fmt(mf)} ({fmt(min(f))}-{fmt(max(f))}) | {fmt(mn)} ({fmt(min(n))}-{fmt(max(n))}) "
                     f"| **{fmt(ratio)}** ({spread}) | {target_text} | {met} |")
    html = results.extra.get("html")
    if html:
        f, n = html["flaskui"], html["nicegui"]
        for key, label in (("html_bytes", "page HTML bytes, uncompressed"),
                           ("html_bytes_sent_gzip_ok", "page HTML bytes sent to a client accepting gzip")):
            lines.append(f"| {label} | {f[key]} | {n[key]} | {fmt(f[key] / n[key])} | | |")
    return "\n".join(lines), verdicts


def report(results: Results, config: Config, info: dict[str, str], command: str, seconds: float) -> str:
    body, _ = table(results, config)
    today = datetime.date.today().isoformat()
    versions_text = ", ".join(f"{k} {v}" for k, v in info.items())
    reps = (f"{config.reps} interleaved repetitions per framework for rtt/fanout/stream/pageload "
            f"({config.rtt_clicks} clicks after {config.rtt_warm} warm-up for rtt, {config.fanout_clicks} for fanout, "
            f"{config.stream_seconds:g} s streams, {config.ttc_samples} cold+warm loads and a {config.wrk_seconds} s "
            f"`wrk -t1 -c{config.wrk_connections}` per repetition), {config.client_reps} for clients "
            f"({config.clients_low} and {config.clients_high} loader clients, {config.cpu_seconds:g} s CPU window), "
            f"{config.import_reps} for import, {config.startup_reps} for startup")
    errors = "\n".join(f"- {e}" for e in results.errors) or "- none"
    return f"""{SECTION_START}
## flaskui vs NiceGUI, side by side ({today}{', quick' if config.quick else ''})

`{command}` ({seconds / 60:.0f} min on this 2-core machine, shared with other engineers' test runs)

Versions: {versions_text}.

{reps}. Medians over repetitions, min-max across repetitions; the ratio is of the medians, with the
min-max of the per-repetition (back-to-back) ratios. Targets are ratios flaskui / NiceGUI.

{body}

Errors during the run:
{errors}
{SECTION_END}
"""


def write_section(section: str) -> None:
    text = RESULTS.read_text() if RESULTS.exists() else "# Results\n"
    if SECTION_START in text and SECTION_END in text:
        head, rest = text.split(SECTION_START, 1)
        _, tail = rest.split(SECTION_END, 1)
        text = head + section.strip() + tail
    else:
        text = text.rstrip() + "\n\n" + section
    RESULTS.write_text(text.rstrip() + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small counts, for a smoke run")
    parser.add_argument("--only", help="comma-separated: rtt,fanout,stream,pageload,clients,import")
    parser.add_argument("--write", action="store_true", help="write RESULTS.md even with --quick or --only")
    parser.add_argument("--json", help="also dump the raw numbers here")
    options = parser.parse_args()
    config = Config.make(options.quick)
    only = set(options.only.split(",")) if options.only else None
    ensure_nicegui_venv()
    info = versions()
    print(json.dumps(info, indent=1), flush=True)
    started = time.perf_counter()
    start_watchdog(15 * 60 if options.quick else 45 * 60)
    results = run(config, only)
    seconds = time.perf_counter() - started
    command = "python benchmarks/bench.py" + (" --quick" if options.quick else "") + (
        f" --only {options.only}" if options.only else "")
    section = report(results, config, info, command, seconds)
    print(section)
    _, verdicts = table(results, config)
    print("\n".join(verdicts))
    raw = Path(options.json) if options.json else Path(tempfile.gettempdir()) / "flaskui-bench-last.json"
    raw.write_text(json.dumps({"values": results.values, "extra": results.extra, "errors": results.errors,
                               "versions": info, "config": config.__dict__}, indent=1))
    print(f"raw numbers: {raw}")
    if (not options.quick and not options.only) or options.write:
        write_section(section)
        print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
