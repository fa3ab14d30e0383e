import json
from pathlib import Path

TARGET = "defaulted"


def load_settings(path: str = "config/settings.json") -> dict:
    return json.loads(Path(path).read_text())
