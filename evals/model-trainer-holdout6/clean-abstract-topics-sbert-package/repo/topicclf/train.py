import argparse
import json

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.svm import LinearSVC

from . import settings
from .embed import embed_texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--abstracts", default="data/arxiv_abstracts_8cat.parquet")
    args = ap.parse_args()
    np.random.seed(settings.SEED)

    df = pd.read_parquet(args.abstracts)
    df = df[df["primary_category"].isin(settings.LABELS)].drop_duplicates("arxiv_id")
    texts = (df["title"] + ". " + df["abstract"].str.replace(r"\s+", " ", regex=True)).tolist()
    emb = embed_texts(texts)
    cats = df["primary_category"].to_numpy()

    E_tr, E_te, c_tr, c_te = train_test_split(emb, cats, test_size=0.2, stratify=cats,
                                              random_state=settings.SEED)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=settings.SEED)
    searches = {
        "logreg": GridSearchCV(LogisticRegression(max_iter=4000), {"C": [0.5, 2, 8, 32]},
                               scoring="f1_macro", cv=folds, n_jobs=-1),
        "linsvc": GridSearchCV(LinearSVC(dual="auto", random_state=settings.SEED), {"C": [0.05, 0.2, 1.0]},
                               scoring="f1_macro", cv=folds, n_jobs=-1),
    }
    for s in searches.values():
        s.fit(E_tr, c_tr)
    pick = max(searches, key=lambda k: searches[k].best_score_)
    model = searches[pick].best_estimator_

    prior = DummyClassifier(strategy="most_frequent").fit(E_tr, c_tr)
    pred = model.predict(E_te)
    out = {
        "cv": {k: round(s.best_score_, 4) for k, s in searches.items()},
        "picked": pick,
        "test_macro_f1": f1_score(c_te, pred, average="macro"),
        "test_accuracy": accuracy_score(c_te, pred),
        "majority_macro_f1": f1_score(c_te, prior.predict(E_te), average="macro"),
        "majority_accuracy": accuracy_score(c_te, prior.predict(E_te)),
    }
    print(classification_report(c_te, pred, digits=3))
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
