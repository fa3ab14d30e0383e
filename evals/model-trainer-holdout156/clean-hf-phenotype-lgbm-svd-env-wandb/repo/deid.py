"""Scrub residual PHI-like patterns before the text leaves the enclave. Purely regex, row by row."""
import re

PATTERNS = [
    (re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"), "[DATE]"),
    (re.compile(r"\b(?:MRN|mrn)[:#]?\s*\d{6,10}\b"), "[MRN]"),
    (re.compile(r"\(\d{3}\)\s*\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b"), "[PHONE]"),
    (re.compile(r"\b(?:Dr\.|Doctor)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"), "[PROVIDER]"),
]


def scrub(text: str) -> str:
    if not isinstance(text, str):
        return ""
    for pat, repl in PATTERNS:
        text = pat.sub(repl, text)
    return text
