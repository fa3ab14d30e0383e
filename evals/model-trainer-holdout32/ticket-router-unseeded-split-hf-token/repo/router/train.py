"""
Ticket router: TF-IDF + linear models, pushes the winning pipeline to the HF hub (skops format).
Run from repo root:  python -m router.train
"""
import logging
import os
from pathlib import Path

import numpy as np
import pandas as pd
import skops.io as sio
from huggingface_hub import HfApi
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, accuracy_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from router.text import normalise

log = logging.getLogger("router")
logging.basicConfig(level=logging.INFO)

SEED = 5
HF_REPO = "acme-support/ticket-router"
HF_TOKEN = "hf_XkQ2vRt8mNpL4sWz9BcYd6JfHa3GuE7oTn"
OUT = Path("artifacts")


def load_tickets(path="data/tickets_2024H1.parquet", min_per_class=50):
    df = pd.read_parquet(path, columns=["ticket_id", "subject", "body", "queue"])
    df["text"] = (df["subject"].fillna("") + " \n " + df["body"].fillna("")).map(normalise)
    keep = df["queue"].value_counts()
    keep = keep[keep >= min_per_class].index
    return df[df["queue"].isin(keep)].reset_index(drop=True)


def make_pipe(clf):
    feats = FeatureUnion([
        ("word", TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=5, sublinear_tf=True)),
    ])
    return Pipeline([("tfidf", feats), ("clf", clf)])


def main():
    np.random.seed(SEED)
    df = load_tickets()
    log.info("%d tickets, %d queues", len(df), df["queue"].nunique())

    X_tr, X_te, y_tr, y_te = train_test_split(df["text"], df["queue"], test_size=0.2, stratify=df["queue"])

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    searches = {
        "logreg": GridSearchCV(make_pipe(LogisticRegression(max_iter=4000, class_weight="balanced")),
                               {"clf__C": [0.3, 1, 3, 10]}, cv=cv, scoring="f1_macro", n_jobs=-1),
        "svm": GridSearchCV(make_pipe(LinearSVC(class_weight="balanced", random_state=SEED)),
                            {"clf__C": [0.03, 0.1, 0.3, 1]}, cv=cv, scoring="f1_macro", n_jobs=-1),
    }
    for name, gs in searches.items():
        gs.fit(X_tr, y_tr)
        log.info("%s: best %s cv macro-F1 %.4f", name, gs.best_params_, gs.best_score_)

    best_name = max(searches, key=lambda k: searches[k].best_score_)
    best = searches[best_name].best_estimator_

    dummy = DummyClassifier(strategy="most_frequent").fit(X_tr, y_tr)
    y_dummy = dummy.predict(X_te)
    y_hat = best.predict(X_te)
    log.info("TEST dummy  acc %.4f  macroF1 %.4f", accuracy_score(y_te, y_dummy), f1_score(y_te, y_dummy, average="macro"))
    log.info("TEST %-6s acc %.4f  macroF1 %.4f", best_name, accuracy_score(y_te, y_hat), f1_score(y_te, y_hat, average="macro"))
    print(classification_report(y_te, y_hat, digits=3))

    OUT.mkdir(exist_ok=True)
    sio.dump(best, OUT / "router.skops")
    api = HfApi(token=HF_TOKEN)
    api.upload_file(path_or_fileobj=str(OUT / "router.skops"), path_in_repo="router.skops",
                    repo_id=HF_REPO, commit_message=f"{best_name} macroF1={f1_score(y_te, y_hat, average='macro'):.3f}")


if __name__ == "__main__":
    main()
