import re

_URL = re.compile(r"https?://\S+")
_NUM = re.compile(r"\d+")
_WS = re.compile(r"\s+")


def clean_text(s: str) -> str:
    s = s.lower()
    s = _URL.sub(" <url> ", s)
    s = _NUM.sub(" <num> ", s)
    return _WS.sub(" ", s).strip()
