"""The smallest flaskui app: a label and a button that counts.

    flaskui run hello:app          # or: python hello.py
"""
from flask import Flask

import flaskui
from flaskui import ui

pages = flaskui.Blueprint("pages", __name__)


@pages.page("/")
def index() -> None:
    count = ui.label("0")

    def bump() -> None:
        count.text = str(int(count.text or "0") + 1)

    ui.button("Click", on_click=bump)


app = Flask(__name__)
app.register_blueprint(pages)

if __name__ == "__main__":
    flaskui.run(app)
