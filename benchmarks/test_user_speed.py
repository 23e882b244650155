"""How long a typical ``user`` test costs: open a page, three interactions, assertions.

    pip install pytest-benchmark
    python -m pytest benchmarks/test_user_speed.py --benchmark-only -p no:cacheprovider
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from flaskui import ui
from flaskui.testing import User

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))

from showcase import app  # noqa: E402


def typical_test() -> None:
    user = User(app)
    user.open("/")
    user.find("Click me").click()
    user.should_see("1")
    user.find("Your name").type("Ada")
    user.should_see("Hello, Ada!")
    user.find("Toggle from the server").click()
    assert user.find(kind=ui.checkbox).elements[0].value is True
    user.close()


def test_typical_user_test(benchmark: Any) -> None:
    benchmark.pedantic(typical_test, rounds=50, warmup_rounds=5)
