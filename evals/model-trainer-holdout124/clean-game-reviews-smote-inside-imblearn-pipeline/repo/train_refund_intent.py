"""Flag game reviews that ask for a refund / report a payment problem (rare class, ~4%).

TF-IDF -> SMOTE -> logistic regression.
"""
import argparse

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, precision_recall_curve
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split

SEED = 101


def build_pipeline():
    return Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_df=0.95, sublinear_tf=True)),
        ("smote", SMOTE(sampling_strategy=0.3, k_neighbors=5, random_state=SEED)),
        ("lr", LogisticRegression(C=2.0, max_iter=2000, random_state=SEED)),
    ])


def pick_threshold(y_true, scores, min_precision=0.8):
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    ok = np.where(precision[:-1] >= min_precision)[0]
    return float(thresholds[ok[np.argmax(recall[ok])]]) if len(ok) else 0.5


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/game_reviews_labelled.csv")
    ap.add_argument("--min-precision", type=float, default=0.8)
    args = ap.parse_args()

    df = pd.read_csv(args.data, usecols=["review_id", "app_version", "text", "refund_intent"])
    df = df.dropna(subset=["text"]).drop_duplicates(subset=["text"])
    print(df["refund_intent"].value_counts())

    X_train, X_test, y_train, y_test = train_test_split(
        df["text"], df["refund_intent"], test_size=0.25, stratify=df["refund_intent"], random_state=SEED
    )

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    oof = cross_val_predict(build_pipeline(), X_train, y_train, cv=cv, method="predict_proba")[:, 1]
    print(f"CV average precision: {average_precision_score(y_train, oof):.4f}")
    threshold = pick_threshold(y_train, oof, args.min_precision)
    print(f"threshold for precision >= {args.min_precision}: {threshold:.3f}")

    model = build_pipeline().fit(X_train, y_train)
    scores = model.predict_proba(X_test)[:, 1]
    print(f"test average precision: {average_precision_score(y_test, scores):.4f}")
    print(classification_report(y_test, (scores >= threshold).astype(int), digits=3))

    joblib.dump({"model": model, "threshold": threshold}, "refund_intent_model.joblib")


if __name__ == "__main__":
    main()
