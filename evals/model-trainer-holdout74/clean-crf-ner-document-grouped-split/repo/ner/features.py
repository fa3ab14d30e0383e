"""Token features for the linear-chain CRF (news-wire company / person / place NER)."""
import re

SHAPE_RE = [(re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"[0-9]"), "d")]


def shape(word):
    s = word
    for pattern, repl in SHAPE_RE:
        s = pattern.sub(repl, s)
    return re.sub(r"(.)\1+", r"\1\1", s)


def token_features(tokens, i, gazetteer):
    w = tokens[i]
    f = {
        "bias": 1.0,
        "lower": w.lower(),
        "suffix3": w[-3:].lower(),
        "prefix3": w[:3].lower(),
        "shape": shape(w),
        "is_title": w.istitle(),
        "is_upper": w.isupper(),
        "has_digit": any(c.isdigit() for c in w),
        "in_gazetteer": w.lower() in gazetteer,
    }
    for off in (-2, -1, 1, 2):
        j = i + off
        if 0 <= j < len(tokens):
            f[f"{off}:lower"] = tokens[j].lower()
            f[f"{off}:shape"] = shape(tokens[j])
        else:
            f[f"{off}:pad"] = True
    return f


def sent_features(tokens, gazetteer):
    return [token_features(tokens, i, gazetteer) for i in range(len(tokens))]
