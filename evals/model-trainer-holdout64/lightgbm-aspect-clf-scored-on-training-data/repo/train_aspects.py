"""Aspect classifier for product reviews (delivery / quality / price / support / sizing / other)."""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer
from sklearn.dummy import DummyClassifier
from sklearn.metrics import classification_report, f1_score

from dedup import near_duplicate_mask

SEED = 8


def main(args):
    np.random.seed(SEED)
    reviews = pd.read_csv(args.data).dropna(subset=["review_text", "aspect"])
    encoder = SentenceTransformer("BAAI/bge-base-en-v1.5")
    emb = encoder.encode(reviews["review_text"].tolist(), batch_size=128, normalize_embeddings=True,
                         show_progress_bar=True)

    keep = near_duplicate_mask(emb, threshold=args.dup_threshold)
    print(f"removed {(~keep).sum()} near-duplicates of {len(keep)}")
    reviews, emb = reviews[keep].reset_index(drop=True), emb[keep]

    classes = sorted(reviews["aspect"].unique())
    y = reviews["aspect"].map({c: i for i, c in enumerate(classes)}).values

    model = lgb.LGBMClassifier(
        objective="multiclass",
        n_estimators=600,
        learning_rate=0.05,
        num_leaves=31,
        colsample_bytree=0.4,
        class_weight="balanced",
        random_state=SEED,
        verbose=-1,
    )
    model.fit(emb, y)

    dummy = DummyClassifier(strategy="most_frequent").fit(emb, y)
    pred = model.predict(emb)
    metrics = {
        "dummy_macro_f1": f1_score(y, dummy.predict(emb), average="macro"),
        "lgbm_macro_f1": f1_score(y, pred, average="macro"),
        "lgbm_weighted_f1": f1_score(y, pred, average="weighted"),
    }
    print(json.dumps(metrics, indent=2))
    print(classification_report(y, pred, target_names=classes, digits=3))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "aspects_lgbm.txt"))
    (out / "classes.json").write_text(json.dumps(classes))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/reviews_aspects.csv")
    ap.add_argument("--out", default="models/aspects")
    ap.add_argument("--dup-threshold", type=float, default=0.95)
    main(ap.parse_args())
