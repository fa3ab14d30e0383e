"""Detect feature requests in app-store reviews.

~2.5k reviews were tagged by the PM team (bug / feature_request / praise / other);
we have ~120k untagged reviews from the same apps to self-train on.
"""
import json
import sys

import joblib
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.semi_supervised import SelfTrainingClassifier

SEED = 21
LABELS = ["bug", "feature_request", "praise", "other"]


def clean_text(s):
    return s.fillna("").str.replace(r"http\S+", " ", regex=True).str.lower()


def sgd(alpha):
    return SGDClassifier(loss="log_loss", alpha=alpha, class_weight="balanced",
                         max_iter=50, tol=1e-4, random_state=SEED)


def main(tagged_path="data/reviews_tagged.csv", untagged_path="data/reviews_untagged.csv"):
    tagged = pd.read_csv(tagged_path)
    untagged = pd.read_csv(untagged_path)
    tagged["text"] = clean_text(tagged["title"] + " " + tagged["review"])
    untagged["text"] = clean_text(untagged["title"] + " " + untagged["review"])
    y = tagged["tag"].map({t: i for i, t in enumerate(LABELS)}).to_numpy()

    txt_tr, txt_te, y_tr, y_te = train_test_split(tagged["text"], y, test_size=0.2, stratify=y,
                                                  random_state=SEED)

    # 1) tune the supervised pipeline with CV on the training reviews
    sup = Pipeline([("tfidf", TfidfVectorizer(sublinear_tf=True, min_df=2)), ("clf", sgd(1e-4))])
    grid = GridSearchCV(
        sup,
        {"tfidf__ngram_range": [(1, 1), (1, 2)], "clf__alpha": [1e-5, 3e-5, 1e-4, 3e-4]},
        scoring="f1_macro",
        cv=StratifiedKFold(5, shuffle=True, random_state=SEED),
        n_jobs=-1,
    )
    grid.fit(txt_tr, y_tr)
    print("best params:", grid.best_params_, "cv macro-F1: %.4f" % grid.best_score_)
    ngram, alpha = grid.best_params_["tfidf__ngram_range"], grid.best_params_["clf__alpha"]

    # 2) self-training with those settings, untagged reviews as -1
    st = Pipeline([
        ("tfidf", TfidfVectorizer(sublinear_tf=True, min_df=2, ngram_range=ngram)),
        ("clf", SelfTrainingClassifier(sgd(alpha), threshold=0.85, max_iter=10)),
    ])
    X_fit = pd.concat([txt_tr, untagged["text"]], ignore_index=True)
    y_fit = np.concatenate([y_tr, np.full(len(untagged), -1)])
    st.fit(X_fit, y_fit)
    print("pseudo-labeled:", int((st.named_steps["clf"].labeled_iter_ > 0).sum()))

    report = {}
    for name, model in [("supervised", grid.best_estimator_), ("self_training", st)]:
        pred = model.predict(txt_te)
        report[name] = f1_score(y_te, pred, average="macro")
        print(name)
        print(classification_report(y_te, pred, target_names=LABELS, digits=3))
    print(json.dumps(report, indent=2))
    joblib.dump(st, "models/feature_request_self_training.joblib")


if __name__ == "__main__":
    main(*sys.argv[1:])
