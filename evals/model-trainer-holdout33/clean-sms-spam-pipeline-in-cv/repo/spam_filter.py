"""SMS spam filter (UCI SMS Spam Collection, ~13% spam).

- stateless normalisation (lower-case, URL / phone / money placeholders) applied per message
- TF-IDF lives inside the Pipeline, so every CV fold refits it on its own training part
- decision threshold picked from out-of-fold probabilities on the training set
- the held-out test set is scored once, at the end
"""
import json
import logging
import re
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve, precision_score,
                             recall_score, roc_auc_score)
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline

SEED = 8
DATA = Path("data/SMSSpamCollection")
ARTIFACTS = Path("artifacts/spam")
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

URL_RE = re.compile(r"(https?://\S+|www\.\S+)")
PHONE_RE = re.compile(r"\b\d{5,}\b")
MONEY_RE = re.compile(r"[£$€]\s?\d+([.,]\d+)?")


def normalise(msg: str) -> str:
    msg = msg.lower()
    msg = URL_RE.sub(" _url_ ", msg)
    msg = MONEY_RE.sub(" _money_ ", msg)
    msg = PHONE_RE.sub(" _phone_ ", msg)
    return re.sub(r"\s+", " ", msg).strip()


def top_terms_per_class(texts, labels, k=15):
    """EDA only: most frequent tokens in ham vs spam (printed, never fed to a model)."""
    cv = CountVectorizer(stop_words="english", min_df=2)
    counts = cv.fit_transform(texts)
    vocab = np.array(cv.get_feature_names_out())
    for cls in (0, 1):
        freq = np.asarray(counts[labels == cls].sum(axis=0)).ravel()
        logging.info("top terms for %s: %s", "spam" if cls else "ham", ", ".join(vocab[freq.argsort()[::-1][:k]]))


def scores(y_true, proba, threshold):
    pred = (proba >= threshold).astype(int)
    return {
        "roc_auc": roc_auc_score(y_true, proba),
        "pr_auc": average_precision_score(y_true, proba),
        "precision": precision_score(y_true, pred, zero_division=0),
        "recall": recall_score(y_true, pred),
        "f1": f1_score(y_true, pred),
        "threshold": float(threshold),
    }


def main():
    sms = pd.read_csv(DATA, sep="\t", names=["label", "message"], quoting=3)
    sms["y"] = (sms["label"] == "spam").astype(int)
    sms["text"] = sms["message"].map(normalise)
    logging.info("%d messages, spam rate %.3f", len(sms), sms["y"].mean())
    top_terms_per_class(sms["text"], sms["y"].to_numpy())

    X_train, X_test, y_train, y_test = train_test_split(
        sms["text"], sms["y"], test_size=0.2, stratify=sms["y"], random_state=SEED
    )

    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(sublinear_tf=True)),
        ("clf", LogisticRegression(max_iter=5000, class_weight="balanced", random_state=SEED)),
    ])
    grid = {
        "tfidf__ngram_range": [(1, 1), (1, 2)],
        "tfidf__analyzer": ["word", "char_wb"],
        "tfidf__min_df": [1, 2],
        "clf__C": [1.0, 10.0, 100.0],
    }
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    search = GridSearchCV(pipe, grid, cv=cv, scoring="average_precision", n_jobs=-1)
    search.fit(X_train, y_train)
    logging.info("best %s, CV PR-AUC %.4f", search.best_params_, search.best_score_)

    # threshold from out-of-fold predictions of the chosen configuration (training data only)
    oof = cross_val_predict(search.best_estimator_, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
    prec, rec, thr = precision_recall_curve(y_train, oof)
    f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-12, None)
    threshold = thr[f1s.argmax()]
    logging.info("OOF-optimal threshold %.3f (OOF F1 %.4f)", threshold, f1s.max())

    dummy = DummyClassifier(strategy="prior").fit(X_train, y_train)
    final = search.best_estimator_
    report = {
        "prior_baseline": scores(y_test, dummy.predict_proba(X_test)[:, 1], 0.5),
        "tfidf_logreg": scores(y_test, final.predict_proba(X_test)[:, 1], threshold),
    }
    print(json.dumps(report, indent=2))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": final, "threshold": threshold}, ARTIFACTS / "spam_lr.joblib")


if __name__ == "__main__":
    main()
