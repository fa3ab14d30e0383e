"""Multi-label toxicity tagger (toxic, severe_toxic, obscene, threat, insult, identity_hate).

Word + char TF-IDF, one logistic regression per label, per-label decision thresholds.
"""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.multiclass import OneVsRestClassifier

LABELS = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"]
SEED = 97
OUT = Path("models/toxicity")


def best_f1_threshold(y_true, scores):
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    f1 = 2 * precision[:-1] * recall[:-1] / np.clip(precision[:-1] + recall[:-1], 1e-9, None)
    return float(thresholds[np.argmax(f1)])


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    df = pd.read_csv("data/comments_labelled.csv")
    df["comment_text"] = df["comment_text"].fillna("").str.replace(r"\s+", " ", regex=True)
    Y = df[LABELS].to_numpy()
    strat = df[LABELS].any(axis=1).astype(int).astype(str) + df["threat"].astype(str)
    print(df[LABELS].mean().round(4).to_dict())

    train_df, test_df, y_train, y_test = train_test_split(df, Y, test_size=0.2, stratify=strat, random_state=SEED)
    train_df, val_df, y_train, y_val = train_test_split(
        train_df, y_train, test_size=0.15, stratify=strat.loc[train_df.index], random_state=SEED
    )

    word_vec = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=3, max_features=200000, sublinear_tf=True)
    char_vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=5, max_features=300000, sublinear_tf=True)
    word_vec.fit(train_df["comment_text"])
    char_vec.fit(train_df["comment_text"])

    def features(texts):
        return sp.hstack([word_vec.transform(texts), char_vec.transform(texts)]).tocsr()

    X_train, X_val, X_test = (features(d["comment_text"]) for d in (train_df, val_df, test_df))

    model = OneVsRestClassifier(LogisticRegression(C=4.0, max_iter=2000, solver="liblinear"), n_jobs=-1)
    model.fit(X_train, y_train)

    val_scores = model.predict_proba(X_val)
    thresholds = np.array([best_f1_threshold(y_val[:, j], val_scores[:, j]) for j in range(len(LABELS))])

    test_scores = model.predict_proba(X_test)
    test_pred = (test_scores >= thresholds).astype(int)
    prior_pred = np.tile((y_train.mean(axis=0) >= 0.5).astype(int), (len(y_test), 1))
    report = {
        "thresholds": dict(zip(LABELS, thresholds.round(3).tolist())),
        "micro_f1": f1_score(y_test, test_pred, average="micro", zero_division=0),
        "macro_f1": f1_score(y_test, test_pred, average="macro", zero_division=0),
        "macro_f1_at_0.5": f1_score(y_test, (test_scores >= 0.5).astype(int), average="macro", zero_division=0),
        "macro_f1_prior_baseline": f1_score(y_test, prior_pred, average="macro", zero_division=0),
        "per_label": {
            name: {
                "roc_auc": roc_auc_score(y_test[:, j], test_scores[:, j]),
                "pr_auc": average_precision_score(y_test[:, j], test_scores[:, j]),
                "f1": f1_score(y_test[:, j], test_pred[:, j], zero_division=0),
            }
            for j, name in enumerate(LABELS)
        },
    }
    print(json.dumps(report, indent=2))
    joblib.dump({"word": word_vec, "char": char_vec, "model": model, "thresholds": thresholds}, OUT / "toxicity.joblib")
    (OUT / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
