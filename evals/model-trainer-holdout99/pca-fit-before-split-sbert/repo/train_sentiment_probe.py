"""Sentiment probe on frozen MiniLM sentence embeddings.

Encodes the product review dump once, compresses the embeddings with PCA so the
probe stays small enough to ship inside the moderation service, and fits a
logistic regression head on top.
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer
from sklearn.decomposition import PCA
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 13
MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--reviews", type=Path, default=Path("data/reviews_2024q1.csv"))
    p.add_argument("--out-dir", type=Path, default=Path("artifacts/sentiment_probe"))
    p.add_argument("--n-components", type=int, default=64)
    p.add_argument("--batch-size", type=int, default=128)
    return p.parse_args()


def load_reviews(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path)
    df = df.dropna(subset=["review_text", "rating"])
    df = df[df["rating"] != 3].copy()
    df["label"] = (df["rating"] >= 4).astype(int)
    df["review_text"] = df["review_text"].str.strip()
    return df.drop_duplicates(subset=["review_text"]).reset_index(drop=True)


def embed(texts, batch_size: int) -> np.ndarray:
    encoder = SentenceTransformer(MODEL_NAME, device="cpu")
    return encoder.encode(
        texts,
        batch_size=batch_size,
        show_progress_bar=True,
        convert_to_numpy=True,
        normalize_embeddings=True,
    )


def main():
    args = parse_args()
    np.random.seed(SEED)
    args.out_dir.mkdir(parents=True, exist_ok=True)

    df = load_reviews(args.reviews)
    print(f"{len(df)} reviews, positive rate {df['label'].mean():.3f}")

    emb = embed(df["review_text"].tolist(), args.batch_size)

    pca = PCA(n_components=args.n_components, random_state=SEED)
    emb_small = pca.fit_transform(emb)
    print(f"PCA keeps {pca.explained_variance_ratio_.sum():.2%} of variance")

    X_train, X_test, y_train, y_test = train_test_split(
        emb_small, df["label"].values, test_size=0.2, stratify=df["label"].values, random_state=SEED
    )

    baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
    clf = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    clf.fit(X_train, y_train)

    results = {}
    for name, model in [("prior", baseline), ("logreg", clf)]:
        proba = model.predict_proba(X_test)[:, 1]
        pred = model.predict(X_test)
        results[name] = {
            "roc_auc": float(roc_auc_score(y_test, proba)),
            "f1": float(f1_score(y_test, pred, zero_division=0)),
        }
        print(name, json.dumps(results[name]))

    print(classification_report(y_test, clf.predict(X_test), digits=3))

    joblib.dump({"pca": pca, "clf": clf, "encoder": MODEL_NAME}, args.out_dir / "probe.joblib")
    (args.out_dir / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
