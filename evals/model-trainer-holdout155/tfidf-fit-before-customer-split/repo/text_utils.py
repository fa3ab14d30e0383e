import re
import unicodedata

# Card-network / acquirer boilerplate that shows up in raw bank feeds.
_NOISE_PATTERNS = [
    r"\b(pos|purchase|debit card|visa|mastercard|contactless|card \d{4})\b",
    r"\b\d{2}/\d{2}(/\d{2,4})?\b",          # 12/03, 12/03/24
    r"\b(ref|auth|trn)[:#]?\s*\w+",
    r"\*+",
    r"#\d+",
]
_NOISE_RE = re.compile("|".join(_NOISE_PATTERNS), flags=re.IGNORECASE)
_MULTISPACE_RE = re.compile(r"\s+")


def normalise_description(text: str) -> str:
    """Lowercase, strip accents, card boilerplate, dates and long terminal ids."""
    if not isinstance(text, str):
        return ""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = _NOISE_RE.sub(" ", text.lower())
    text = re.sub(r"[^a-z0-9& ]", " ", text)
    text = re.sub(r"\b\d{5,}\b", " ", text)
    return _MULTISPACE_RE.sub(" ", text).strip()
