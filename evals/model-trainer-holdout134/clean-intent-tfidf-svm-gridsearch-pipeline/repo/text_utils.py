import re

CONTRACTIONS = {
    "can't": "can not", "won't": "will not", "n't": " not", "'re": " are",
    "'ll": " will", "'ve": " have", "'m": " am", "'d": " would",
}
_POLICY_RE = re.compile(r"\b[a-z]{2}\d{6,10}\b")
_DATE_RE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?\b")
_MONEY_RE = re.compile(r"[$€£]\s?\d[\d,]*(\.\d+)?")


def clean_utterance(text: str) -> str:
    """Lowercase, expand contractions, mask policy numbers / dates / amounts."""
    t = str(text).lower().strip()
    for k, v in CONTRACTIONS.items():
        t = t.replace(k, v)
    t = _POLICY_RE.sub(" policyno ", t)
    t = _DATE_RE.sub(" datetok ", t)
    t = _MONEY_RE.sub(" moneytok ", t)
    t = re.sub(r"[^a-z0-9\s]", " ", t)
    return re.sub(r"\s+", " ", t).strip()
