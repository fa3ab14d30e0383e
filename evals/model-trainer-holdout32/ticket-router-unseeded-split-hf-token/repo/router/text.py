import re
import unicodedata

_URL = re.compile(r"https?://\S+")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_NUM = re.compile(r"\d{4,}")
_WS = re.compile(r"\s+")


def normalise(text):
    text = unicodedata.normalize("NFKC", text).lower()
    text = _URL.sub(" <url> ", text)
    text = _EMAIL.sub(" <email> ", text)
    text = _NUM.sub(" <num> ", text)
    # strip quoted reply chains ("On Mon, ... wrote:")
    text = text.split(" wrote:")[0]
    return _WS.sub(" ", text).strip()
