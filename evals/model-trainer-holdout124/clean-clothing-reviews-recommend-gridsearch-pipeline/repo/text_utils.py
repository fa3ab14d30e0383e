import re
import unicodedata

CONTRACTIONS = {
    "won't": "will not", "can't": "can not", "n't": " not", "'re": " are", "'s": " is",
    "'d": " would", "'ll": " will", "'ve": " have", "'m": " am",
}


def normalise_review(title, body):
    """Join title and body, lowercase, expand contractions, strip punctuation except ! and ?."""
    text = f"{title or ''} . {body or ''}"
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower()
    for k, v in CONTRACTIONS.items():
        text = text.replace(k, v)
    text = re.sub(r"[^a-z0-9!? ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()
