#!/usr/bin/env python
"""Phishing URL classifier: char n-gram TF-IDF + a few lexical features -> logistic regression.

Data: merged PhishTank verified_online dump + Tranco top-1M benign sample (urls.csv: url,label).
"""
import argparse
import re
from urllib.parse import urlparse

import joblib
import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

IP_RE = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
SUSPICIOUS_TOKENS = ("login", "verify", "secure", "account", "update", "banking", "signin", "wp-")


def lexical_features(url: str) -> list:
    p = urlparse(url if "://" in url else "http://" + url)
    host = p.hostname or ""
    return [
        len(url),
        len(host),
        host.count("."),
        url.count("-"),
        url.count("@"),
        sum(ch.isdigit() for ch in url) / max(len(url), 1),
        int(bool(IP_RE.match(host))),
        int(p.scheme == "https"),
        sum(tok in url.lower() for tok in SUSPICIOUS_TOKENS),
        len(p.path.split("/")),
    ]


def build_features(urls: pd.Series, max_features: int):
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), max_features=max_features,
                          sublinear_tf=True, min_df=3)
    tfidf = vec.fit_transform(urls)
    lex = np.array([lexical_features(u) for u in urls], dtype=np.float32)
    lex = np.log1p(lex)
    return sparse.hstack([tfidf, sparse.csr_matrix(lex)]).tocsr(), vec


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/urls.csv")
    ap.add_argument("--max-features", type=int, default=200_000)
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default="models/url_lr.joblib")
    args = ap.parse_args()

    df = pd.read_csv(args.data)
    df = df.dropna(subset=["url"]).drop_duplicates(subset=["url"])
    df["url"] = df["url"].str.strip()
    y = (df["label"] == "phishing").astype(int).values
    print(f"{len(df)} urls, {y.mean():.3f} phishing")

    X, vec = build_features(df["url"], args.max_features)

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y,
                                              random_state=args.seed)

    clf = LogisticRegression(C=args.C, max_iter=2000, solver="liblinear", class_weight="balanced",
                             random_state=args.seed)
    clf.fit(X_tr, y_tr)

    proba = clf.predict_proba(X_te)[:, 1]
    print(classification_report(y_te, (proba > 0.5).astype(int), digits=4))
    print(f"ROC AUC {roc_auc_score(y_te, proba):.4f}  PR AUC {average_precision_score(y_te, proba):.4f}")

    joblib.dump({"vectorizer": vec, "model": clf}, args.out)


if __name__ == "__main__":
    main()
