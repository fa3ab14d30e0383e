"""Train the comment-moderation classifier (toxic vs. ok).

Roughly 6-7% of comments in the moderation dump are labelled toxic.
"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import pandas as pd
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from toxicity.features import build_features

log = logging.getLogger("toxicity")


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, usecols=["comment_id", "comment_text", "toxic"])
    df = df.dropna(subset=["comment_text"]).drop_duplicates("comment_text")
    df["toxic"] = df["toxic"].astype(int)
    return df


def main(args):
    df = load(args.data)
    log.info("%d comments, toxic share %.1f%%", len(df), 100 * df["toxic"].mean())

    X_train, X_test, y_train, y_test = train_test_split(
        df["comment_text"], df["toxic"], test_size=0.2, stratify=df["toxic"], random_state=args.seed
    )

    model = Pipeline([
        ("features", build_features()),
        ("svm", LinearSVC(C=args.C, class_weight="balanced", random_state=args.seed)),
    ])
    model.fit(X_train, y_train)

    train_acc = accuracy_score(y_train, model.predict(X_train))
    test_acc = accuracy_score(y_test, model.predict(X_test))
    log.info("train accuracy %.4f | test accuracy %.4f", train_acc, test_acc)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out / "toxicity_svm.joblib")
    (out / "metrics.json").write_text(json.dumps({"train_accuracy": train_acc,
                                                  "test_accuracy": test_acc}, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/moderation_dump.csv")
    p.add_argument("--out", default="models/toxicity")
    p.add_argument("--C", type=float, default=0.5)
    p.add_argument("--seed", type=int, default=3)
    main(p.parse_args())
