"""Predict the 1-5 star score of Play Store reviews for our banking apps.

The data team ships a fixed split (data/reviews_train.csv, data/reviews_test.csv) so numbers stay
comparable across experiments.
"""
import argparse
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, mean_absolute_error

from features import add_meta, build_features


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default="data/reviews_train.csv")
    ap.add_argument("--test", default="data/reviews_test.csv")
    ap.add_argument("--max-features", type=int, default=60000)
    ap.add_argument("--C", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    cols = ["reviewId", "appId", "content", "score", "thumbsUpCount", "replyContent"]
    train_df = add_meta(pd.read_csv(args.train, usecols=cols))
    test_df = add_meta(pd.read_csv(args.test, usecols=cols))
    print(f"train {len(train_df)}  test {len(test_df)}")
    print(train_df["score"].value_counts(normalize=True).sort_index().round(3))

    X_train = build_features(train_df, args.max_features)
    X_test = build_features(test_df, args.max_features)
    y_train, y_test = train_df["score"].values, test_df["score"].values

    clf = LogisticRegression(C=args.C, max_iter=3000, class_weight="balanced",
                             solver="saga", random_state=args.seed)
    clf.fit(X_train, y_train)

    pred = clf.predict(X_test)
    # expected stars from the class probabilities is a better point estimate for MAE
    exp_stars = clf.predict_proba(X_test) @ clf.classes_
    metrics = {
        "macro_f1": f1_score(y_test, pred, average="macro"),
        "mae_argmax": mean_absolute_error(y_test, pred),
        "mae_expected": mean_absolute_error(y_test, exp_stars),
        "mae_const_median": mean_absolute_error(y_test, np.full(len(y_test), np.median(y_train))),
    }
    print(classification_report(y_test, pred, digits=3))
    print(json.dumps(metrics, indent=2))

    joblib.dump(clf, "models/stars_logreg.joblib")
    with open("models/stars_logreg_metrics.json", "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
