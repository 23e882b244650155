"""The wheel: installed into a fresh virtual environment, its pytest plugin works; the browser
bundle it ships is built from the current sources."""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str | Path, cwd: Path = ROOT) -> str:
    result = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.mark.timeout(900)
def test_wheel_in_a_fresh_venv_runs_a_user_test(tmp_path: Path) -> None:
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path / "dist", ".")
    (wheel,) = (tmp_path / "dist").glob("flaskui-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for shipped in ("flaskui/py.typed", "flaskui/static/flaskui.js", "flaskui/static/vendor/vue.runtime.global.prod.js",
                    "flaskui/static/vendor/LICENSES/quasar.txt"):
        assert shipped in names, shipped

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", wheel, "pytest")

    project = tmp_path / "project"
    project.mkdir()
    (project / "hello.py").write_text((ROOT / "examples" / "hello.py").read_text())
    (project / "test_hello.py").write_text(textwrap.dedent('''
        import pytest
        from hello import app as hello_app

        @pytest.fixture
        def app():
            return hello_app

        def test_counting(user):
            user.open("/")
            user.find("Click").click()
            user.should_see("1")
    '''))
    output = run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=project)
    assert "1 passed" in output


def test_browser_bundle_is_built_from_the_current_sources() -> None:
    """``flaskui/static/flaskui.js`` names the digest of the ``frontend/src`` and build script it
    was bundled with."""
    frontend = ROOT / "frontend"
    inputs = [*sorted(f"src/{path.name}" for path in (frontend / "src").glob("*.js")), "flaskui-build.mjs"]
    digest = hashlib.sha256()
    for name in inputs:
        digest.update(name.encode() + b"\0" + (frontend / name).read_bytes())
    bundle = (ROOT / "flaskui" / "static" / "flaskui.js").read_text(encoding="utf-8")
    built_from = re.search(r"sources sha256 ([0-9a-f]{64})", bundle)
    assert built_from, "flaskui/static/flaskui.js has no banner: rebuild it with `node frontend/flaskui-build.mjs`"
    assert built_from.group(1) == digest.hexdigest(), \
        "frontend/src changed since flaskui/static/flaskui.js was built: run `node frontend/flaskui-build.mjs`"
