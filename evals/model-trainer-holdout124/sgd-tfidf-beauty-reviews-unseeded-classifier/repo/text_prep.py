import html
import re

URL_RE = re.compile(r"https?://\S+|www\.\S+")
REPEAT_RE = re.compile(r"(.)\1{3,}")
NEGATIONS = ("not", "no", "never", "n't")


def normalise(text: str) -> str:
    text = html.unescape(str(text)).lower()
    text = URL_RE.sub(" url ", text)
    text = REPEAT_RE.sub(r"\1\1", text)         # "soooooo" -> "soo"
    text = re.sub(r"[^a-z0-9'!? ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def rating_to_label(stars: float) -> str:
    if stars <= 2:
        return "negative"
    if stars == 3:
        return "neutral"
    return "positive"
