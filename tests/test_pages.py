"""Page GETs and framework assets through Flask's test client."""
from __future__ import annotations

import re
from pathlib import Path

import gevent
import pytest
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

import flaskui
from flaskui import ui
from flaskui.runtime import Runtime

from .apps import create_app
from .helpers import state_of


def test_page_html_inlines_the_tree_and_is_not_cached(app: Flask) -> None:
    response = app.test_client().get("/")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "<title>Counter</title>" in response.text
    state = state_of(response.text)
    texts = [e.get("text") for e in state["elements"].values()]
    assert ["0", "Click", ""] == [t for t in texts if t is not None]
    assert state["ws"] == "/_flaskui/ws" and state["frame"] == 0


def test_view_args_reach_the_page_function(app: Flask) -> None:
    assert '"text":"item 42"' in app.test_client().get("/item/42").text
    assert app.test_client().get("/item/abc").status_code == 404


def test_page_function_may_return_a_response(app: Flask) -> None:
    response = app.test_client().get("/old")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert app.test_client().get("/missing").status_code == 404
    assert len(Runtime.of(app).clients) == 0, "clients of pages that answered otherwise are deleted"


def test_unknown_path_is_404(app: Flask) -> None:
    assert app.test_client().get("/nope").status_code == 404


def test_html_escapes_script_breaking_text() -> None:
    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/", title="<b>")
    def index() -> None:
        ui.label("</script><script>alert(1)</script>")

    app = Flask(__name__)
    app.register_blueprint(pages)
    html = app.test_client().get("/").text
    assert "<title>&lt;b&gt;</title>" in html
    assert "</script><script>alert" not in html
    texts = [e.get("text") for e in state_of(html)["elements"].values()]
    assert "</script><script>alert(1)</script>" in texts


def test_url_prefix_and_script_name_apply_to_every_url() -> None:
    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/")
    def index() -> None:
        ui.label("prefixed")

    app = Flask(__name__)
    app.register_blueprint(pages, url_prefix="/shop")
    client = app.test_client()
    html = client.get("/shop/", base_url="http://localhost/mount").text
    assert state_of(html)["ws"] == "/mount/shop/_flaskui/ws"
    asset = re.search(r'href="(/mount/shop/_flaskui/static/[^"]+/flaskui.css)"', html)
    assert asset, html
    assert client.get(asset.group(1)[len("/mount"):]).status_code == 200
    assert client.get("/_flaskui/health").status_code == 404


def test_x_forwarded_prefix_through_proxy_fix() -> None:
    app = create_app()
    app.wsgi_app = ProxyFix(app.wsgi_app, x_prefix=1)  # type: ignore[method-assign]
    html = app.test_client().get("/", headers={"X-Forwarded-Prefix": "/behind"}).text
    assert state_of(html)["ws"] == "/behind/_flaskui/ws"
    assert 'src="/behind/_flaskui/static/' in html


