"""Flag urgent facility-maintenance tickets (~18% urgent) from their free-text description.

Model: logistic regression on frozen MiniLM sentence embeddings.
Baseline: TF-IDF + logistic regression fitted on the same training rows.
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, LogisticRegressionCV
from sklearn.metrics import (average_precision_score, balanced_accuracy_score, f1_score, precision_recall_curve,
                             roc_auc_score)
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from embed_cache import embed_texts


def best_f1_threshold(y, proba):
    p, r, t = precision_recall_curve(y, proba)
    f1 = 2 * p[:-1] * r[:-1] / np.maximum(p[:-1] + r[:-1], 1e-12)
    return float(t[np.argmax(f1)])


def evaluate(y, proba, thr):
    pred = (proba >= thr).astype(int)
    return {"roc_auc": roc_auc_score(y, proba), "pr_auc": average_precision_score(y, proba),
            "f1": f1_score(y, pred), "balanced_acc": balanced_accuracy_score(y, pred), "threshold": thr}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tickets", default="data/maintenance_tickets.parquet")
    ap.add_argument("--seed", type=int, default=19)
    args = ap.parse_args()

    tickets = pd.read_parquet(args.tickets, columns=["ticket_id", "description", "urgent"])
    tickets["description"] = tickets["description"].str.strip()
    tickets = tickets[tickets["description"].str.len() > 0].reset_index(drop=True)

    emb = embed_texts(tickets["description"])   # frozen encoder, per-row, see embed_cache.py
    y = tickets["urgent"].to_numpy()
    idx = np.arange(len(tickets))

    idx_train, idx_rest = train_test_split(idx, test_size=0.3, stratify=y, random_state=args.seed)
    idx_val, idx_test = train_test_split(idx_rest, test_size=0.5, stratify=y[idx_rest], random_state=args.seed)

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)
    emb_clf = make_pipeline(
        StandardScaler(),
        LogisticRegressionCV(Cs=10, cv=cv, scoring="average_precision", class_weight="balanced",
                             max_iter=5000, random_state=args.seed),
    )
    emb_clf.fit(emb[idx_train], y[idx_train])

    text = tickets["description"].to_numpy()
    tfidf_clf = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                              LogisticRegression(C=2.0, class_weight="balanced", max_iter=3000))
    tfidf_clf.fit(text[idx_train], y[idx_train])

    out = {}
    for name, proba_fn in {
        "minilm_lr": lambda rows: emb_clf.predict_proba(emb[rows])[:, 1],
        "tfidf_lr": lambda rows: tfidf_clf.predict_proba(text[rows])[:, 1],
    }.items():
        thr = best_f1_threshold(y[idx_val], proba_fn(idx_val))       # tuned on validation
        out[name] = {"val": evaluate(y[idx_val], proba_fn(idx_val), thr),
                     "test": evaluate(y[idx_test], proba_fn(idx_test), thr)}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
