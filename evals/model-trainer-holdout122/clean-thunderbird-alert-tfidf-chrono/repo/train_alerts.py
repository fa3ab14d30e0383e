"""Thunderbird syslog: flag alert messages from message text (loghub Thunderbird, 10M-line slice).

Line format:  <label> <unix_ts> <date> <node> <month> <day> <time> <node/loc> <component>: <message>
label '-' = no alert, anything else is an alert category (VAPI, ECC, ...).
"""
import re
import sys

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, f1_score
from sklearn.pipeline import make_pipeline

MASKS = [
    (re.compile(r"\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b"), " <IP> "),
    (re.compile(r"\b0x[0-9a-fA-F]+\b"), " <HEX> "),
    (re.compile(r"/[\w./-]+"), " <PATH> "),
    (re.compile(r"\b\d+\b"), " <NUM> "),
]


def mask(msg: str) -> str:
    for rx, tok in MASKS:
        msg = rx.sub(tok, msg)
    return msg.lower()


def read_log(path, max_lines=None):
    rows = []
    with open(path, errors="replace") as f:
        for i, line in enumerate(f):
            if max_lines and i >= max_lines:
                break
            parts = line.rstrip("\n").split(" ", 9)
            if len(parts) < 10:
                continue
            rows.append((parts[0], int(parts[1]), parts[8], parts[9]))
    df = pd.DataFrame(rows, columns=["label", "ts", "component", "message"])
    df["y"] = (df["label"] != "-").astype(int)
    df["text"] = (df["component"].str.rstrip(":") + " " + df["message"]).map(mask)
    return df.sort_values("ts", kind="stable").reset_index(drop=True)


def pipeline(C):
    return make_pipeline(
        TfidfVectorizer(token_pattern=r"[^\s]+", ngram_range=(1, 2), min_df=5, sublinear_tf=True),
        LogisticRegression(C=C, class_weight="balanced", max_iter=2000),
    )


def main(path="data/Thunderbird_10M.log"):
    df = read_log(path)
    n = len(df)
    train, val, test = df.iloc[: int(.7 * n)], df.iloc[int(.7 * n): int(.8 * n)], df.iloc[int(.8 * n):]
    print(f"alert rate train {train.y.mean():.4f} val {val.y.mean():.4f} test {test.y.mean():.4f}")

    best_C, best_ap = None, -1.0
    for C in (0.1, 0.3, 1.0, 3.0, 10.0):
        p = pipeline(C).fit(train["text"], train["y"])
        ap = average_precision_score(val["y"], p.predict_proba(val["text"])[:, 1])
        print(f"C={C:<5} val AP={ap:.4f}")
        if ap > best_ap:
            best_C, best_ap = C, ap

    trval = pd.concat([train, val])
    final = pipeline(best_C).fit(trval["text"], trval["y"])
    proba = final.predict_proba(test["text"])[:, 1]
    print(f"C={best_C}: test AP {average_precision_score(test['y'], proba):.4f}, "
          f"F1 {f1_score(test['y'], proba > 0.5):.4f}")
    print(classification_report(test["y"], (proba > 0.5).astype(int), digits=4))


if __name__ == "__main__":
    main(*sys.argv[1:])
