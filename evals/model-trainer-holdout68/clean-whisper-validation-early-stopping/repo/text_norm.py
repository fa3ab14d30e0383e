import re
import unicodedata

_PUNCT = re.compile(r"[^\w\s'·-]")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower-case, NFC, strip punctuation except the Catalan punt volat and apostrophes."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()
