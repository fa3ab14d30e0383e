"""Tokenisation shared by training and the inference service."""
import re
import unicodedata

TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")


def clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"https?://\S+", " ", text)
    return text.lower()


def tokenize(text: str):
    return TOKEN_RE.findall(clean(text))