def test_assets_are_versioned_immutable_and_compressed(app: Flask) -> None:
    client = app.test_client()
    html = client.get("/").text
    url = re.search(r'src="([^"]+/vendor/vue.runtime.global.prod.js)"', html).group(1)  # type: ignore[union-attr]
    plain = client.get(url)
    assert plain.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert plain.headers["X-Content-Type-Options"] == "nosniff"
    assert plain.mimetype == "text/javascript"
    zipped = client.get(url, headers={"Accept-Encoding": "gzip, br"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert len(zipped.data) < len(plain.data) / 2
    assert client.get(url, headers={"If-None-Match": plain.headers["ETag"]}).status_code == 304
    outdated = client.get(url.replace(url.split("/")[3], "0000000000"))
    assert outdated.status_code == 200 and outdated.headers["Cache-Control"] == "public, max-age=60"


def test_asset_paths_cannot_leave_the_static_folder(app: Flask) -> None:
    client = app.test_client()
    attempts = ("../__init__.py", "..%2F__init__.py", "%2e%2e/__init__.py", "vendor/..\\..\\__init__.py", "/etc/passwd")
    for path in attempts:
        assert client.get(f"/_flaskui/static/v/{path}", follow_redirects=True).status_code == 404, path


def test_websocket_url_refuses_plain_http_and_foreign_origins(app: Flask) -> None:
    client = app.test_client()
    upgrade = {"Upgrade": "websocket", "Connection": "Upgrade"}
    refused = client.get("/_flaskui/ws", headers={**upgrade, "Origin": "https://evil.example"})
    assert refused.status_code == 403 and "is not allowed" in refused.text
    assert client.get("/_flaskui/ws").status_code == 400


@pytest.mark.parametrize("headers, reason", [
    ({"Upgrade": "websocket", "Connection": "keep-alive, Upgrade", "Sec-WebSocket-Version": "8"},
     "only websocket version 13"),
    ({"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13"}, "missing Sec-WebSocket-Key"),
])
def test_a_bad_websocket_upgrade_is_refused_with_400_and_why(app: Flask, headers: dict[str, str], reason: str) -> None:
    refused = app.test_client().get("/_flaskui/ws", headers=headers)
    assert refused.status_code == 400 and reason in refused.text


def test_browser_id_is_kept_in_the_signed_session(app: Flask) -> None:
    client = app.test_client()
    client.get("/")
    client.get("/")
    ids = {c.browser_id for c in Runtime.of(app).clients}
    assert len(ids) == 1 and None not in ids
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only


def test_two_apps_in_one_process_share_nothing() -> None:
    first, second = create_app(), create_app()
    first.test_client().get("/")
    assert len(Runtime.of(first).clients) == 1 and len(Runtime.of(second).clients) == 0


def test_compressing_a_big_library_leaves_other_greenlets_running() -> None:
    import gevent

    from flaskui.assets import load_static_file

    library = Path(flaskui.__file__).parent / "elements" / "lib" / "plotly" / "plotly.min.js"  # ~5 MB
    ticks = [0]

    def other_tab() -> None:
        while True:
            ticks[0] += 1
            gevent.sleep(0.001)

    bystander = gevent.spawn(other_tab)
    gevent.sleep(0)
    loaded = load_static_file(library)
    bystander.kill()
    assert loaded.gzipped is not None and len(loaded.gzipped) < len(loaded.data) / 2
    assert ticks[0] >= 5, "the hub was blocked while the file was compressed"


def test_garbage_made_before_a_page_view_is_freed_not_frozen() -> None:
    """Like the cycle Werkzeug's URL matcher leaves per request: already garbage when the view
    runs, so the page view's young collection frees it instead of freezing it for 300 s."""
    import gc
    import weakref

    class Node:
        pass

    app = create_app(FLASKUI_GC_FREEZE_INTERVAL=300)
    gc.unfreeze()
    gc.disable()   # no automatic collection may free it first
    try:
        cycle, promoted = Node(), Node()
        cycle.self = cycle  # type: ignore[attr-defined]
        promoted.self = promoted  # type: ignore[attr-defined]
        gc.collect(0)   # as an automatic collection during a request would: alive, so moved on
        garbage = weakref.ref(cycle), weakref.ref(promoted)
        del cycle, promoted
        assert app.test_client().get("/").status_code == 200
        assert gc.get_freeze_count() > 0
        assert garbage[0]() is None and garbage[1]() is None
    finally:
        gc.enable()
        gc.unfreeze()


def test_built_pages_are_frozen_and_frozen_cycles_collected_in_full_later(caplog: pytest.LogCaptureFixture) -> None:
    import gc
    import logging
    import weakref

    caplog.set_level(logging.INFO, logger="flaskui")

    class Node:
        pass

    app = create_app(FLASKUI_GC_FREEZE_INTERVAL=0.05)
    gc.unfreeze()
    try:
        cycle = Node()
        cycle.self = cycle  # type: ignore[attr-defined]
        garbage = weakref.ref(cycle)
        assert app.test_client().get("/").status_code == 200
        assert gc.get_freeze_count() > 0          # the page view froze what was alive
        del cycle                                 # frozen cyclic garbage: no collection sees it...
        gc.collect()
        assert garbage() is not None
        with gevent.Timeout(5):                   # ...until the full collection that follows
            while garbage() is not None:
                gevent.sleep(0.01)                # the hub runs the collector's timer
        assert "full garbage collection: " in caplog.text and " freed (FLASKUI_GC_FREEZE_INTERVAL)" in caplog.text
    finally:
        gc.unfreeze()
