import re

_WS = re.compile(r"\s+")
_URL = re.compile(r"https?://\S+")
_NUM = re.compile(r"\d+")
_NAME_TAG = re.compile(r"\[(name|ward|hospital)\]", flags=re.I)


def clean_comment(text) -> str:
    """Light normalisation of the free-text answer."""
    if not isinstance(text, str):
        return ""
    text = _URL.sub(" ", text.lower())
    text = _NAME_TAG.sub(" redacted ", text)
    text = _NUM.sub(" 0 ", text)
    return _WS.sub(" ", text).strip()
