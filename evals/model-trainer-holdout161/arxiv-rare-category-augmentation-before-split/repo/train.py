import argparse
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from augment import augment_minority

SEED = 11


def load(path: str) -> pd.DataFrame:
    df = pd.read_json(path, lines=True)
    df["label"] = df["categories"].str.split().str[0]
    df["text"] = (df["title"] + ". " + df["abstract"]).str.replace(r"\s+", " ", regex=True).str.strip()
    # categories with fewer than 200 papers are folded into their archive (e.g. q-bio.SC -> q-bio)
    counts = df["label"].value_counts()
    rare = counts[counts < 200].index
    df.loc[df["label"].isin(rare), "label"] = df["label"].str.split(".").str[0]
    return df[["id", "text", "label"]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/arxiv_sample_150k.jsonl")
    ap.add_argument("--target-count", type=int, default=1500)
    ap.add_argument("--out", default="models/tfidf_svc.joblib")
    args = ap.parse_args()

    np.random.seed(SEED)
    df = load(args.data)
    print("classes:", df["label"].nunique(), "| smallest:", df["label"].value_counts().tail(5).to_dict())

    # q-bio / physics.* / cs.MS etc. are tiny compared to cs.LG and cs.CV; balance them first
    df = augment_minority(df, "label", "text", target_count=args.target_count, seed=SEED)

    train_df, test_df = train_test_split(
        df, test_size=0.2, stratify=df["label"], random_state=SEED
    )

    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True)),
        ("svc", LinearSVC(C=0.5, class_weight="balanced", random_state=SEED)),
    ])
    pipe.fit(train_df["text"], train_df["label"])

    pred = pipe.predict(test_df["text"])
    report = classification_report(test_df["label"], pred, output_dict=True, zero_division=0)
    print(classification_report(test_df["label"], pred, digits=3, zero_division=0))
    print(f"macro F1: {f1_score(test_df['label'], pred, average='macro'):.4f}")

    joblib.dump(pipe, args.out)
    with open(args.out.replace(".joblib", "_report.json"), "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main()
