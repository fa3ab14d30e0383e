import html
import re

_URL = re.compile(r"https?://\S+")
_WS = re.compile(r"\s+")
_REPEAT = re.compile(r"(.)\1{3,}")


def clean_text(raw: str) -> str:
    """Deterministic normalisation applied per review."""
    text = html.unescape(str(raw)).lower()
    text = _URL.sub(" url ", text)
    text = _REPEAT.sub(r"\1\1", text)
    return _WS.sub(" ", text).strip()


def label_from_stars(stars: int) -> int:
    return int(stars >= 4)
