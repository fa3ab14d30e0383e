"""Negation-aware chief-complaint classifier for influenza-like illness (ILI).

CDC-style definition approximated from free text: fever AND (cough OR sore throat), or an explicit flu mention.
Triage nurses write things like "cough x3d, denies fever" - the negation window handles those.
"""
import re

FEVER = r"(fever|febrile|temp(erature)?|fvr|chills)"
RESP = r"(cough|sore throat|pharyngitis|uri|congestion)"
FLU = r"(flu\b|influenza|flu[- ]like|ili\b)"

NEGATION = re.compile(r"\b(no|denies|denied|without|w/o|neg(ative)?( for)?)\b\s+(\w+\W+){0,3}?", re.I)
ABBREV = {"sob": "shortness of breath", "st": "sore throat", "f/c": "fever chills", "n/v": "nausea vomiting"}


def normalize(cc: str) -> str:
    cc = cc.lower()
    for k, v in ABBREV.items():
        cc = re.sub(rf"(?<!\w){re.escape(k)}(?!\w)", v, cc)
    return re.sub(r"\s+", " ", cc).strip()


def strip_negated(cc: str) -> str:
    """Drop a negation cue together with the term(s) it scopes over."""
    return NEGATION.sub(" ", cc)


def is_ili(chief_complaint) -> bool:
    if not isinstance(chief_complaint, str):
        return False
    cc = strip_negated(normalize(chief_complaint))
    if re.search(FLU, cc):
        return True
    return bool(re.search(FEVER, cc)) and bool(re.search(RESP, cc))
