"""Scam listing classifier: description embeddings + neighbourhood + metadata -> CatBoost."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from scamdetect.features import l2_normalize, meta_features, neighbor_label_rate

SEED = 99
LISTINGS = "data/listings_flagged_2024.parquet"
OUT = Path("artifacts/scam_catboost")


def main():
    np.random.seed(SEED)
    OUT.mkdir(parents=True, exist_ok=True)
    df = pd.read_parquet(LISTINGS).reset_index(drop=True)
    y = df["is_scam"].values
    print(f"{len(df)} listings, scam rate {y.mean():.3%}")

    encoder = SentenceTransformer("sentence-transformers/all-MiniLM-L12-v2")
    emb = l2_normalize(encoder.encode(df["description"].tolist(), batch_size=256, show_progress_bar=True))

    feats = meta_features(df)
    feats["nbr_scam_rate"] = neighbor_label_rate(emb, y, k=15)
    emb_df = pd.DataFrame(emb, columns=[f"emb_{i}" for i in range(emb.shape[1])])
    X = pd.concat([feats, emb_df], axis=1)

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_fit, X_val, y_fit, y_val = train_test_split(X_tr, y_tr, test_size=0.15, stratify=y_tr, random_state=SEED)

    meta_cols = list(meta_features(df.head(1)).columns)
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
    baseline.fit(X_fit[meta_cols], y_fit)

    model = CatBoostClassifier(
        iterations=3000,
        learning_rate=0.05,
        depth=6,
        auto_class_weights="Balanced",
        eval_metric="PRAUC",
        random_seed=SEED,
        od_type="Iter",
        od_wait=150,
        verbose=250,
    )
    model.fit(X_fit, y_fit, eval_set=(X_val, y_val), use_best_model=True)

    results = {}
    for name, proba in [
        ("meta_logreg", baseline.predict_proba(X_te[meta_cols])[:, 1]),
        ("catboost", model.predict_proba(X_te)[:, 1]),
    ]:
        results[name] = {
            "roc_auc": float(roc_auc_score(y_te, proba)),
            "pr_auc": float(average_precision_score(y_te, proba)),
        }
    print(json.dumps(results, indent=2))
    print(model.get_feature_importance(prettified=True).head(10))

    model.save_model(str(OUT / "scam_catboost.cbm"))
    (OUT / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
